package dev.veracity.labeling.feedback;

/** Which of the outcomes inside a prediction's window gives its label. */
public enum OutcomeRule {
    /** The earliest outcome by event time (ties: the earliest arrival, then the smallest label text). */
    FIRST,
    /** The latest outcome by event time (ties: the latest arrival, then the largest label text). */
    LAST,
    /** Any outcome at all: the label is the positive label; the delay is that of the earliest outcome. */
    ANY
}
