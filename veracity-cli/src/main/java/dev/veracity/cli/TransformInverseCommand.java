package dev.veracity.cli;

import dev.veracity.io.InputPaths;
import dev.veracity.io.OutputPaths;
import dev.veracity.transform.TransformDirectory;
import dev.veracity.transform.TransformInverse;
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

/** {@code veracity transform inverse}: maps transformed data back to input values where the ops invert. */
@Command(
        name = "inverse",
        header = "Maps transformed data back to the input values, where the ops have an inverse.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads DATA written by transform apply and writes, per row, the input values the",
            "outputs came from: z-score, 0-1, min-max and log1p give the number (within float",
            "rounding), a vocabulary index its token (an OOV bucket or default_value: missing),",
            "a bucket its interval as [lower, upper). Columns are named after the inputs (the",
            "first invertible step of an input gives it), then the keep columns; outputs of",
            "ops without an inverse (hash, clip, one_hot, ...) are left out.",
            ""
        },
        footer = {"%nExample:", "  veracity transform inverse --transform runs_tf eval_t.parquet -o eval_back.csv"})
final class TransformInverseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--transform",
            required = true,
            paramLabel = "TRANSFORM_DIR",
            description = "The directory written by transform fit that transformed DATA.")
    Path transform;

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "Transformed files, directories or globs.")
    List<String> inputs;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "The inverted data (.csv, .jsonl, .parquet, .tfrecord; .gz).")
    Path output;

    @Mixin
    ReadingOptions reading;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        List<Path> files = InputPaths.expand(inputs);
        OutputPaths.refuseOverwrite(Inputs.of(inputs, files, transform), List.of(output));
        TransformInverse inverse = new TransformInverse(TransformDirectory.read(transform));
        long rows = inverse.write(TransformDirectory.inputSchema(transform), files, reading.readOptions(), output);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
                "veracity: %,d examples -> %s (%.1f s)%n",
                rows, TerminalText.escape(output.toString()), (System.nanoTime() - start) / 1e9);
        err.flush();
        return ExitCodes.OK;
    }
}
