package dev.veracity.cli;

import dev.veracity.io.BadRecords;
import dev.veracity.io.InputPaths;
import dev.veracity.io.OutputPaths;
import dev.veracity.transform.TransformApply;
import dev.veracity.transform.TransformDirectory;
import dev.veracity.transform.TransformFn;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity transform apply}: applies a fitted transform to data files. */
@Command(
        name = "apply",
        header = "Applies a fitted transform directory to data and writes the transformed rows.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Transforms DATA with the constants frozen in --transform (never re-analyzed) and",
            "writes, atomically and in input order, CSV, JSON Lines, Parquet or TFRecord of",
            "tf.Example by the output's extension (.gz compresses all but Parquet). Columns:",
            "the spec's outputs in spec order, then its keep columns. A category not in a",
            "vocabulary goes to its OOV bucket or default_value; a missing input stays",
            "missing unless the op is impute.",
            ""
        },
        footer = {
            "%nExample:",
            "  veracity transform apply --transform runs_tf examples/runs/eval.csv -o eval_t.parquet \\",
            "      --stats-out eval_t.pb"
        })
final class TransformApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--transform",
            required = true,
            paramLabel = "TRANSFORM_DIR",
            description = "A directory written by transform fit.")
    Path transform;

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "Files, directories of part files or globs.")
    List<String> inputs;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "The transformed data (.csv, .jsonl, .parquet, .tfrecord; .gz).")
    Path output;

    @Option(
            names = "--stats-out",
            paramLabel = "FILE",
            description = "Also write the transformed data's statistics (TFDV; .pb, .pbtxt or .json).")
    Path statsOut;

    @Option(
            names = "--bad-records",
            paramLabel = "POLICY",
            defaultValue = "fail",
            description = "fail (exit 2 naming the file and record) or skip (count malformed records). "
                    + "Default: ${DEFAULT-VALUE}.")
    BadRecords badRecords;

    @Mixin
    ReadingOptions reading;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        List<Path> files = InputPaths.expand(inputs);
        OutputPaths.refuseOverwrite(Inputs.of(inputs, files, transform), Arrays.asList(output, statsOut));
        TransformFn fn = TransformDirectory.read(transform);
        TransformApply.Applied done = TransformApply.apply(
                fn,
                TransformDirectory.inputSchema(transform),
                files,
                reading.readOptions().withBadRecords(badRecords),
                output,
                Optional.ofNullable(statsOut));
        PrintWriter err = spec.commandLine().getErr();
        if (done.skippedRecords() > 0) {
            err.printf("veracity: skipped %,d malformed record(s)%n", done.skippedRecords());
        }
        err.printf(
                "veracity: %,d examples -> %s (%.1f s)%n",
                done.examples(), TerminalText.escape(output.toString()), (System.nanoTime() - start) / 1e9);
        err.flush();
        return ExitCodes.OK;
    }
}
