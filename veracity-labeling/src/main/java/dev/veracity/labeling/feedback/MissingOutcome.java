package dev.veracity.labeling.feedback;

/** What a prediction without an outcome means once its window and grace period have closed. */
public enum MissingOutcome {
    /** No outcome is evidence: the prediction gets the negative label (e.g. "no click within 7 days"). */
    NEGATIVE,
    /** No outcome is no evidence: the label stays missing and the row is marked censored. */
    CENSORED
}
