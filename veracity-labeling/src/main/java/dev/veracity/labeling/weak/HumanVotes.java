package dev.veracity.labeling.weak;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.labeling.ratings.Rating;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human raters' labels of data rows, to combine with labeling-function votes in one posterior: each rater is a
 * voter who rated some rows (a row it did not rate says nothing, unlike a function's abstaining).
 *
 * <pre>{@code
 * HumanVotes human = HumanVotes.join("ratings.csv", RatingFiles.read(files, columns), matrix, lfs.labels());
 * }</pre>
 *
 * @param raters    the raters, in order of first rating
 * @param rows      per vote, the data row
 * @param raterOf   per vote, the rater index
 * @param labels    per vote, the label index
 * @param unmatched ratings of items that are no row id of the data (ignored)
 */
public record HumanVotes(List<String> raters, int[] rows, int[] raterOf, int[] labels, long unmatched) {
    /** No ratings. */
    public static final HumanVotes NONE = new HumanVotes(List.of(), new int[0], new int[0], new int[0], 0);

    public HumanVotes {
        raters = List.copyOf(raters);
        if (rows.length != raterOf.length || rows.length != labels.length) {
            throw new IllegalArgumentException("rows, raters and labels differ in length");
        }
    }

    /** {@return the number of votes} */
    public int size() {
        return rows.length;
    }

    /**
     * {@return the ratings joined to the matrix's rows by id}
     *
     * @param source where the ratings come from, for messages (a file name)
     * @throws InputException LABEL_EVENT_INVALID for a rating whose label is not one of {@code labelNames}
     */
    public static HumanVotes join(String source, List<Rating> ratings, LabelMatrix matrix, List<String> labelNames) {
        Map<String, Integer> rowOf = new HashMap<>();
        List<String> ids = matrix.ids();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isEmpty()) {
                rowOf.put(ids.get(i), i);
            }
        }
        Map<String, Integer> raterIndex = new LinkedHashMap<>();
        List<int[]> votes = new ArrayList<>();
        long unmatched = 0;
        for (Rating rating : ratings) {
            int label = labelNames.indexOf(rating.label());
            if (label < 0) {
                throw new InputException(
                        ErrorCode.LABEL_EVENT_INVALID,
                        source + ": rating of item " + rating.item() + " by " + rating.rater()
                                + ": expected one of the labels " + labelNames + ", found '" + rating.label() + "'");
            }
            Integer row = rowOf.get(rating.item());
            if (row == null) {
                unmatched++;
                continue;
            }
            int rater = raterIndex.computeIfAbsent(rating.rater(), r -> raterIndex.size());
            votes.add(new int[] {row, rater, label});
        }
        int[] rows = new int[votes.size()];
        int[] raterOf = new int[votes.size()];
        int[] labels = new int[votes.size()];
        for (int v = 0; v < votes.size(); v++) {
            rows[v] = votes.get(v)[0];
            raterOf[v] = votes.get(v)[1];
            labels[v] = votes.get(v)[2];
        }
        return new HumanVotes(new ArrayList<>(raterIndex.keySet()), rows, raterOf, labels, unmatched);
    }
}
