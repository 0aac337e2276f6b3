package dev.veracity.cli;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.MetricPoint;
import dev.veracity.metadata.MetricSeries;
import dev.veracity.proto.Anomalies;
import dev.veracity.validate.history.AbsoluteChange;
import dev.veracity.validate.history.HistoryAnomalies;
import dev.veracity.validate.history.HistoryAnomaly;
import dev.veracity.validate.history.HistoryStrategy;
import dev.veracity.validate.history.HoltWinters;
import dev.veracity.validate.history.OnlineNormal;
import dev.veracity.validate.history.RelativeChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity history check}: Deequ's anomaly detection strategies on the metric history. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks the metric history with one of Deequ's anomaly detection strategies:",
            "  normal        the value within mean +- K standard deviations of its history",
            "                (online, as Deequ's OnlineNormalStrategy; --deviations K, 3)",
            "  absolute      the change from the previous span within",
            "                [--max-decrease, --max-increase] (AbsoluteChangeStrategy)",
            "  relative      the ratio to the previous span within",
            "                [--max-decrease, --max-increase] (RelativeRateOfChangeStrategy)",
            "  holt-winters  the value near its Holt-Winters forecast with a season of",
            "                --period spans (7: daily spans, weekly season)",
            "Checks the newest span of every series (--all-spans: every span), or only",
            "--feature / --metric. Prints the anomalies as validate does (CUSTOM_VALIDATION);",
            "-o writes them (.pbtxt, .pb, .json). Exit 1 when there is any.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity history check --metadata history.sqlite",
            "  veracity history check --metadata history.sqlite --strategy relative --max-increase 2 "
                    + "--metric num_examples",
            "  veracity history check --metadata history.sqlite --strategy holt-winters -o anomalies.json"
        })
final class HistoryCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MetadataOptions metadata;

    @Option(
            names = "--strategy",
            paramLabel = "NAME",
            description = "normal (default), absolute, relative or holt-winters.")
    String strategy = "normal";

    @Option(names = "--deviations", paramLabel = "K", description = "normal: standard deviations allowed (3).")
    double deviations = 3;

    @Option(
            names = "--max-increase",
            paramLabel = "X",
            description = "absolute: the largest increase; relative: the largest ratio (2 = doubling).")
    Double maxIncrease;

    @Option(
            names = "--max-decrease",
            paramLabel = "X",
            description = "absolute: the most negative change (e.g. -10); relative: the smallest ratio (e.g. 0.5).")
    Double maxDecrease;

    @Option(names = "--period", paramLabel = "N", description = "holt-winters: spans in a season (7).")
    int period = HoltWinters.WEEKLY;

    @Option(names = "--feature", paramLabel = "FEATURE", description = "Only this feature (- for the dataset).")
    String feature;

    @Option(names = "--metric", paramLabel = "METRIC", description = "Only this metric.")
    String metric;

    @Option(names = "--all-spans", description = "Check every span with enough history, not only the newest.")
    boolean allSpans;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Also write the anomalies: .pbtxt (text), .pb (binary) or .json.")
    Path output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        HistoryStrategy chosen = strategy();
        String onlyFeature = feature == null ? null : feature.equals("-") ? "" : feature;
        Anomalies anomalies = Anomalies.newBuilder()
                .setAnomalyNameFormat(Anomalies.AnomalyNameFormat.SERIALIZED_PATH)
                .build();
        PrintWriter err = spec.commandLine().getErr();
        int checked = 0;
        String location;
        try (MetadataStore store = metadata.open()) {
            location = store.toString();
            List<MetricSeries> names = store.metricSeriesNames();
            List<MetricSeries> selected = names.stream()
                    .filter(s -> onlyFeature == null || s.feature().equals(onlyFeature))
                    .filter(s -> metric == null || s.metric().equals(metric))
                    .toList();
            if (selected.isEmpty() && !names.isEmpty()) {
                throw HistoryShowCommand.unknown(
                        names, onlyFeature == null ? names.get(0).feature() : onlyFeature, metric, location);
            }
            int skipped = 0;
            for (MetricSeries series : selected) {
                List<MetricPoint> points = store.metricSeries(series.feature(), series.metric());
                double[] values =
                        points.stream().mapToDouble(MetricPoint::value).toArray();
                int from = allSpans ? 0 : values.length - 1;
                if (chosen instanceof HoltWinters) {
                    from = Math.max(from, 2 * period);
                    if (from >= values.length) {
                        skipped++;
                        continue;
                    }
                }
                checked++;
                for (HistoryAnomaly anomaly : chosen.detect(values, from)) {
                    anomalies = HistoryAnomalies.add(
                            anomalies,
                            series.feature(),
                            series.metric(),
                            points.get(anomaly.index()).span(),
                            anomaly,
                            chosen);
                }
            }
            if (skipped > 0) {
                err.println("note: " + skipped + " series skipped: Holt-Winters needs more than " + 2 * period
                        + " spans of history");
            }
        }
        if (output != null) {
            AnomaliesFiles.write(anomalies, output);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(new AnomaliesTable()
                .render(anomalies, checked + " metric histories in " + location + ", " + chosen.describe())));
        out.flush();
        boolean any = anomalies.getAnomalyInfoCount() > 0 || anomalies.hasDatasetAnomalyInfo();
        return any ? ExitCodes.ANOMALIES : ExitCodes.OK;
    }

    private HistoryStrategy strategy() {
        try {
            return switch (strategy.strip().toLowerCase(Locale.ROOT)) {
                case "normal" -> new OnlineNormal(deviations, deviations);
                case "absolute" -> {
                    requireBound();
                    yield new AbsoluteChange(
                            maxDecrease == null ? Double.NEGATIVE_INFINITY : maxDecrease,
                            maxIncrease == null ? Double.POSITIVE_INFINITY : maxIncrease);
                }
                case "relative" -> {
                    requireBound();
                    yield new RelativeChange(
                            maxDecrease == null ? 0 : maxDecrease,
                            maxIncrease == null ? Double.POSITIVE_INFINITY : maxIncrease);
                }
                case "holt-winters" -> new HoltWinters(period);
                default ->
                    throw new ParameterException(
                            spec.commandLine(),
                            "--strategy: expected normal, absolute, relative or holt-winters, found \"" + strategy
                                    + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--strategy " + strategy + ": " + e.getMessage());
        }
    }

    private void requireBound() {
        if (maxIncrease == null && maxDecrease == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--strategy " + strategy + ": expected --max-increase or --max-decrease, found neither");
        }
    }
}
