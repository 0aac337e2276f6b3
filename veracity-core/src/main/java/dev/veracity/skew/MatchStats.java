package dev.veracity.skew;

/**
 * TFDV's {@code MatchStats}: how the join on the identifier features went. An example <em>has an id</em> when every
 * identifier feature is present in it with at least one value. Every identifier (distinct key value, counted once
 * across both inputs) falls in exactly one of four classes, checked in this order: missing in base, missing in test,
 * duplicated, matching pair; so {@code identifiersCount = idsMissingInBaseCount + idsMissingInTestCount +
 * duplicateIdCount + matchingPairsCount}.
 *
 * @param baseWithIdCount       base (training) examples with an id
 * @param testWithIdCount       test (serving) examples with an id
 * @param identifiersCount      distinct ids over both inputs
 * @param idsMissingInBaseCount ids found only in the test input
 * @param idsMissingInTestCount ids found only in the base input
 * @param matchingPairsCount    ids with exactly one example on each side: the pairs that are compared
 * @param duplicateIdCount      ids on both sides with more than one example on at least one side; as TFDV with
 *                              {@code allow_duplicate_identifiers=False}, they are excluded from the comparison
 * @param baseMissingIdCount    base examples without an id (not joined)
 * @param testMissingIdCount    test examples without an id (not joined)
 */
public record MatchStats(
        long baseWithIdCount,
        long testWithIdCount,
        long identifiersCount,
        long idsMissingInBaseCount,
        long idsMissingInTestCount,
        long matchingPairsCount,
        long duplicateIdCount,
        long baseMissingIdCount,
        long testMissingIdCount) {
    public MatchStats {
        if (identifiersCount != idsMissingInBaseCount + idsMissingInTestCount + duplicateIdCount + matchingPairsCount) {
            throw new IllegalArgumentException("identifier classes do not add up to identifiersCount");
        }
    }
}
