package dev.veracity.labeling.consensus;

import dev.veracity.labeling.ratings.RatingTable;
import java.util.Arrays;

/**
 * Votes by index, the input of {@link DawidSkene#fit}: which rater gave which item which label, for items, raters
 * and labels numbered from 0. A rater either rates the items it was given (a human rater: an item it did not rate says
 * nothing about the item's label) or looks at every item and may abstain (a labeling function: abstaining is an
 * outcome whose probability depends on the true label, and such a rater votes at most once per item).
 *
 * <pre>{@code
 * VoteList.Builder votes = VoteList.builder(rows, functions, labels);
 * for (int f = 0; f < functions; f++) votes.abstainIsOutcome(f);
 * votes.add(row, function, label);
 * }</pre>
 */
public final class VoteList {
    private final int items;
    private final int raters;
    private final int labels;
    private final int[] item;
    private final int[] rater;
    private final int[] label;
    private final boolean[] abstainIsOutcome;

    private VoteList(int items, int raters, int labels, int size, int[] item, int[] rater, int[] label, boolean[] a) {
        this.items = items;
        this.raters = raters;
        this.labels = labels;
        this.item = Arrays.copyOf(item, size);
        this.rater = Arrays.copyOf(rater, size);
        this.label = Arrays.copyOf(label, size);
        this.abstainIsOutcome = a.clone();
    }

    /** {@return the votes of a rating table: every rater a human rater} */
    public static VoteList of(RatingTable table) {
        Builder builder = builder(
                table.items().size(), table.raters().size(), table.labels().size());
        for (int i = 0; i < table.size(); i++) {
            builder.add(table.itemOf(i), table.raterOf(i), table.labelOf(i));
        }
        return builder.build();
    }

    /** {@return a builder of votes on {@code items} items by {@code raters} raters with {@code labels} labels} */
    public static Builder builder(int items, int raters, int labels) {
        return new Builder(items, raters, labels);
    }

    /** {@return the number of items} */
    public int items() {
        return items;
    }

    /** {@return the number of raters} */
    public int raters() {
        return raters;
    }

    /** {@return the number of labels} */
    public int labels() {
        return labels;
    }

    /** {@return the number of votes} */
    public int size() {
        return item.length;
    }

    /** {@return the item of vote {@code i}} */
    public int itemOf(int i) {
        return item[i];
    }

    /** {@return the rater of vote {@code i}} */
    public int raterOf(int i) {
        return rater[i];
    }

    /** {@return the label of vote {@code i}} */
    public int labelOf(int i) {
        return label[i];
    }

    /** {@return whether rater {@code r} sees every item and abstaining is one of its outcomes} */
    public boolean abstainIsOutcome(int r) {
        return abstainIsOutcome[r];
    }

    /** Collects votes; arrays grow as needed. */
    public static final class Builder {
        private final int items;
        private final int raters;
        private final int labels;
        private int size;
        private int[] item = new int[16];
        private int[] rater = new int[16];
        private int[] label = new int[16];
        private final boolean[] abstainIsOutcome;

        private Builder(int items, int raters, int labels) {
            if (items < 0 || raters < 0 || labels < 0) {
                throw new IllegalArgumentException(
                        "items, raters and labels must be >= 0: " + items + ", " + raters + ", " + labels);
            }
            this.items = items;
            this.raters = raters;
            this.labels = labels;
            this.abstainIsOutcome = new boolean[raters];
        }

        /** Marks rater {@code r} as one that sees every item and may abstain (a labeling function). */
        public Builder abstainIsOutcome(int r) {
            abstainIsOutcome[r] = true;
            return this;
        }

        /** Adds a vote. */
        public Builder add(int anItem, int aRater, int aLabel) {
            if (anItem < 0 || anItem >= items || aRater < 0 || aRater >= raters || aLabel < 0 || aLabel >= labels) {
                throw new IllegalArgumentException(
                        "vote out of range: item " + anItem + ", rater " + aRater + ", label " + aLabel);
            }
            if (size == item.length) {
                int grown = Math.max(16, size + (size >> 1));
                item = Arrays.copyOf(item, grown);
                rater = Arrays.copyOf(rater, grown);
                label = Arrays.copyOf(label, grown);
            }
            item[size] = anItem;
            rater[size] = aRater;
            label[size] = aLabel;
            size++;
            return this;
        }

        /** {@return the votes added so far} */
        public VoteList build() {
            return new VoteList(items, raters, labels, size, item, rater, label, abstainIsOutcome);
        }
    }
}
