package dev.veracity.labeling.consensus;

/** What a vote does when two or more labels share the most votes. */
public enum TiePolicy {
    /** No label: the item goes to adjudication. */
    ABSTAIN,
    /** The first tied label in the table's label order. */
    FIRST,
    /** A tied label chosen by a hash of the item id and a seed: random-looking, but the same on every run. */
    RANDOM
}
