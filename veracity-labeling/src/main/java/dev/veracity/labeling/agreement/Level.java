package dev.veracity.labeling.agreement;

/** The level of measurement of labels, which sets Krippendorff's difference function. */
public enum Level {
    /** Labels are names: any two different labels differ by 1. */
    NOMINAL,
    /** Labels are ranks in the table's label order: differences grow with the ratings between them. */
    ORDINAL,
    /** Labels are numbers: squared differences. */
    INTERVAL,
    /** Labels are non-negative numbers with a true zero: squared relative differences. */
    RATIO
}
