package dev.veracity.labeling.ratings;

/**
 * What reading ratings does with a second rating of an item by the same rater: consensus counts each (a rater who
 * changed their mind is two votes, as the project's exports record them), agreement refuses it (a rater paired with
 * themself would raise agreement).
 */
public enum RepeatedRatings {
    /** Keep every rating. */
    COUNT,
    /** Fail naming the file, the record and the record of the first rating. */
    REFUSE
}
