package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.OutputPaths;
import dev.veracity.privacy.fairness.FairnessAnalysis;
import dev.veracity.privacy.fairness.FairnessJson;
import dev.veracity.privacy.fairness.FairnessReport;
import dev.veracity.privacy.fairness.FairnessThresholds;
import dev.veracity.privacy.fairness.GroupMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity fairness}: representation and label balance per group, with anomalies like the validator's. */
@Command(
        name = "fairness",
        header = "Checks representation and label balance per group.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads a data file (CSV, JSON Lines, Parquet, Avro, TFRecord) and reports per group of --group-by (crossed when",
            "several features are given): rows and share (against --reference shares if given), class",
            "imbalance CI = (n_max - n)/(n_max + n) against the largest group, positive-label rate and the",
            "difference in positive proportions DPL (rest - group), KL and Jensen-Shannon divergences and total",
            "variation distance between the group's label distribution and the rest's, and missing-value",
            "rates. Thresholds raise anomalies (TFDV's Anomalies message, written with --anomalies); -o writes",
            "every metric as JSON (--json prints it). Exit code 1 when",
            "there is any, like validate.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity fairness examples/fairness/unbalanced.csv --group-by sex \\",
            "      --label approved --reference F=0.5,M=0.5",
            "  veracity fairness loans.parquet --group-by sex,age_band --label approved \\",
            "      -o fairness.json --anomalies fairness.pbtxt"
        })
final class FairnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "DATA",
            description = "A data file: CSV (header row), JSON Lines, Parquet, Avro or TFRecord.")
    Path data;

    @Option(
            names = "--group-by",
            required = true,
            split = ",",
            paramLabel = "F[,G...]",
            description = "The group features (crossed when several: groups are F|G values).")
    List<String> groupBy;

    @Option(names = "--label", required = true, paramLabel = "L", description = "The label feature.")
    String label;

    @Option(
            names = "--positive",
            paramLabel = "VALUE",
            description = "The positive label (default: 1, true or yes when the label has only two such values).")
    String positive;

    @Option(
            names = "--reference",
            split = ",",
            paramLabel = "GROUP=SHARE",
            description = "Expected share of each group (e.g. census shares); groups below --min-share-ratio of "
                    + "theirs are under-represented.")
    List<String> reference = List.of();

    @Option(
            names = "--min-share-ratio",
            paramLabel = "R",
            defaultValue = "0.8",
            description = "Least share / reference share (default: ${DEFAULT-VALUE}, the 80%% rule).")
    double minShareRatio;

    @Option(
            names = "--max-class-imbalance",
            paramLabel = "X",
            defaultValue = "0.6",
            description = "Without --reference: largest CI against the largest group (default: ${DEFAULT-VALUE}).")
    double maxClassImbalance;

    @Option(
            names = "--max-dpl",
            paramLabel = "X",
            defaultValue = "0.1",
            description = "Largest DPL (rest - group) for a binary label (default: ${DEFAULT-VALUE}).")
    double maxDpl;

    @Option(
            names = "--max-tvd",
            paramLabel = "X",
            defaultValue = "0.1",
            description = "Largest total variation distance for other labels (default: ${DEFAULT-VALUE}).")
    double maxTvd;

    @Option(
            names = "--max-missing-gap",
            paramLabel = "X",
            defaultValue = "0.1",
            description = "Largest excess of a group's missing rate over the rest's (default: ${DEFAULT-VALUE}).")
    double maxMissingGap;

    @Option(
            names = "--min-group-size",
            paramLabel = "N",
            defaultValue = "20",
            description = "Groups smaller than this get no label or missing-value checks (default: ${DEFAULT-VALUE}).")
    int minGroupSize;

    @Option(
            names = {"-o", "--output", "--report"},
            paramLabel = "FILE",
            description = "Write every metric as JSON, atomically (--report: deprecated spelling).")
    Path output;

    @Option(
            names = "--anomalies",
            paramLabel = "FILE",
            description = "Write the anomalies: .pbtxt, .pb or .json, as validate does.")
    Path anomalies;

    @Option(names = "--json", description = "Print every metric as JSON instead of tables.")
    boolean json;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(List.of(data)), Arrays.asList(output, anomalies));
        FairnessAnalysis analysis = new FairnessAnalysis(
                groupBy,
                label,
                java.util.Optional.ofNullable(positive),
                references(),
                new FairnessThresholds(minShareRatio, maxClassImbalance, maxDpl, maxTvd, maxMissingGap, minGroupSize),
                input.tableOptions());
        FairnessReport result = analysis.analyze(data);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            FairnessJson.write(result, bytes);
            out.print(bytes.toString(StandardCharsets.UTF_8));
        } else {
            out.print(TerminalText.escapeKeepingLines(table(result)));
            out.println();
            String anomaliesTable = new AnomaliesTable()
                    .render(result.toAnomalies(), data + ", groups by " + String.join(",", groupBy));
            out.print(TerminalText.escapeKeepingLines(anomaliesTable));
        }
        out.flush();
        if (anomalies != null) {
            AnomaliesFiles.write(result.toAnomalies(), anomalies);
        }
        if (output != null) {
            AtomicFiles.write(output, stream -> FairnessJson.write(result, stream));
        }
        return result.findings().isEmpty() ? ExitCodes.OK : ExitCodes.ANOMALIES;
    }

    private Map<String, Double> references() {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String entry : reference) {
            int equals = entry.lastIndexOf('=');
            try {
                shares.put(entry.substring(0, equals), Double.parseDouble(entry.substring(equals + 1)));
            } catch (RuntimeException e) {
                throw new ConfigException("--reference " + entry + ": expected GROUP=SHARE, e.g. F=0.5");
            }
        }
        return shares;
    }

    static String table(FairnessReport r) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%s: %,d rows in %d groups by %s (%,d rows without a group); label %s%s%n%n",
                r.file(),
                r.rows() - r.rowsWithoutGroup(),
                r.groups().size(),
                String.join(",", r.groupBy()),
                r.rowsWithoutGroup(),
                r.label(),
                r.positive().map(p -> ", positive \"" + p + "\"").orElse(" (not binary: no positive rate, no DPL)")));
        text.append(String.format(
                Locale.ROOT,
                "  %-16s %8s %7s %7s %7s %8s %7s %7s %7s %7s %8s%n",
                "group",
                "rows",
                "share",
                "ref",
                "CI",
                "pos.rate",
                "DPL",
                "KL",
                "JS",
                "TVD",
                "missing"));
        for (GroupMetrics g : r.groups()) {
            double worstMissing = g.missingRates().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(0);
            text.append(String.format(
                    Locale.ROOT,
                    "  %-16s %8d %7s %7s %7s %8s %7s %7s %7s %7s %8s%n",
                    g.group(),
                    g.rows(),
                    f(g.share()),
                    f(g.referenceShare()),
                    f(g.classImbalance()),
                    f(g.positiveRate()),
                    f(g.dpl()),
                    f(g.kl()),
                    f(g.js()),
                    f(g.tvd()),
                    f(worstMissing)));
        }
        text.append("  (CI against the largest group; DPL, KL, JS, TVD against the rest; missing: the feature most "
                + "often missing in the group)\n");
        return text.toString();
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
