package dev.veracity.drift;

import static java.util.Objects.requireNonNull;

import dev.veracity.proto.FeatureNameStatistics;
import java.util.Optional;

/**
 * One drift test of one feature between a baseline and a current {@code FeatureNameStatistics}, and the default
 * choice of test.
 *
 * <pre>{@code
 * DriftTest test = FeatureDrift.defaultTest(baseline, baselineExamples).orElse(DriftTest.PSI);
 * DriftResult result = FeatureDrift.compare("fare", baseline, current, test, test.defaultThreshold());
 * }</pre>
 */
public final class FeatureDrift {
    /** The rank error of the quantile sketch behind QUANTILES histograms: ours and TFDV's (KLL, ε = 0.01). */
    public static final double SKETCH_RANK_ERROR = 0.01;

    /** Evidently's floor for the standard deviation that normalizes the Wasserstein distance. */
    static final double MIN_NORMALIZING_STD_DEV = 0.001;

    private FeatureDrift() {}

    /**
     * {@return Evidently's default test for a feature of the baseline} ({@code registry._get_default_stattest},
     * see peers.md 1.4): with a baseline of at most {@value DriftTest#SMALL_SAMPLE_ROWS} examples, KS for a numeric
     * feature, chi-square for a categorical one with more than two distinct values, the z-test for one with at
     * most two; with a larger baseline, Wasserstein (normalized) for numeric and Jensen-Shannon for categorical.
     * Evidently treats a numeric feature with at most 5 distinct values as categorical; numeric statistics carry no
     * distinct count (and no counts per value to test), so a numeric feature is always tested as numeric here: a
     * feature declared categorical in the schema gets string statistics and the categorical rule. Empty for BYTES
     * and STRUCT features, which have no distribution to test.
     *
     * @param baselineExamples the baseline dataset's {@code num_examples} (Evidently's reference row count)
     */
    public static Optional<DriftTest> defaultTest(FeatureNameStatistics baseline, long baselineExamples) {
        requireNonNull(baseline, "baseline is null");
        boolean small = baselineExamples <= DriftTest.SMALL_SAMPLE_ROWS;
        if (baseline.hasNumStats()) {
            return Optional.of(small ? DriftTest.KS : DriftTest.WASSERSTEIN);
        }
        if (baseline.hasStringStats()) {
            if (!small) {
                return Optional.of(DriftTest.JENSEN_SHANNON);
            }
            return Optional.of(baseline.getStringStats().getUnique() > 2 ? DriftTest.CHI_SQUARE : DriftTest.Z);
        }
        return Optional.empty();
    }

    /** {@return the test's result with the sketch rank error of our generator and TFDV} */
    public static DriftResult compare(
            String feature,
            FeatureNameStatistics baseline,
            FeatureNameStatistics current,
            DriftTest test,
            double threshold) {
        return compare(feature, baseline, current, test, threshold, SKETCH_RANK_ERROR);
    }

    /**
     * {@return the result of a test between two statistics of a feature: NOT_APPLICABLE with the reason when the
     * test does not fit the feature's kind or the statistics lack what it reads}
     *
     * @param rankError the rank error of the sketch behind the QUANTILES histograms, for the error bound
     */
    public static DriftResult compare(
            String feature,
            FeatureNameStatistics baseline,
            FeatureNameStatistics current,
            DriftTest test,
            double threshold,
            double rankError) {
        requireNonNull(feature, "feature is null");
        requireNonNull(baseline, "baseline is null");
        requireNonNull(current, "current is null");
        requireNonNull(test, "test is null");
        if (!test.acceptsThreshold(threshold)) {
            throw new IllegalArgumentException("threshold of " + test.testName() + " out of range: " + threshold);
        }
        try {
            return switch (test) {
                case KS -> kolmogorovSmirnov(feature, baseline, current, threshold, rankError);
                case WASSERSTEIN -> wasserstein(feature, baseline, current, threshold, rankError);
                case PSI, JENSEN_SHANNON -> bucketed(feature, baseline, current, test, threshold);
                case CHI_SQUARE, Z -> contingency(feature, baseline, current, test, threshold);
            };
        } catch (NotApplicable e) {
            return DriftResult.notApplicable(feature, test.testName(), threshold, e.getMessage());
        }
    }

    private static DriftResult kolmogorovSmirnov(
            String feature,
            FeatureNameStatistics baseline,
            FeatureNameStatistics current,
            double threshold,
            double rankError)
            throws NotApplicable {
        HistogramDistribution p = numeric(baseline, "baseline");
        HistogramDistribution q = numeric(current, "current");
        double d = NumericDistances.kolmogorovSmirnov(p, q);
        double pValue = KolmogorovDistribution.twoSamplePValue(d, p.total(), q.total());
        double bound = Math.min(1, p.maxError(rankError) + q.maxError(rankError));
        return DriftResult.computed(feature, DriftTest.KS, d, pValue, threshold, bound)
                .excluding(p.infinite(), q.infinite());
    }

    private static DriftResult wasserstein(
            String feature,
            FeatureNameStatistics baseline,
            FeatureNameStatistics current,
            double threshold,
            double rankError)
            throws NotApplicable {
        HistogramDistribution p = numeric(baseline, "baseline");
        HistogramDistribution q = numeric(current, "current");
        double stdDev = baseline.getNumStats().getStdDev();
        if (!Double.isFinite(stdDev) && p.infinite() > 0) {
            stdDev = p.stdDev(); // the baseline's own is infinite or NaN: that of its finite values instead
        }
        double norm = Math.max(stdDev, MIN_NORMALIZING_STD_DEV);
        if (!Double.isFinite(norm)) {
            throw new NotApplicable("the baseline's standard deviation is not finite");
        }
        double distance = NumericDistances.wasserstein(p, q) / norm;
        double bound = (p.integratedError(rankError) + q.integratedError(rankError)) / norm;
        return DriftResult.computed(feature, DriftTest.WASSERSTEIN, distance, Double.NaN, threshold, bound)
                .excluding(p.infinite(), q.infinite());
    }

    private static DriftResult bucketed(
            String feature,
            FeatureNameStatistics baseline,
            FeatureNameStatistics current,
            DriftTest test,
            double threshold)
            throws NotApplicable {
        double[] p;
        double[] q;
        double bound;
        double baselineInfinite = 0;
        double currentInfinite = 0;
        if (baseline.hasNumStats() || current.hasNumStats()) {
            HistogramDistribution base = numeric(baseline, "baseline");
            HistogramDistribution now = numeric(current, "current");
            double[] edges = base.quantileEdges();
            p = NumericDistances.bucketMasses(base, edges);
            q = NumericDistances.bucketMasses(now, edges);
            bound = Double.NaN;
            baselineInfinite = base.infinite();
            currentInfinite = now.infinite();
        } else {
            LabelCounts base = categorical(baseline, "baseline");
            LabelCounts now = categorical(current, "current");
            double[][] table = LabelCounts.aligned(base, now);
            p = BucketDistances.fractions(table[0]);
            q = BucketDistances.fractions(table[1]);
            bound = base.isComplete() && now.isComplete() ? 0 : Double.NaN;
        }
        double statistic =
                test == DriftTest.PSI ? BucketDistances.populationStability(p, q) : BucketDistances.jensenShannon(p, q);
        return DriftResult.computed(feature, test, statistic, Double.NaN, threshold, bound)
                .excluding(baselineInfinite, currentInfinite);
    }

    private static DriftResult contingency(
            String feature,
            FeatureNameStatistics baseline,
            FeatureNameStatistics current,
            DriftTest test,
            double threshold)
            throws NotApplicable {
        LabelCounts base = categorical(baseline, "baseline");
        LabelCounts now = categorical(current, "current");
        double[][] table = LabelCounts.aligned(base, now);
        if (test == DriftTest.Z && table[0].length > 2) {
            throw new NotApplicable("the z-test needs at most 2 labels, found " + table[0].length);
        }
        ContingencyTests.Outcome outcome =
                test == DriftTest.Z ? ContingencyTests.twoProportionZ(table) : ContingencyTests.chiSquare(table);
        double bound = base.isComplete() && now.isComplete() ? 0 : Double.NaN;
        return DriftResult.computed(feature, test, outcome.statistic(), outcome.pValue(), threshold, bound);
    }

    private static HistogramDistribution numeric(FeatureNameStatistics feature, String side) throws NotApplicable {
        try {
            return HistogramDistribution.of(feature);
        } catch (NotApplicable e) {
            throw new NotApplicable(side + ": " + e.getMessage());
        }
    }

    private static LabelCounts categorical(FeatureNameStatistics feature, String side) throws NotApplicable {
        try {
            return LabelCounts.of(feature);
        } catch (NotApplicable e) {
            throw new NotApplicable(side + ": " + e.getMessage());
        }
    }
}
