package dev.veracity.labeling.project;

import static java.util.Objects.requireNonNull;

/**
 * A task given to a rater.
 *
 * @param task  the task id
 * @param rater the rater id
 * @param gold  whether the task is a gold question (never shown to the rater)
 * @param order where it comes in the rater's queue (a seeded hash, so gold questions are mixed in)
 * @param done  whether the rater has annotated it
 */
public record Assignment(String task, String rater, boolean gold, long order, boolean done) {
    public Assignment {
        requireNonNull(task, "task is null");
        requireNonNull(rater, "rater is null");
    }

    Assignment completed() {
        return new Assignment(task, rater, gold, order, true);
    }
}
