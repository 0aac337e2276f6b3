package dev.veracity.cli;

import dev.veracity.io.OutputPaths;
import dev.veracity.io.skew.FeatureSkewDetector;
import dev.veracity.io.skew.SkewReportJson;
import dev.veracity.skew.FeatureSkewReport;
import dev.veracity.skew.SkewOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity skew}: TFDV's DetectFeatureSkew, training and serving examples joined by key and compared. */
@Command(
        name = "skew",
        header = "Joins training and serving by key and compares feature values.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Joins training and serving examples on identifier features (TFDV's DetectFeatureSkew) and compares "
                    + "every other feature of each pair that has exactly one example on each side. Prints per feature "
                    + "the pairs where it matches, differs, or is present on one side only, most mismatched first. "
                    + "Exit code 1 when any feature differs in any pair, or when no pair matched (nothing was "
                    + "compared).",
            "Inputs are CSV, JSON Lines, Parquet, Avro or TFRecord (CSV and JSON Lines uncompressed). Integers and floats compare numerically "
                    + "across files. Ids found more than once on a side are counted and not compared (TFDV's "
                    + "allow_duplicate_identifiers=False). Inputs larger than memory are hash-partitioned into "
                    + "spill files.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity skew --training train.csv --serving serving.csv --key id",
            "  veracity skew --training t.jsonl --serving s.jsonl --key user --key day \\",
            "      --ignore label --float-round-digits 4 --samples 20 -o skew.json"
        })
final class SkewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--training",
            required = true,
            paramLabel = "FILE",
            description = "The training (base) examples: any data file (CSV, JSON Lines, Parquet, Avro, TFRecord).")
    Path training;

    @Option(
            names = "--serving",
            required = true,
            paramLabel = "FILE",
            description = "The serving (test) examples: any data file (CSV, JSON Lines, Parquet, Avro, TFRecord).")
    Path serving;

    @Option(
            names = "--key",
            required = true,
            paramLabel = "FEATURE",
            description = "Identifier feature to join on; repeat for a composite key. An example lacking any "
                    + "of them is counted as missing its id and not joined.")
    List<String> keys;

    @Option(names = "--ignore", paramLabel = "FEATURE", description = "Feature not to compare (repeatable).")
    List<String> ignore = List.of();

    @Option(
            names = "--float-round-digits",
            paramLabel = "N",
            description = "Round floats to N decimal digits before comparing (half to even, as Python's round); "
                    + "default: compare exactly.")
    Integer floatRoundDigits;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "10",
            description = "Differing pairs kept as samples in the report, smallest ids first "
                    + "(default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--confusion-top",
            paramLabel = "N",
            defaultValue = "20",
            description = "Most frequent (training value, serving value) confusions kept per string feature "
                    + "(default: ${DEFAULT-VALUE}).")
    int confusionTop;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Also write the report as JSON with TFDV's field names (feature_skew, match_stats, "
                    + "skew_pairs, confusion_counts), atomically.")
    Path output;

    @Option(
            names = "--tmp",
            paramLabel = "DIR",
            description = "Directory for the temporary spill files, deleted afterwards (default: java.io.tmpdir).")
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(List.of(training, serving)), Arrays.asList(output));
        SkewOptions options = new SkewOptions(
                keys,
                ignore,
                samples,
                floatRoundDigits == null ? SkewOptions.NO_ROUNDING : floatRoundDigits,
                confusionTop);
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        TerminalProgress progress = TerminalProgress.forTerminal(err);
        FeatureSkewReport report;
        try {
            report = FeatureSkewDetector.detect(training, serving, options, input.tableOptions(), tmp, progress);
        } finally {
            progress.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(new SkewTable().render(report)));
        out.flush();
        if (output != null) {
            SkewReportJson.write(report, options, output);
        }
        if (report.matchStats().matchingPairsCount() == 0) {
            err.printf(
                    "veracity: skew: no matching pairs: no id of --key %s has exactly one example on each side "
                            + "(training %,d, serving %,d examples with an id), so nothing was compared%n",
                    String.join(",", keys),
                    report.matchStats().baseWithIdCount(),
                    report.matchStats().testWithIdCount());
            err.flush();
            return ExitCodes.ANOMALIES;
        }
        long differing =
                report.featureSkew().stream().filter(s -> s.diffCount() > 0).count();
        err.printf(
                "veracity: %,d matching pairs, %d of %d features differ%s (%.1f s)%n",
                report.matchStats().matchingPairsCount(),
                differing,
                report.featureSkew().size(),
                output == null ? "" : " -> " + output,
                (System.nanoTime() - start) / 1e9);
        err.flush();
        return report.hasSkew() ? ExitCodes.ANOMALIES : ExitCodes.OK;
    }
}
