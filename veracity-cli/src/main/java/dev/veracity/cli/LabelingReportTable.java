package dev.veracity.cli;

import dev.veracity.labeling.feedback.LabelingReport;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a labeling report for a terminal: predictions, outcomes, the delay histogram and the labels. */
final class LabelingReportTable {
    private static final int LABELS_SHOWN = 20;

    String render(LabelingReport report) {
        StringBuilder text = new StringBuilder();
        LabelingReport.Predictions p = report.predictions();
        LabelingReport.Outcomes o = report.outcomes();
        text.append(String.format(
                Locale.ROOT,
                "Labels as of %s: window %s, grace %s, rule %s, missing outcome %s%n%n",
                java.time.Instant.ofEpochMilli(report.asOfMillis()),
                report.spec().window(),
                report.spec().grace(),
                report.spec().rule().name().toLowerCase(Locale.ROOT),
                report.spec().missing().name().toLowerCase(Locale.ROOT)));
        String row = "  %-28s %,12d%n";
        text.append("predictions\n");
        text.append(String.format(Locale.ROOT, row, "read", p.read()));
        text.append(String.format(Locale.ROOT, row, "invalid (skipped)", p.invalid()));
        text.append(String.format(Locale.ROOT, row, "duplicates", p.duplicates()));
        text.append(String.format(Locale.ROOT, row, "labeled rows", p.labeled()));
        text.append(String.format(Locale.ROOT, row, "matched", p.matched()));
        text.append(String.format(Locale.ROOT, row, "  of which late (in grace)", p.matchedLate()));
        text.append(String.format(Locale.ROOT, row, "negative (no outcome)", p.negative()));
        text.append(String.format(Locale.ROOT, row, "censored (no outcome)", p.censored()));
        text.append(String.format(Locale.ROOT, row, "pending (window open)", p.pending()));
        text.append(String.format(Locale.ROOT, "  %-28s %11.2f%%%n", "match rate", 100 * p.matchRate()));
        text.append(String.format(
                Locale.ROOT, "  %-28s %11.2f%%%n", "match rate (closed windows)", 100 * p.matureMatchRate()));
        text.append("outcomes\n");
        text.append(String.format(Locale.ROOT, row, "read", o.read()));
        text.append(String.format(Locale.ROOT, row, "invalid (skipped)", o.invalid()));
        text.append(String.format(Locale.ROOT, row, "duplicates", o.duplicates()));
        text.append(String.format(Locale.ROOT, row, "matched", o.matched()));
        text.append(String.format(Locale.ROOT, row, "dropped (late past grace)", o.droppedLate()));
        text.append(String.format(Locale.ROOT, row, "unmatched (no window)", o.unmatched()));
        text.append(String.format(Locale.ROOT, row, "after as-of", o.afterAsOf()));
        LabelingReport.Delays d = report.delays();
        text.append(String.format(
                Locale.ROOT,
                "label delay (n=%,d, min %s, mean %s, max %s)%n",
                d.count(),
                seconds(d.minSeconds()),
                seconds(d.meanSeconds()),
                seconds(d.maxSeconds())));
        long most = d.buckets().stream()
                .mapToLong(LabelingReport.DelayBucket::count)
                .max()
                .orElse(0);
        for (LabelingReport.DelayBucket bucket : d.buckets()) {
            int bar = most == 0 ? 0 : (int) Math.round(30.0 * bucket.count() / most);
            text.append(
                    String.format(Locale.ROOT, "  %-8s %,10d  %s%n", bucket.name(), bucket.count(), "#".repeat(bar)));
        }
        text.append("label distribution\n");
        List<Map.Entry<String, Long>> labels = report.labels().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long labeled = labels.stream().mapToLong(Map.Entry::getValue).sum();
        for (Map.Entry<String, Long> label : labels.subList(0, Math.min(LABELS_SHOWN, labels.size()))) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-28s %,12d %7.2f%%%n",
                    label.getKey(),
                    label.getValue(),
                    100.0 * label.getValue() / labeled));
        }
        if (labels.size() > LABELS_SHOWN) {
            text.append(String.format(
                    Locale.ROOT, "  (%d more labels in the JSON report)%n", labels.size() - LABELS_SHOWN));
        }
        if (labels.isEmpty()) {
            text.append("  (no labels)\n");
        }
        return text.toString();
    }

    private static String seconds(double s) {
        if (s < 120) {
            return String.format(Locale.ROOT, "%.1fs", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.1fm", s / 60);
        }
        if (s < 172_800) {
            return String.format(Locale.ROOT, "%.1fh", s / 3600);
        }
        return String.format(Locale.ROOT, "%.1fd", s / 86_400);
    }
}
