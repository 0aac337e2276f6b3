package dev.veracity.selection;

import java.util.Locale;

/** A selection score, named as in the ranking JSON (scikit-learn's or scipy's function it mirrors in the comment). */
public enum Method {
    /** {@code sklearn.feature_selection.f_classif}; with a numeric label and a categorical feature, roles swapped. */
    ANOVA_F,
    /** {@code scipy.stats.chi2_contingency(table, correction=False)}. */
    CHI2,
    /**
     * In nats: {@code sklearn.metrics.mutual_info_score} for a categorical feature and label; the KSG estimate of
     * {@code mutual_info_classif} (numeric feature, categorical label) or {@code mutual_info_regression} (numeric
     * feature and label), k = 3.
     */
    MUTUAL_INFORMATION,
    /** {@code scipy.stats.contingency.association(table, method="cramer")}. */
    CRAMERS_V,
    /** {@code sklearn.feature_selection.f_regression} (center=True). */
    F_REGRESSION,
    /** {@code scipy.stats.pearsonr}. */
    PEARSON,
    /** {@code scipy.stats.spearmanr} (average ranks for ties). */
    SPEARMAN;

    /** {@return the JSON and command-line name, e.g. anova_f} */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the method of a JSON name}
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Method named(String name) {
        for (Method method : values()) {
            if (method.jsonName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
