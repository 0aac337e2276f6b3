package dev.veracity.cli;

import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.proto.Schema;
import dev.veracity.schema.DatasetView;
import dev.veracity.schema.InferenceOptions;
import dev.veracity.schema.SchemaUpdater;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity update-schema}: a schema relaxed to accept more statistics (TFDV's update_schema). */
@Command(
        name = "update-schema",
        header = "Relaxes a schema to accept statistics (TFDV's update_schema).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Relaxes a schema so that statistics conform to it, with TFDV's update_schema",
            "semantics: widen value counts, lower presence bounds, append unseen string values,",
            "widen ranges, deprecate features of another type or required but absent, and add",
            "new features as inference would. It is the validation engine with its fixes kept:",
            "validating the statistics against the result finds nothing. Several --stats are",
            "applied in order, as TFX's SchemaGen does over splits.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity update-schema --schema schema.pbtxt --stats eval.pb -o schema.pbtxt",
            "  veracity update-schema --schema s.pbtxt --stats a.pb --stats b.pb -o s2.pbtxt"
        })
final class UpdateSchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--schema", required = true, paramLabel = "SCHEMA", description = "The schema to relax.")
    Path schema;

    @Option(
            names = "--stats",
            required = true,
            paramLabel = "STATS",
            description = "Statistics the schema must accept; repeatable, applied in order.")
    List<Path> statistics;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write the schema (may be --schema itself; written atomically). Default: stdout.")
    Path output;

    @Option(
            names = "--environment",
            paramLabel = "ENV",
            description = "The environment the statistics come from: features outside it are moved into it.")
    String environment;

    @Option(
            names = "--max-domain-size",
            paramLabel = "N",
            defaultValue = "100",
            description = "For new features: most distinct strings that make a string domain (default: "
                    + "${DEFAULT-VALUE}).")
    int maxDomainSize;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Read the dataset (slice) of this name.")
    String dataset;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        // -o may be --schema itself (an in-place update), never one of the statistics.
        OutputPaths.refuseOverwrite(statistics, Collections.singletonList(output));
        InferenceOptions options = Options.inference(spec, maxDomainSize, 0);
        Schema updated = SchemaFiles.read(schema);
        for (Path file : statistics) {
            updated = SchemaUpdater.update(
                    updated, DatasetView.of(StatisticsInputs.read(file), dataset), options, environment);
        }
        SchemaOutput.write(updated, output, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
