package dev.veracity.selection;

import java.util.Objects;

/**
 * One score of one feature: the statistic, its p-value where the test defines one, its degrees of freedom (chi2)
 * and its strength, an effect size in [0, 1] that ranks features across methods (eta squared for ANOVA, r squared
 * for the correlations, V squared for chi2 and Cramér's V, 1 - exp(-2 MI) for mutual information).
 *
 * @param method    the method
 * @param statistic the statistic, finite
 * @param pValue    the p-value in [0, 1], or NaN where the method has none
 * @param dof       the degrees of freedom of chi2, 0 otherwise
 * @param strength  the effect size in [0, 1]
 */
public record Score(Method method, double statistic, double pValue, int dof, double strength) {
    public Score {
        Objects.requireNonNull(method, "method is null");
        if (!Double.isFinite(statistic)) {
            throw new IllegalArgumentException("statistic must be finite: " + statistic);
        }
        if (!(Double.isNaN(pValue) || pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1] or NaN: " + pValue);
        }
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be in [0, 1]: " + strength);
        }
    }

    /** {@return whether the method defines a p-value} */
    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }
}
