package dev.veracity.labeling.active;

/**
 * How the items worth a rater's time are chosen. Scores are "higher is more informative"; the single-model
 * strategies score a committee's consensus (the mean of its members' probabilities).
 *
 * <pre>{@code
 * List<QueueItem> queue = ActiveQuery.select(committee, Strategy.MARGIN, 50, QueryOptions.DEFAULT);
 * }</pre>
 */
public enum Strategy {
    /** {@code 1 - max p}: the model's doubt in its best class. */
    LEAST_CONFIDENCE,
    /** {@code 1 - (p1 - p2)}, p1 and p2 the two highest probabilities: a small margin scores high. */
    MARGIN,
    /** {@code -sum p ln p} (nats). */
    ENTROPY,
    /** Entropy (nats) of the committee's votes, each member voting its best class (the first on a tie). */
    VOTE_ENTROPY,
    /** The mean over members of {@code KL(p_member || consensus)} (nats): McCallum and Nigam's disagreement. */
    KL_TO_CONSENSUS,
    /**
     * Greedy k-center (core-set) on the item's features: each pick is the item farthest from every item already
     * picked or already labeled (rows of the data file that are not in the predictions); the score is that distance.
     */
    K_CENTER,
    /** The most uncertain items by entropy ({@code 10 x budget} of them), then k-center among them. */
    UNCERTAINTY_DIVERSE,
    /** A seeded uniform score per item id: the baseline the others must beat. */
    RANDOM;

    /** {@return whether the strategy needs item features (a data file)} */
    public boolean needsFeatures() {
        return this == K_CENTER || this == UNCERTAINTY_DIVERSE;
    }

    /** {@return whether the strategy needs several models' predictions} */
    public boolean needsCommittee() {
        return this == VOTE_ENTROPY || this == KL_TO_CONSENSUS;
    }
}
