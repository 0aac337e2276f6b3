package dev.veracity.cli;

import dev.veracity.io.OutputPaths;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.schema.DatasetView;
import dev.veracity.schema.InferenceOptions;
import dev.veracity.schema.SchemaInference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity infer-schema}: a TFDV schema inferred from statistics. */
@Command(
        name = "infer-schema",
        header = "Infers a TFDV schema from statistics.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Infers a TFDV schema (schema.pbtxt) from statistics with TFDV's rules: type,",
            "presence, valency (or shape), and domains for bool-like, int-like and",
            "low-cardinality string features. Numeric ranges and categorical INT value",
            "sets are opt-in extensions. Reads the only dataset, or \"All Examples\".",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity infer-schema train.pb -o schema.pbtxt",
            "  veracity infer-schema train.pb --infer-ranges --range-margin 0.2 -o schema.pbtxt"
        })
final class InferSchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STATS", description = "Statistics file (.pb, .pbtxt or .json).")
    Path statistics;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write the schema: .pbtxt (text, default), .pb or .json. Default: stdout, text.")
    Path output;

    @Option(
            names = "--infer-shape",
            description = "Write a fixed shape for features with the same number of values in every example, "
                    + "instead of value_count.")
    boolean inferShape;

    @Option(
            names = "--max-domain-size",
            paramLabel = "N",
            defaultValue = "100",
            description = "Most distinct strings that make a string domain (default: ${DEFAULT-VALUE}).")
    int maxDomainSize;

    @Option(
            names = "--infer-ranges",
            description = "Extension: write int_domain/float_domain min and max from the observed range.")
    boolean inferRanges;

    @Option(
            names = "--range-margin",
            paramLabel = "F",
            defaultValue = "0.1",
            description = "With --infer-ranges: how far past the observed range, as a fraction of its width, the "
                    + "domain reaches; never across zero (default: ${DEFAULT-VALUE}).")
    double rangeMargin;

    @Option(
            names = "--int-value-sets",
            description = "Extension: categorical INT features with at most --max-domain-size values get them as "
                    + "a string domain (TFDV marks them is_categorical only).")
    boolean intValueSets;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Infer from the dataset (slice) of this name.")
    String dataset;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(List.of(statistics), Collections.singletonList(output));
        InferenceOptions options = Options.inference(spec, maxDomainSize, rangeMargin)
                .withShape(inferShape)
                .withIntValueSets(intValueSets);
        if (inferRanges) {
            options = options.withRanges(rangeMargin);
        }
        Schema schema = SchemaInference.infer(DatasetView.of(StatisticsInputs.read(statistics), dataset), options);
        SchemaOutput.write(schema, output, spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();
        long domains = schema.getFeatureList().stream()
                .filter(f -> f.getDomainInfoCase() != Feature.DomainInfoCase.DOMAININFO_NOT_SET)
                .count();
        err.println("veracity: inferred " + schema.getFeatureCount() + " features (" + domains + " with a domain)"
                + (output == null ? "" : " -> " + output));
        err.flush();
        return ExitCodes.OK;
    }
}
