package dev.veracity.schema.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeSet;

/** Label counts of rank histograms: their union in TFDV's order (bytewise UTF-8, as a C++ {@code std::map}). */
final class Labels {
    static final Comparator<String> BYTEWISE =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Labels() {}

    /** {@return the labels of both maps, sorted bytewise} */
    static TreeSet<String> union(Map<String, Double> a, Map<String, Double> b) {
        TreeSet<String> labels = new TreeSet<>(BYTEWISE);
        labels.addAll(a.keySet());
        labels.addAll(b.keySet());
        return labels;
    }

    /** {@return the sum of the counts} */
    static double sum(Map<String, Double> counts) {
        double sum = 0;
        for (double count : counts.values()) {
            sum += count;
        }
        return sum;
    }

    /**
     * {@return why the counts cannot be compared, or null when they can: empty, a count that is negative, NaN or
     * infinite, a zero sum; with {@code positive}, also a zero count (TFDV's Jensen-Shannon divergence refuses it)}
     */
    static String problem(Map<String, Double> counts, String side, boolean positive) {
        if (counts.isEmpty()) {
            return "the " + side + " rank histogram is empty";
        }
        for (Map.Entry<String, Double> entry : counts.entrySet()) {
            double count = entry.getValue();
            if (!(positive ? count > 0 : count >= 0) || Double.isInfinite(count)) {
                return "the " + side + " rank histogram has a count of " + entry.getValue() + " for \"" + entry.getKey()
                        + "\"";
            }
        }
        return sum(counts) > 0 ? null : "the " + side + " rank histogram has no counts";
    }
}
