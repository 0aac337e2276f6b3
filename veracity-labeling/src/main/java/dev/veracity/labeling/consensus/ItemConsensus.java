package dev.veracity.labeling.consensus;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The consensus of one item.
 *
 * @param item       the item id
 * @param label      the chosen label, "" when none (a tie under {@link TiePolicy#ABSTAIN})
 * @param confidence the posterior probability (or vote share) of the chosen label; of the top label when none
 * @param posterior  per label of the table, in its order, the probability (or vote share); sums to 1
 * @param ratings    how many ratings the item has
 */
public record ItemConsensus(String item, String label, double confidence, List<Double> posterior, int ratings) {
    public ItemConsensus {
        requireNonNull(item, "item is null");
        requireNonNull(label, "label is null");
        posterior = List.copyOf(posterior);
    }

    /** {@return whether a label was chosen} */
    public boolean hasLabel() {
        return !label.isEmpty();
    }
}
