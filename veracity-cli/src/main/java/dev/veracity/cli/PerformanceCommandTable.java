package dev.veracity.cli;

import dev.veracity.monitoring.Metric;
import dev.veracity.monitoring.PerformanceReport;
import dev.veracity.monitoring.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The stdout table of {@code veracity performance}: one line per span and slice, then alarms and detectors. */
final class PerformanceCommandTable {
    private PerformanceCommandTable() {}

    static String render(PerformanceReport report) {
        List<String> metrics = columns(report);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("span", "slice", "rows", "labeled"));
        header.addAll(metrics);
        rows.add(header);
        for (PerformanceReport.SpanQuality quality : report.spans()) {
            List<String> row = new ArrayList<>(List.of(
                    quality.span(), quality.slice(), Long.toString(quality.rows()), Long.toString(quality.labeled())));
            for (String name : metrics) {
                Metric metric = quality.metrics().get(name);
                row.add(metric == null ? "" : metric.computable() ? format(metric.value()) : "n/c");
            }
            rows.add(row);
        }
        StringBuilder out = new StringBuilder();
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                line.append(c < 2 ? pad(cell, widths[c]) : padLeft(cell, widths[c]))
                        .append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n');
        for (PerformanceReport.SpanQuality quality : report.spans()) {
            for (Metric metric : quality.metrics().values()) {
                if (!metric.computable() && metrics.contains(metric.name())) {
                    out.append("n/c ")
                            .append(quality.span())
                            .append(' ')
                            .append(quality.slice())
                            .append(' ')
                            .append(metric.name())
                            .append(": ")
                            .append(metric.reason())
                            .append('\n');
                }
            }
        }
        for (PerformanceReport.DetectorRun run : report.detectors()) {
            out.append("detector ")
                    .append(run.name())
                    .append(run.raisesAlarm() ? " (alarms)" : " (reported)")
                    .append(": ");
            if (!run.applicable().isEmpty()) {
                out.append("not applicable, ").append(run.applicable());
            } else if (run.detections().isEmpty()) {
                out.append("no drift");
            } else {
                PerformanceReport.Detection first = run.detections().get(0);
                out.append(run.detections().size())
                        .append(" drift(s), first at ")
                        .append(first.row())
                        .append(" (span ")
                        .append(first.span())
                        .append(')');
            }
            out.append('\n');
        }
        if (report.alarms().isEmpty()) {
            out.append("no alarm\n");
        }
        for (PerformanceReport.Alarm alarm : report.alarms()) {
            out.append("ALARM ")
                    .append(alarm.span())
                    .append(' ')
                    .append(alarm.slice())
                    .append(' ')
                    .append(alarm.rule())
                    .append(": ")
                    .append(alarm.detail())
                    .append('\n');
        }
        return out.toString();
    }

    private static List<String> columns(PerformanceReport report) {
        if (report.task() == Task.REGRESSION) {
            return List.of("mae", "rmse", "mape", "r2", "residual_mean");
        }
        if (!report.options().score().isEmpty()) {
            return List.of("accuracy", "f1_macro", "roc_auc", "average_precision", "log_loss", "brier", "ece");
        }
        if (!report.options().probabilities().isEmpty()) {
            return List.of(
                    "accuracy", "precision_macro", "recall_macro", "f1_macro", "roc_auc_ovr", "roc_auc_ovr_weighted");
        }
        return List.of("accuracy", "precision_macro", "recall_macro", "f1_macro");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
