package dev.veracity.cli;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.schema.PathNames;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Anomalies as people read them: a summary line, then per feature its severity and each reason's type, short and
 * long description. Features in name order, the dataset's own findings first. Then, when drift or skew was
 * measured, one line per measurement: feature, drift or skew, metric, value, threshold, and whether the value is
 * over, at or under its threshold.
 */
final class AnomaliesTable {
    private static final String MEASUREMENT_FORMAT = "  %-24s %-6s %-30s %-12s %-10s %s%n";

    /** {@return the anomalies as text; {@code source} says what was checked, e.g. "eval.pb, checked against s"} */
    String render(Anomalies anomalies, String source) {
        return findings(anomalies, source) + measurements(anomalies);
    }

    private static String measurements(Anomalies anomalies) {
        List<String[]> rows = new ArrayList<>();
        int over = 0;
        for (DriftSkewInfo info : anomalies.getDriftSkewInfoList()) {
            String feature = PathNames.serialize(info.getPath());
            for (DriftSkewInfo.Measurement m : info.getDriftMeasurementsList()) {
                over += m.getValue() > m.getThreshold() ? 1 : 0;
                rows.add(row(feature, "drift", m));
            }
            for (DriftSkewInfo.Measurement m : info.getSkewMeasurementsList()) {
                over += m.getValue() > m.getThreshold() ? 1 : 0;
                rows.add(row(feature, "skew", m));
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%nDrift and skew: %d measurement%s, %d over %s threshold%n",
                rows.size(),
                rows.size() == 1 ? "" : "s",
                over,
                rows.size() == 1 ? "its" : "their"));
        text.append(String.format(
                                Locale.ROOT, MEASUREMENT_FORMAT, "Feature", "Kind", "Metric", "Value", "Threshold", "")
                        .stripTrailing())
                .append('\n');
        for (String[] row : rows) {
            text.append(String.format(Locale.ROOT, MEASUREMENT_FORMAT, (Object[]) row)
                            .stripTrailing())
                    .append('\n');
        }
        return text.toString();
    }

    private static String[] row(String feature, String kind, DriftSkewInfo.Measurement m) {
        String verdict = m.getValue() > m.getThreshold() ? "over" : m.getValue() == m.getThreshold() ? "at" : "under";
        return new String[] {
            feature, kind, m.getType().name(), sixDigits(m.getValue()), sixDigits(m.getThreshold()), verdict
        };
    }

    /** {@return the value with at most six significant digits, without trailing zeros} */
    static String sixDigits(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String findings(Anomalies anomalies, String source) {
        StringBuilder text = new StringBuilder();
        if (anomalies.getDataMissing()) {
            return text.append("No examples (data_missing) in ")
                    .append(source)
                    .append(": nothing else was checked\n")
                    .toString();
        }
        Map<String, AnomalyInfo> entries = new TreeMap<>(anomalies.getAnomalyInfoMap());
        List<Map.Entry<String, AnomalyInfo>> all = new ArrayList<>();
        if (anomalies.hasDatasetAnomalyInfo()) {
            all.add(Map.entry("(dataset)", anomalies.getDatasetAnomalyInfo()));
        }
        all.addAll(entries.entrySet());
        if (all.isEmpty()) {
            return text.append("No anomalies in ").append(source).append('\n').toString();
        }
        long errors = all.stream()
                .filter(e -> e.getValue().getSeverity() == AnomalyInfo.Severity.ERROR)
                .count();
        text.append(all.size())
                .append(all.size() == 1 ? " anomaly" : " anomalies")
                .append(" (")
                .append(errors)
                .append(errors == 1 ? " error, " : " errors, ")
                .append(all.size() - errors)
                .append(all.size() - errors == 1 ? " warning" : " warnings")
                .append(") in ")
                .append(source)
                .append("\n\n");
        for (Map.Entry<String, AnomalyInfo> entry : all) {
            AnomalyInfo info = entry.getValue();
            text.append(entry.getKey()).append("  ").append(info.getSeverity()).append('\n');
            for (AnomalyInfo.Reason reason : info.getReasonList()) {
                text.append("  ")
                        .append(reason.getType())
                        .append(": ")
                        .append(reason.getShortDescription())
                        .append('\n')
                        .append("    ")
                        .append(reason.getDescription())
                        .append('\n');
            }
        }
        return text.toString();
    }
}
