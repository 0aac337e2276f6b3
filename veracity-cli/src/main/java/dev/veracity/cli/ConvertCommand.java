package dev.veracity.cli;

import dev.veracity.io.BadRecords;
import dev.veracity.io.DataFormat;
import dev.veracity.io.InputPaths;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.convert.Converter;
import dev.veracity.io.convert.Converter.Conversion;
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

/** {@code veracity convert}: rewrites a dataset as CSV, JSON Lines, Parquet or TFRecord of tf.Example. */
@Command(
        name = "convert",
        header = "Converts data files between formats (to TFRecord of tf.Example for TFX, and back).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads INPUT files of any format Veracity reads (CSV, JSON Lines, Parquet, Avro, TFRecord; detected,",
            "or --format) as one dataset and writes them, atomically, as CSV, JSON Lines, Parquet (Snappy;",
            "INT64, DOUBLE, STRING; a LIST where a row holds other than one value) or TFRecord of",
            "tf.Example (.tfrecord, or .tfrecord.gz / .gz for gzip as TFX writes). INT becomes int64_list, FLOAT",
            "float_list (float32, as TensorFlow stores it), STRING bytes_list; a missing value an absent feature.",
            "CSV holds one value per cell: a list is an error (convert it to JSON Lines or TFRecord).",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity convert train.csv -o train.tfrecord.gz",
            "  veracity convert 'data/part-*.parquet' -o data.tfrecord",
            "  veracity convert train.tfrecord -o train.jsonl",
            "  veracity convert examples/runs/train.csv -o train.parquet"
        })
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, directories of part files or quoted globs.")
    List<String> inputs;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "The file to write.")
    Path output;

    @Option(
            names = "--to",
            paramLabel = "FORMAT",
            description = "Output format: csv, jsonl, parquet or tfrecord (default: from the output's extension).")
    String to = "";

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
        OutputPaths.refuseOverwrite(Inputs.of(inputs, files), List.of(output));
        var read = reading.readOptions().withBadRecords(badRecords);
        Conversion done = to.isEmpty()
                ? Converter.convert(files, read, output)
                : Converter.convert(files, read, output, DataFormat.named(to));
        PrintWriter err = spec.commandLine().getErr();
        if (done.skippedRecords() > 0) {
            err.printf("veracity: skipped %,d malformed record(s)%n", done.skippedRecords());
        }
        err.printf(
                "veracity: %,d examples -> %s (%.1f s)%n", done.examples(), output, (System.nanoTime() - start) / 1e9);
        err.flush();
        return ExitCodes.OK;
    }
}
