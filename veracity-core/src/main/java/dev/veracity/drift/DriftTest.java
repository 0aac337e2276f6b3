package dev.veracity.drift;

import java.util.Locale;
import java.util.Optional;

/**
 * A drift test between two statistics of one feature, named and thresholded as Evidently names them (its
 * {@code legacy/calculations/stattests}): a p-value test flags drift when {@code p < threshold}, a distance when
 * {@code statistic >= threshold}.
 *
 * <pre>{@code
 * DriftTest.parse("psi").defaultThreshold();   // 0.1
 * }</pre>
 */
public enum DriftTest {
    /** Two-sample Kolmogorov-Smirnov: statistic D, asymptotic p-value; numeric features. */
    KS("ks", true, 0.05),
    /** Wasserstein-1 distance divided by the baseline's standard deviation (floored at 0.001); numeric features. */
    WASSERSTEIN("wasserstein", false, 0.1),
    /** Population stability index on the baseline's buckets, empty buckets floored at 1e-4; both kinds. */
    PSI("psi", false, 0.1),
    /** Jensen-Shannon distance (square root of the divergence, natural logarithm); both kinds. */
    JENSEN_SHANNON("jensenshannon", false, 0.1),
    /** Chi-square test of homogeneity of the two label distributions; categorical features. */
    CHI_SQUARE("chisquare", true, 0.05),
    /** Two-proportion z-test (pooled), for a categorical feature with at most two labels. */
    Z("z", true, 0.05);

    /** Evidently's row count up to which a p-value test is the default, above which a distance is. */
    public static final long SMALL_SAMPLE_ROWS = 1000;

    private final String testName;
    private final boolean pValueTest;
    private final double defaultThreshold;

    DriftTest(String testName, boolean pValueTest, double defaultThreshold) {
        this.testName = testName;
        this.pValueTest = pValueTest;
        this.defaultThreshold = defaultThreshold;
    }

    /** {@return the name on the command line, in schema tags and in reports, as Evidently spells it} */
    public String testName() {
        return testName;
    }

    /** {@return whether drift is judged on a p-value ({@code p < threshold}) rather than the statistic} */
    public boolean isPValueTest() {
        return pValueTest;
    }

    /** {@return Evidently's default threshold: 0.05 for p-values, 0.1 for distances} */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** {@return whether a value (the p-value or the statistic, as this test judges) crosses the threshold} */
    public boolean isDrift(double value, double threshold) {
        return pValueTest ? value < threshold : value >= threshold;
    }

    /** {@return the test of a name as {@link #testName()} spells it (any case; also the enum name)} */
    public static Optional<DriftTest> parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (DriftTest test : values()) {
            if (test.testName.equals(wanted)
                    || test.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(test);
            }
        }
        return Optional.empty();
    }

    /** {@return the names of all tests, comma-separated, for messages} */
    public static String names() {
        StringBuilder names = new StringBuilder();
        for (DriftTest test : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(test.testName);
        }
        return names.toString();
    }

    /** {@return whether a threshold makes sense for this test: in (0, 1) for p-values, finite and >= 0 otherwise} */
    public boolean acceptsThreshold(double threshold) {
        return pValueTest ? threshold > 0 && threshold < 1 : threshold >= 0 && Double.isFinite(threshold);
    }
}
