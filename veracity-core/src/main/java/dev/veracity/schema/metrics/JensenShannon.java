package dev.veracity.schema.metrics;

import dev.veracity.proto.Histogram;
import java.util.Map;

/**
 * TFDV's approximate Jensen-Shannon divergence (tfdv.md section 5.2): base-2 logarithms, so it lies in [0, 1];
 * capped at 1 as TFDV does against rounding. Of two rank histograms over the union of their labels, or of two
 * numeric histograms after {@link HistogramAlignment} (where mass in infinite buckets and NaNs never matches).
 *
 * <pre>{@code
 * JensenShannon.categorical(Map.of("a", 2.0, "b", 2.0), Map.of("a", 2.0, "c", 2.0));   // 0.5
 * JensenShannon.numeric(currentHistogram, previousHistogram);
 * }</pre>
 */
public final class JensenShannon {
    private static final double LN_2 = Math.log(2);

    private JensenShannon() {}

    /**
     * {@return the divergence of two rank histograms, each normalized by its own sum; unavailable when a side is
     * empty or has a count that is not positive (as TFDV, which refuses such buckets)}
     */
    public static Comparison categorical(Map<String, Double> treatment, Map<String, Double> control) {
        String problem = Labels.problem(treatment, "treatment", true);
        if (problem == null) {
            problem = Labels.problem(control, "control", true);
        }
        if (problem != null) {
            return new Comparison.Unavailable(problem);
        }
        double[] p = new double[Labels.union(treatment, control).size()];
        double[] q = new double[p.length];
        int i = 0;
        for (String label : Labels.union(treatment, control)) {
            p[i] = treatment.getOrDefault(label, 0.0);
            q[i] = control.getOrDefault(label, 0.0);
            i++;
        }
        return divergence(p, q);
    }

    /**
     * {@return the divergence of two numeric histograms of the same kind after aligning their buckets; unavailable
     * when a side holds no mass at all}
     */
    public static Comparison numeric(Histogram treatment, Histogram control) {
        String problem = problem(treatment, "treatment");
        if (problem == null) {
            problem = problem(control, "control");
        }
        if (problem != null) {
            return new Comparison.Unavailable(problem);
        }
        HistogramAlignment.Aligned aligned = HistogramAlignment.align(treatment, control);
        return divergence(aligned.treatment(), aligned.control());
    }

    /**
     * {@return the divergence of two vectors of non-negative masses, each normalized to sum 1; unavailable when a
     * side sums to 0}
     *
     * @throws IllegalArgumentException if the vectors differ in length or hold a negative or non-finite mass
     */
    public static Comparison divergence(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + p.length + " and " + q.length);
        }
        double sumP = sum(p);
        double sumQ = sum(q);
        if (sumP <= 0 || sumQ <= 0) {
            return new Comparison.Unavailable("the " + (sumP <= 0 ? "treatment" : "control") + " histogram is empty");
        }
        double klP = 0;
        double klQ = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sumP;
            double qi = q[i] / sumQ;
            double mi = (pi + qi) / 2;
            if (pi > 0) {
                klP += pi * Math.log(pi / mi);
            }
            if (qi > 0) {
                klQ += qi * Math.log(qi / mi);
            }
        }
        double divergence = (klP + klQ) / 2 / LN_2;
        return new Comparison.Value(Math.max(0, Math.min(divergence, 1.0)), "");
    }

    private static String problem(Histogram histogram, String side) {
        if (!(histogram.getNumNan() >= 0) || Double.isInfinite(histogram.getNumNan())) {
            return "the " + side + " histogram has " + histogram.getNumNan() + " NaNs";
        }
        for (Histogram.Bucket bucket : histogram.getBucketsList()) {
            double count = bucket.getSampleCount();
            if (!(count >= 0)
                    || Double.isInfinite(count)
                    || Double.isNaN(bucket.getLowValue())
                    || Double.isNaN(bucket.getHighValue())) {
                return "the " + side + " histogram has a bucket [" + bucket.getLowValue() + ", " + bucket.getHighValue()
                        + "] with count " + count;
            }
        }
        return null;
    }

    private static double sum(double[] masses) {
        double sum = 0;
        for (double mass : masses) {
            if (!(mass >= 0) || Double.isInfinite(mass)) {
                throw new IllegalArgumentException("a mass must be finite and not negative: " + mass);
            }
            sum += mass;
        }
        return sum;
    }
}
