package dev.veracity.selection;

/** How a feature is scored: INT and FLOAT are numeric, STRING (or an INT the schema calls categorical) categorical. */
public enum Kind {
    /** Scored by ANOVA F or correlations. */
    NUMERIC,
    /** Scored by contingency tables or ANOVA with the roles swapped. */
    CATEGORICAL
}
