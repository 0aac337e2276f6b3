package dev.veracity.privacy.fairness;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Distances between two label distributions given as counts per label (SageMaker Clarify's pre-training metrics):
 * Kullback-Leibler divergence KL(P_a || P_d), Jensen-Shannon divergence (natural logarithm, in [0, ln 2]) and total
 * variation distance (half the L1 distance, in [0, 1]).
 */
public final class LabelDistances {
    private LabelDistances() {}

    /** {@return KL(a || d) in nats; infinite when d lacks a label a has} */
    public static double kullbackLeibler(Map<String, Long> a, Map<String, Long> d) {
        double totalA = total(a);
        double totalD = total(d);
        double kl = 0;
        for (Map.Entry<String, Long> entry : a.entrySet()) {
            double p = entry.getValue() / totalA;
            if (p == 0) {
                continue;
            }
            double q = d.getOrDefault(entry.getKey(), 0L) / totalD;
            kl += q == 0 ? Double.POSITIVE_INFINITY : p * Math.log(p / q);
        }
        return kl;
    }

    /** {@return the Jensen-Shannon divergence in nats} */
    public static double jensenShannon(Map<String, Long> a, Map<String, Long> d) {
        double totalA = total(a);
        double totalD = total(d);
        double js = 0;
        for (String label : labels(a, d)) {
            double p = a.getOrDefault(label, 0L) / totalA;
            double q = d.getOrDefault(label, 0L) / totalD;
            double m = (p + q) / 2;
            js += (p > 0 ? p * Math.log(p / m) : 0) + (q > 0 ? q * Math.log(q / m) : 0);
        }
        return js / 2;
    }

    /** {@return the total variation distance} */
    public static double totalVariation(Map<String, Long> a, Map<String, Long> d) {
        double totalA = total(a);
        double totalD = total(d);
        double sum = 0;
        for (String label : labels(a, d)) {
            sum += Math.abs(a.getOrDefault(label, 0L) / totalA - d.getOrDefault(label, 0L) / totalD);
        }
        return sum / 2;
    }

    private static Set<String> labels(Map<String, Long> a, Map<String, Long> d) {
        Set<String> labels = new TreeSet<>(a.keySet());
        labels.addAll(d.keySet());
        return labels;
    }

    private static double total(Map<String, Long> counts) {
        long total = 0;
        for (long count : counts.values()) {
            total += count;
        }
        if (total == 0) {
            throw new IllegalArgumentException("a label distribution needs at least one count");
        }
        return total;
    }
}
