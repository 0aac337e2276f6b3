package dev.veracity.skew;

/**
 * Examples of one side of the join with and without a complete identifier.
 *
 * @param withId    examples whose identifier features all have a value
 * @param missingId examples lacking a value of some identifier feature (not joined)
 */
public record SideCounts(long withId, long missingId) {
    public SideCounts {
        if (withId < 0 || missingId < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + withId + ", " + missingId);
        }
    }
}
