package dev.veracity.selection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per group (a class of the label, or a value of a categorical feature) the count, mean and sum of squared
 * deviations of a number, for one-way ANOVA ({@code f_classif}). Merge is associative and commutative (Chan's
 * pairwise update, equal up to rounding for any split); a new accumulator is its identity. Memory grows with the
 * number of groups, never with rows.
 */
public final class GroupMomentsAccumulator {
    private final Map<String, double[]> groups = new HashMap<>();

    /** Adds one complete row: the group's key and the (finite) number. */
    public void add(String group, double value) {
        double[] m = groups.computeIfAbsent(group, g -> new double[3]);
        m[0] += 1;
        double delta = value - m[1];
        m[1] += delta / m[0];
        m[2] += delta * (value - m[1]);
    }

    /** Adds the other's rows to this one; the other is unchanged. */
    public void merge(GroupMomentsAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator with itself");
        }
        for (Map.Entry<String, double[]> e : other.groups.entrySet()) {
            double[] b = e.getValue();
            double[] a = groups.computeIfAbsent(e.getKey(), g -> new double[3]);
            double n = a[0] + b[0];
            double delta = b[1] - a[1];
            a[2] = a[2] + b[2] + delta * delta * a[0] * b[0] / n;
            a[1] = a[1] + delta * b[0] / n;
            a[0] = n;
        }
    }

    /** {@return the number of rows added} */
    public long count() {
        double n = 0;
        for (double[] m : groups.values()) {
            n += m[0];
        }
        return (long) n;
    }

    /** {@return the number of groups seen} */
    public int groupCount() {
        return groups.size();
    }

    /** {@return the rows of the largest group} */
    public long largestGroup() {
        double largest = 0;
        for (double[] m : groups.values()) {
            largest = Math.max(largest, m[0]);
        }
        return (long) largest;
    }

    /**
     * {@return the one-way ANOVA of the groups, or empty with fewer than 2 groups or no more rows than groups}
     * Groups are summed in key order, so the result does not depend on hash order.
     */
    public Optional<Anova> anova() {
        Map<String, double[]> sorted = new TreeMap<>(groups);
        int k = sorted.size();
        double n = 0;
        double mean = 0;
        double within = 0;
        for (double[] m : sorted.values()) {
            double total = n + m[0];
            mean += (m[1] - mean) * m[0] / total;
            n = total;
            within += m[2];
        }
        if (k < 2 || n <= k) {
            return Optional.empty();
        }
        double between = 0;
        for (double[] m : sorted.values()) {
            double d = m[1] - mean;
            between += m[0] * d * d;
        }
        return Optional.of(new Anova((long) n, k, between, within));
    }

    /**
     * The sums of squares of a one-way ANOVA.
     *
     * @param rows    the rows N
     * @param groups  the groups K
     * @param between the sum of squares between groups
     * @param within  the sum of squares within groups
     */
    public record Anova(long rows, int groups, double between, double within) {
        /** {@return F = (between / (K - 1)) / (within / (N - K)); infinite when within is 0 and between is not} */
        public double f() {
            return (between / (groups - 1)) / (within / (rows - groups));
        }

        /** {@return eta squared, between / (between + within); 0 when both are 0} */
        public double etaSquared() {
            double total = between + within;
            return total == 0 ? 0 : between / total;
        }
    }
}
