package dev.veracity.labeling.project;

import static java.util.Objects.requireNonNull;

/**
 * A rater's answer to a task.
 *
 * @param task               the task id
 * @param rater              the rater id
 * @param label              the label chosen
 * @param instructionVersion the instruction version in force when the rater answered
 * @param seconds            time spent, in seconds (Label Studio's lead_time); 0 if unknown
 * @param createdAt          when, ISO-8601
 */
public record Annotation(
        String task, String rater, String label, int instructionVersion, double seconds, String createdAt) {
    public Annotation {
        requireNonNull(task, "task is null");
        requireNonNull(rater, "rater is null");
        requireNonNull(label, "label is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
