package dev.veracity.selection;

/** What the label is: classes or a number; AUTO decides from the label column (as the ranking says it did). */
public enum Task {
    /** A STRING label, or an INT label with at most {@link SelectionOptions#MAX_AUTO_CLASSES} values. */
    AUTO,
    /** A categorical label. */
    CLASSIFICATION,
    /** A numeric label. */
    REGRESSION
}
