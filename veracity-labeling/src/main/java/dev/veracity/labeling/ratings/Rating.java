package dev.veracity.labeling.ratings;

import static java.util.Objects.requireNonNull;

/**
 * One label given by one rater to one item.
 *
 * @param item               the item (task) id
 * @param rater              the rater id
 * @param label              the label
 * @param instructionVersion the version of the instructions the rater followed, "" if unknown
 */
public record Rating(String item, String rater, String label, String instructionVersion) {
    public Rating {
        requireNonNull(item, "item is null");
        requireNonNull(rater, "rater is null");
        requireNonNull(label, "label is null");
        requireNonNull(instructionVersion, "instructionVersion is null");
    }

    /** {@return a rating without instruction version} */
    public static Rating of(String item, String rater, String label) {
        return new Rating(item, rater, label, "");
    }
}
