package dev.veracity.cli;

import dev.veracity.io.BadRecords;
import dev.veracity.io.InputPaths;
import dev.veracity.io.OutputPaths;
import dev.veracity.transform.TransformDirectory;
import dev.veracity.transform.TransformFit;
import dev.veracity.transform.TransformSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity transform fit}: analyzes data for a spec and writes the transform directory. */
@Command(
        name = "fit",
        header = "Analyzes data in one pass and writes a transform directory of frozen constants.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads DATA (CSV, JSON Lines, Parquet, Avro, TFRecord; globs, gzip) once, on all",
            "cores, and computes what the --spec's ops need: means and population standard",
            "deviations, minima and maxima, quantile bucket boundaries (KLL, rank error in",
            "constants.json), vocabularies (TFT's order: most frequent first, ties by",
            "descending bytes) and document frequencies. Writes TRANSFORM_DIR atomically: the",
            "spec, constants.json, vocabulary files, the input and output schemas (TFDV), and",
            "the SHA-256 of each file in transform.json.",
            "",
            "With --engine beam the analysis runs as an Apache Beam pipeline (--runner: Flink by",
            "default, direct, spark): each file is analyzed by a worker and the analyses are",
            "merged in file order, so TRANSFORM_DIR is the same, byte for byte, as with the",
            "local engine; parallelism is across files.",
            ""
        },
        footer = {
            "%nExample:",
            "  veracity transform fit --spec examples/transform.yaml examples/runs/train.csv -o runs_tf",
            "  veracity transform fit --spec examples/transform.yaml examples/runs/train.csv -o runs_tf \\",
            "      --engine beam --runner direct"
        })
final class TransformFitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "The transform spec (YAML).")
    Path specFile;

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "Files, directories of part files or globs.")
    List<String> inputs;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "TRANSFORM_DIR",
            description = "The transform directory to write (replaced if it is one).")
    Path output;

    @Option(
            names = "--bad-records",
            paramLabel = "POLICY",
            defaultValue = "fail",
            description = "fail (exit 2 naming the file and record) or skip (count malformed records). "
                    + "Default: ${DEFAULT-VALUE}.")
    BadRecords badRecords;

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "Analyzer cache per input file (by content digest): a file analyzed before with the "
                    + "same spec is not read again, so a rolling window of spans reads only the new ones. The "
                    + "result is the same bytes as without the cache.")
    Path cache;

    @Mixin
    EngineOptions engine;

    @Mixin
    ReadingOptions reading;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        List<Path> files = InputPaths.expand(inputs);
        OutputPaths.refuseOverwrite(Inputs.of(inputs, files, specFile), java.util.Arrays.asList(output, cache));
        TransformSpec transformSpec = TransformSpec.read(specFile);
        TransformFit.Fitted fitted = TransformFit.fitWithSummary(
                transformSpec,
                files,
                reading.readOptions().withBadRecords(badRecords),
                java.util.Optional.ofNullable(cache),
                engine.name,
                engine.run(inputs, Runtime.getRuntime().availableProcessors()));
        TransformDirectory.write(fitted.fn(), fitted.summary(), output);
        PrintWriter err = spec.commandLine().getErr();
        if (fitted.summary().skippedRecords() > 0) {
            err.printf(
                    "veracity: skipped %,d malformed record(s)%n",
                    fitted.summary().skippedRecords());
        }
        if (cache != null) {
            err.printf(
                    "veracity: %d file(s) read, %d from the cache %s%n",
                    fitted.summary().analyzedFiles(),
                    fitted.summary().cachedFiles(),
                    TerminalText.escape(cache.toString()));
        }
        err.printf(
                "veracity: analyzed %,d examples for %d transforms -> %s (%.1f s)%n",
                fitted.summary().rows(),
                transformSpec.steps().size(),
                TerminalText.escape(output.toString()),
                (System.nanoTime() - start) / 1e9);
        err.flush();
        return ExitCodes.OK;
    }
}
