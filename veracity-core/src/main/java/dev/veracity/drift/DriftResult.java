package dev.veracity.drift;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one drift test of one feature between a baseline and a current statistics.
 *
 * <pre>{@code
 * DriftResult r = FeatureDrift.compare(baselineFeature, currentFeature, DriftTest.PSI, 0.2, examples);
 * if (r.drift()) System.err.println(r.feature() + ": " + r.metric() + " = " + r.statistic());
 * }</pre>
 *
 * @param feature    the feature's path as TFDV serializes it
 * @param metric     the test's name ({@link DriftTest#testName()}), or {@code "none"} when no test applies
 * @param status     whether the test could be computed
 * @param statistic  the statistic or distance (KS D, normalized Wasserstein, PSI, JS distance, chi-square, z);
 *                   NaN when not applicable
 * @param pValue     the p-value for p-value tests; NaN for distances and when not applicable
 * @param threshold  the threshold the test was judged against (p-value or statistic, see {@link DriftTest})
 * @param drift      whether the threshold was crossed; false when not applicable
 * @param errorBound a bound on |statistic - the value from exact data| from the approximations made (quantile
 *                   reconstruction, sketch rank error); 0 when exact, NaN when no bound is known
 * @param reason     why the test could not be computed; empty when computed
 * @param baselineInfinite the infinite values of the baseline (their number, or weight) left out of its
 *                   distribution, so that one infinite value does not switch the test off; 0 for none
 * @param currentInfinite  the same for the current statistics
 */
public record DriftResult(
        String feature,
        String metric,
        Status status,
        double statistic,
        double pValue,
        double threshold,
        boolean drift,
        double errorBound,
        String reason,
        double baselineInfinite,
        double currentInfinite) {
    /** Whether a result holds a value. */
    public enum Status {
        COMPUTED,
        NOT_APPLICABLE
    }

    public DriftResult {
        requireNonNull(feature, "feature is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(status, "status is null");
        requireNonNull(reason, "reason is null");
        if (status == Status.NOT_APPLICABLE && (drift || reason.isEmpty())) {
            throw new IllegalArgumentException("a result that is not applicable needs a reason and no drift");
        }
        if (!(baselineInfinite >= 0 && currentInfinite >= 0)) {
            throw new IllegalArgumentException(
                    "infinite value counts must be >= 0: " + baselineInfinite + ", " + currentInfinite);
        }
    }

    /** {@return a computed result, with drift judged by the test's rule} */
    static DriftResult computed(
            String feature, DriftTest test, double statistic, double pValue, double threshold, double errorBound) {
        double judged = test.isPValueTest() ? pValue : statistic;
        return new DriftResult(
                feature,
                test.testName(),
                Status.COMPUTED,
                statistic,
                pValue,
                threshold,
                test.isDrift(judged, threshold),
                errorBound,
                "",
                0,
                0);
    }

    /** {@return a result that says why the test does not apply} */
    public static DriftResult notApplicable(String feature, String metric, double threshold, String reason) {
        return new DriftResult(
                feature,
                metric,
                Status.NOT_APPLICABLE,
                Double.NaN,
                Double.NaN,
                threshold,
                false,
                Double.NaN,
                reason,
                0,
                0);
    }

    /** {@return this result noting the infinite values each side left out of its distribution} */
    DriftResult excluding(double newBaselineInfinite, double newCurrentInfinite) {
        return new DriftResult(
                feature,
                metric,
                status,
                statistic,
                pValue,
                threshold,
                drift,
                errorBound,
                reason,
                newBaselineInfinite,
                newCurrentInfinite);
    }

    /** {@return whether infinite values were left out of either distribution} */
    public boolean excludedInfinities() {
        return baselineInfinite > 0 || currentInfinite > 0;
    }

    /** {@return whether the test was computed} */
    public boolean isComputed() {
        return status == Status.COMPUTED;
    }

    /** {@return whether the result has a p-value} */
    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }

    /** {@return the value judged against the threshold: the p-value of a p-value test, else the statistic} */
    public double judgedValue() {
        return hasPValue() ? pValue : statistic;
    }
}
