package dev.veracity.cli;

import dev.veracity.drift.DriftReport;
import dev.veracity.drift.DriftResult;
import dev.veracity.drift.DriftTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A drift report as a per-feature time series table within 100 columns: one row per span and feature, the value
 * against the previous span and against the baseline, {@code ALARM} where it crosses the threshold, and below
 * each feature why a value could not be computed.
 */
final class DriftTable {
    private static final String ROW = "%-20s  %-13s  %-11s  %-18s  %-14s  %-14s";
    private static final String ALARM = " ALARM";

    private DriftTable() {}

    static String render(DriftReport report) {
        StringBuilder text = new StringBuilder();
        boolean againstPrevious = report.baseline().equals("previous span");
        text.append(String.format(
                Locale.ROOT,
                "Drift over %d spans against %s: %d alarm(s)%n",
                report.spans().size(),
                againstPrevious ? "the previous span" : report.baseline(),
                report.alarms().size()));
        for (DriftReport.SliceDrift slice : report.slices()) {
            text.append(String.format(
                    Locale.ROOT, "%nDataset: %s%n", slice.dataset().isEmpty() ? "(no name)" : slice.dataset()));
            text.append(
                    line("feature", "test", "threshold", "span", "vs previous", againstPrevious ? "" : "vs baseline"));
            for (DriftReport.FeatureSeries feature : slice.features()) {
                Set<String> reasons = new LinkedHashSet<>();
                boolean first = true;
                for (DriftReport.SpanDrift span : feature.spans()) {
                    if (span.span() == 0
                            && !span.previous().isComputed()
                            && !span.baseline().isComputed()) {
                        continue;
                    }
                    text.append(line(
                            first ? feature.feature() : "",
                            first ? feature.metric() : "",
                            first ? threshold(feature) : "",
                            spanName(report, span.span()),
                            cell(span.previous(), reasons),
                            againstPrevious ? "" : cell(span.baseline(), reasons)));
                    first = false;
                }
                for (String reason : reasons) {
                    text.append("  n/a: ").append(reason).append(System.lineSeparator());
                }
                String infinite = infinities(report, feature);
                if (!infinite.isEmpty()) {
                    text.append("  infinite values left out of the test: ")
                            .append(infinite)
                            .append(System.lineSeparator());
                }
            }
        }
        return text.toString();
    }

    /** {@return "1 in day2.pb, 3 in train.pb": the infinite values each span's tests left out, or ""} */
    private static String infinities(DriftReport report, DriftReport.FeatureSeries feature) {
        Map<String, Double> counts = new LinkedHashMap<>();
        boolean againstPrevious = report.baseline().equals("previous span");
        boolean fixed = !againstPrevious && !report.baseline().startsWith("first span");
        for (DriftReport.SpanDrift span : feature.spans()) {
            DriftResult previous = span.previous();
            if (previous.isComputed() && span.span() > 0) {
                note(counts, spanName(report, span.span() - 1), previous.baselineInfinite());
                note(counts, spanName(report, span.span()), previous.currentInfinite());
            }
            DriftResult baseline = span.baseline();
            if (baseline.isComputed() && !againstPrevious) {
                note(
                        counts,
                        fixed ? report.baseline() + " (baseline)" : spanName(report, 0),
                        baseline.baselineInfinite());
                note(counts, spanName(report, span.span()), baseline.currentInfinite());
            }
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((span, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(number(count))
                .append(" in ")
                .append(span));
        return text.toString();
    }

    private static void note(Map<String, Double> counts, String span, double infinite) {
        if (infinite > 0) {
            counts.putIfAbsent(span, infinite);
        }
    }

    private static String line(
            String feature, String test, String threshold, String span, String previous, String baseline) {
        return String.format(Locale.ROOT, ROW, fit(feature, 20), test, threshold, fit(span, 18), previous, baseline)
                        .stripTrailing()
                + System.lineSeparator();
    }

    private static String threshold(DriftReport.FeatureSeries feature) {
        if (Double.isNaN(feature.threshold())) {
            return "";
        }
        boolean pValue =
                DriftTest.parse(feature.metric()).map(DriftTest::isPValueTest).orElse(false);
        return (pValue ? "p < " : ">= ") + number(feature.threshold());
    }

    private static String cell(DriftResult result, Set<String> reasons) {
        if (!result.isComputed()) {
            if (!result.reason().equals("the first span") && !result.reason().equals("the baseline itself")) {
                reasons.add(result.reason());
            }
            return "n/a";
        }
        String value = result.hasPValue()
                ? (result.pValue() < 1e-4 ? "p<0.0001" : "p=" + String.format(Locale.ROOT, "%.4f", result.pValue()))
                : String.format(Locale.ROOT, "%.4f", result.statistic());
        return result.drift() ? value + ALARM : value;
    }

    private static String spanName(DriftReport report, int span) {
        Path name = Path.of(report.spans().get(span)).getFileName();
        return name == null ? report.spans().get(span) : name.toString();
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** {@return the text, cut to the width with an ellipsis if longer} */
    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
