package dev.veracity.labeling.feedback;

import java.util.Locale;

/** How a prediction's label was decided; written per row as {@code label_status}. */
public enum LabelStatus {
    /** An outcome inside the window (arrived before the grace period ended) gave the label. */
    MATCHED,
    /** No outcome, window closed, {@link MissingOutcome#NEGATIVE}: the negative label. */
    NEGATIVE,
    /** No outcome, window closed, {@link MissingOutcome#CENSORED}: no label. */
    CENSORED,
    /** No outcome yet and the window (plus grace) is still open at the as-of time: no label yet. */
    PENDING;

    /** {@return the lower-case name written in files} */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
