package dev.veracity.cli;

import dev.veracity.io.InputPaths;
import dev.veracity.transform.TransformDirectory;
import dev.veracity.transform.TransformFn;
import dev.veracity.transform.TransformVerify;
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

/** {@code veracity transform verify}: the skew test of a transform's batch and serving paths. */
@Command(
        name = "verify",
        header = "Replays rows through the batch and the per-record path and checks they agree.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Transforms up to --rows rows of DATA twice, as transform apply does (a batch at a",
            "time) and as serving does (TransformFn.apply on one record), and compares every",
            "output value bit for bit. Exit code 1 when a row differs (training/serving skew).",
            ""
        },
        footer = {"%nExample:", "  veracity transform verify --transform runs_tf examples/runs/eval.csv --rows 5000"})
final class TransformVerifyCommand implements Callable<Integer> {
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
            names = "--rows",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Compare the first N rows (default: ${DEFAULT-VALUE}).")
    long rows;

    @Mixin
    ReadingOptions reading;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (rows < 1) {
            throw new dev.veracity.ConfigException(
                    dev.veracity.ErrorCode.INVALID_OPTION, "--rows: expected at least 1, found " + rows);
        }
        List<Path> files = InputPaths.expand(inputs);
        TransformFn fn = TransformDirectory.read(transform);
        TransformVerify.Report report = TransformVerify.verify(fn, files, reading.readOptions(), rows);
        PrintWriter out = spec.commandLine().getOut();
        if (report.identical()) {
            out.printf(
                    "identical: %,d rows gave the same values through the batch and the serving path%n", report.rows());
        } else {
            out.printf(
                    "SKEW: %,d of %,d rows differ between the batch and the serving path%n",
                    report.mismatched(), report.rows());
            for (TransformVerify.Mismatch m : report.mismatches()) {
                out.println(TerminalText.escape(
                        "  record " + m.record() + ": batch " + m.batch() + ", serving " + m.serving()));
            }
        }
        out.flush();
        return report.identical() ? ExitCodes.OK : ExitCodes.ANOMALIES;
    }
}
