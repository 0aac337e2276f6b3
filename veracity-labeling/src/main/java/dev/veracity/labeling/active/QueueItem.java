package dev.veracity.labeling.active;

import java.util.Objects;

/**
 * One item of the labeling queue.
 *
 * <pre>{@code
 * QueueItem first = queue.get(0);   // first.rank() == 1
 * }</pre>
 *
 * @param id    the item id
 * @param score the strategy's score (higher is more informative)
 * @param rank  1 for the first item to label
 */
public record QueueItem(String id, double score, int rank) {
    public QueueItem {
        Objects.requireNonNull(id, "id is null");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be positive: " + rank);
        }
    }
}
