package dev.veracity.labeling.project;

/** Which rater gets the next open slot of a task. */
public enum AssignmentPolicy {
    /** Raters in turn, continuing where the last assignment stopped. */
    ROUND_ROBIN,
    /** The rater with the fewest open assignments (ties: fewest assignments, then rater order). */
    LEAST_LOADED
}
