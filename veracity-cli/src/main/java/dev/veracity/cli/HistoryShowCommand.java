package dev.veracity.cli;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.ValueText;
import dev.veracity.format.CloseNames;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.MetricPoint;
import dev.veracity.metadata.MetricSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity history show}: one metric's values span by span. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the history of one metric of one feature: a span and its value per line,",
            "oldest span first. FEATURE '-' names the dataset (num_examples).",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity history show --metadata history.sqlite distance_km mean",
            "  veracity history show --metadata history.sqlite - num_examples"
        })
final class HistoryShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MetadataOptions metadata;

    @Parameters(index = "0", paramLabel = "FEATURE", description = "The feature, or - for the dataset.")
    String feature;

    @Parameters(index = "1", paramLabel = "METRIC", description = "The metric (mean, missing_fraction, ...).")
    String metric;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        String name = feature.equals("-") ? "" : feature;
        try (MetadataStore store = metadata.open()) {
            List<MetricPoint> points = store.metricSeries(name, metric);
            if (points.isEmpty()) {
                throw unknown(store.metricSeriesNames(), name, metric, store.toString());
            }
            PrintWriter out = spec.commandLine().getOut();
            int width = Math.max(
                    4, points.stream().mapToInt(p -> p.span().length()).max().orElse(4));
            out.print(TerminalText.escapeKeepingLines(String.format("%-" + width + "s  %s%n", "span", "value")));
            for (MetricPoint point : points) {
                out.print(TerminalText.escapeKeepingLines(
                        String.format("%-" + width + "s  %s%n", point.span(), ValueText.of(point.value()))));
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** {@return the error for a series the store lacks, naming the close features or metrics} */
    static InputException unknown(List<MetricSeries> known, String feature, String metric, String store) {
        List<String> features =
                known.stream().map(MetricSeries::feature).distinct().toList();
        String shown = feature.isEmpty() ? "-" : feature;
        if (!features.contains(feature)) {
            return new InputException(
                    ErrorCode.INVALID_OPTION,
                    "metric history " + store + ": expected a feature with a history, found \"" + shown + "\""
                            + CloseNames.hint(
                                    shown,
                                    features.stream()
                                            .map(f -> f.isEmpty() ? "-" : f)
                                            .toList()));
        }
        List<String> metrics = known.stream()
                .filter(s -> s.feature().equals(feature))
                .map(MetricSeries::metric)
                .toList();
        return new InputException(
                ErrorCode.INVALID_OPTION,
                "metric history " + store + ": expected a metric of " + shown + " with a history, found \"" + metric
                        + "\"" + CloseNames.hint(metric, metrics));
    }
}
