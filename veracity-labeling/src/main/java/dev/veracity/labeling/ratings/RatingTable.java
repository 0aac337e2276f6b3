package dev.veracity.labeling.ratings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Ratings indexed by item, rater and label. Items and raters keep their order of first appearance; labels are
 * sorted (numerically when every label is a number, so ordinal and interval levels see 1 < 2 < 10), unless an order
 * is given. A rater who rates an item twice counts twice.
 *
 * <pre>{@code
 * RatingTable table = RatingTable.of(List.of(Rating.of("q1", "ann", "spam"), Rating.of("q1", "bob", "ham")));
 * }</pre>
 */
public final class RatingTable {
    private final List<Rating> ratings;
    private final List<String> items;
    private final List<String> raters;
    private final List<String> labels;
    private final int[] itemOf;
    private final int[] raterOf;
    private final int[] labelOf;

    private RatingTable(List<Rating> ratings, List<String> labelOrder) {
        this.ratings = List.copyOf(ratings);
        Map<String, Integer> itemIndex = new LinkedHashMap<>();
        Map<String, Integer> raterIndex = new LinkedHashMap<>();
        for (Rating r : this.ratings) {
            itemIndex.putIfAbsent(r.item(), itemIndex.size());
            raterIndex.putIfAbsent(r.rater(), raterIndex.size());
        }
        this.items = List.copyOf(itemIndex.keySet());
        this.raters = List.copyOf(raterIndex.keySet());
        List<String> order = new ArrayList<>(labelOrder);
        TreeSet<String> seen = new TreeSet<>(labelComparator(this.ratings));
        for (Rating r : this.ratings) {
            if (!order.contains(r.label())) {
                seen.add(r.label());
            }
        }
        order.addAll(seen);
        this.labels = List.copyOf(order);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        itemOf = new int[this.ratings.size()];
        raterOf = new int[this.ratings.size()];
        labelOf = new int[this.ratings.size()];
        for (int i = 0; i < this.ratings.size(); i++) {
            Rating r = this.ratings.get(i);
            itemOf[i] = itemIndex.get(r.item());
            raterOf[i] = raterIndex.get(r.rater());
            labelOf[i] = labelIndex.get(r.label());
        }
    }

    /** {@return a table of the ratings, labels in natural order} */
    public static RatingTable of(List<Rating> ratings) {
        return new RatingTable(ratings, List.of());
    }

    /** {@return a table whose labels come in {@code labelOrder} first (for ordinal data), then the rest sorted} */
    public static RatingTable of(List<Rating> ratings, List<String> labelOrder) {
        return new RatingTable(ratings, labelOrder);
    }

    private static Comparator<String> labelComparator(List<Rating> ratings) {
        boolean numeric = ratings.stream().allMatch(r -> isNumber(r.label()));
        return numeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
    }

    static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@return the table of the ratings that pass {@code filter}, with the same label order} */
    public RatingTable filter(Predicate<Rating> filter) {
        return new RatingTable(ratings.stream().filter(filter).toList(), labels);
    }

    public List<Rating> ratings() {
        return ratings;
    }

    public List<String> items() {
        return items;
    }

    public List<String> raters() {
        return raters;
    }

    /** {@return the labels, in order: index {@code k} of every per-label array} */
    public List<String> labels() {
        return labels;
    }

    public int size() {
        return ratings.size();
    }

    /** {@return the item index of rating {@code i}} */
    public int itemOf(int i) {
        return itemOf[i];
    }

    /** {@return the rater index of rating {@code i}} */
    public int raterOf(int i) {
        return raterOf[i];
    }

    /** {@return the label index of rating {@code i}} */
    public int labelOf(int i) {
        return labelOf[i];
    }

    /** {@return per item, per label, how many ratings gave it} */
    public int[][] countsPerItem() {
        int[][] counts = new int[items.size()][labels.size()];
        for (int i = 0; i < ratings.size(); i++) {
            counts[itemOf[i]][labelOf[i]]++;
        }
        return counts;
    }

    /** {@return the labels as numbers, in label order} @throws dev.veracity.ConfigException if one is not a number */
    public double[] numericLabels(String why) {
        double[] values = new double[labels.size()];
        for (int k = 0; k < values.length; k++) {
            if (!isNumber(labels.get(k))) {
                throw new dev.veracity.ConfigException(
                        why + ": expected numeric labels, found '" + labels.get(k) + "'");
            }
            values[k] = Double.parseDouble(labels.get(k));
        }
        return values;
    }
}
