package dev.veracity.cli;

import dev.veracity.skew.ConfusionCount;
import dev.veracity.skew.FeatureSkew;
import dev.veracity.skew.FeatureSkewReport;
import dev.veracity.skew.MatchStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders a skew report for a terminal: the join's match statistics, then one row per feature, highest mismatch rate
 * first, then the most frequent value confusions of string features.
 */
final class SkewTable {
    /** Confusions shown per feature; the JSON report keeps more. */
    private static final int CONFUSIONS_SHOWN = 3;

    String render(FeatureSkewReport report) {
        StringBuilder text = new StringBuilder();
        MatchStats m = report.matchStats();
        text.append(String.format(
                Locale.ROOT,
                "Join: %,d matching pairs of %,d ids (training %,d examples with id, " + "serving %,d)%n",
                m.matchingPairsCount(),
                m.identifiersCount(),
                m.baseWithIdCount(),
                m.testWithIdCount()));
        text.append(String.format(
                Locale.ROOT,
                "  ids only in training %,d, only in serving %,d; duplicated ids "
                        + "(not compared) %,d; examples without id: training %,d, serving %,d%n%n",
                m.idsMissingInTestCount(),
                m.idsMissingInBaseCount(),
                m.duplicateIdCount(),
                m.baseMissingIdCount(),
                m.testMissingIdCount()));
        List<FeatureSkew> features = new ArrayList<>(report.featureSkew());
        features.sort(Comparator.comparingDouble(FeatureSkew::mismatchRate)
                .reversed()
                .thenComparing(Comparator.comparingLong(FeatureSkew::diffCount).reversed())
                .thenComparing(FeatureSkew::featureName));
        int width = 7;
        for (FeatureSkew f : features) {
            width = Math.max(width, Math.min(40, f.featureName().length()));
        }
        String format = "%-" + width + "s %12s %12s %12s %12s %12s %12s %9s%n";
        text.append(String.format(
                Locale.ROOT,
                format,
                "feature",
                "base_count",
                "test_count",
                "match",
                "mismatch",
                "base_only",
                "test_only",
                "mismatch%"));
        for (FeatureSkew f : features) {
            text.append(String.format(
                    Locale.ROOT,
                    format,
                    f.featureName(),
                    count(f.baseCount()),
                    count(f.testCount()),
                    count(f.matchCount()),
                    count(f.mismatchCount()),
                    count(f.baseOnly()),
                    count(f.testOnly()),
                    String.format(Locale.ROOT, "%.2f%%", 100 * f.mismatchRate())));
        }
        if (features.isEmpty()) {
            text.append("(no features to compare)\n");
        }
        String feature = null;
        int shown = 0;
        for (ConfusionCount c : report.confusionCounts()) {
            if (!c.featureName().equals(feature)) {
                if (feature == null) {
                    text.append("\nMost frequent confusions (training -> serving):\n");
                }
                feature = c.featureName();
                shown = 0;
            }
            if (shown++ < CONFUSIONS_SHOWN) {
                text.append(String.format(
                        Locale.ROOT, "  %s: '%s' -> '%s' %,d%n", c.featureName(), c.base(), c.test(), c.count()));
            }
        }
        return text.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
