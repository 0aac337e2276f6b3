package dev.veracity.transform;

import java.util.List;
import java.util.Objects;

/**
 * What analysis computed for one step, frozen in the transform directory; a step that needs no analysis has
 * {@link #NONE}.
 *
 * <pre>{@code
 * double z = (x - constants.mean()) / constants.stdDev();
 * }</pre>
 *
 * @param count               the number of non-NaN values analyzed
 * @param mean                the mean (NaN without values)
 * @param stdDev              the population standard deviation (NaN without values)
 * @param min                 the smallest value (+infinity without values)
 * @param max                 the largest value (-infinity without values)
 * @param boundaries          bucketize's boundaries, ascending and distinct
 * @param rankError           the 99% bound on the normalized rank error of the boundaries (0 when exact)
 * @param vocabulary          the vocabulary, most frequent first, ties in descending byte order (TFT's order)
 * @param documentFrequencies tfidf: for each vocabulary entry, the number of rows holding it
 * @param documents           tfidf: the number of rows with the input present
 * @param impute              impute's value as text (a number as {@code ValueText} prints it), "" when none
 */
public record Constants(
        long count,
        double mean,
        double stdDev,
        double min,
        double max,
        List<Double> boundaries,
        double rankError,
        List<String> vocabulary,
        List<Long> documentFrequencies,
        long documents,
        String impute) {
    /** No analysis. */
    public static final Constants NONE = new Constants(
            0,
            Double.NaN,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            List.of(),
            0,
            List.of(),
            List.of(),
            0,
            "");

    public Constants {
        boundaries = List.copyOf(boundaries);
        vocabulary = List.copyOf(vocabulary);
        documentFrequencies = List.copyOf(documentFrequencies);
        Objects.requireNonNull(impute, "impute is null");
    }
}
