package dev.veracity.transform;

import java.util.List;
import java.util.Objects;

/**
 * The parameters of one step, each with its default when the spec leaves it out; an op reads the ones it accepts.
 *
 * <pre>{@code
 * Parameters p = Parameters.DEFAULT.withTopK(100);
 * }</pre>
 *
 * @param outputMin          scale_by_min_max's lower end (0)
 * @param outputMax          scale_by_min_max's upper end (1)
 * @param clipMin            clip's lower limit (-infinity)
 * @param clipMax            clip's upper limit (+infinity)
 * @param impute             impute's strategy
 * @param imputeValue        impute's constant, as written in the spec ("" unless the strategy is constant)
 * @param numBuckets         bucketize's number of buckets
 * @param boundaries         apply_buckets's boundaries, ascending
 * @param topK               the vocabulary's size limit (-1: none)
 * @param frequencyThreshold the least count of a vocabulary entry (0)
 * @param numOovBuckets      hash buckets after the vocabulary for values outside it (0)
 * @param defaultValue       the index of a value outside the vocabulary when there is no OOV bucket (-1)
 * @param hashBuckets        hash_strings' and cross's number of buckets
 * @param ngramMin           the shortest n-gram (1)
 * @param ngramMax           the longest n-gram (1)
 * @param separator          the text between the tokens of an n-gram (" ")
 * @param smooth             tfidf's smoothing: {@code idf = 1 + ln((N + 1) / (df + 1))}, else {@code 1 + ln(N / df)}
 * @param epochUnit          the unit of a numeric time input
 * @param part               cyclic's period
 * @param cosine             cyclic's function: cos if true, sin if false
 */
public record Parameters(
        double outputMin,
        double outputMax,
        double clipMin,
        double clipMax,
        Impute impute,
        String imputeValue,
        int numBuckets,
        List<Double> boundaries,
        int topK,
        long frequencyThreshold,
        int numOovBuckets,
        long defaultValue,
        long hashBuckets,
        int ngramMin,
        int ngramMax,
        String separator,
        boolean smooth,
        EpochUnit epochUnit,
        Period part,
        boolean cosine) {
    /** Every parameter at its default. */
    public static final Parameters DEFAULT = new Parameters(
            0,
            1,
            Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            Impute.MEAN,
            "",
            0,
            List.of(),
            -1,
            0,
            0,
            -1,
            0,
            1,
            1,
            " ",
            true,
            EpochUnit.SECONDS,
            Period.DAY,
            false);

    public Parameters {
        Objects.requireNonNull(impute, "impute is null");
        Objects.requireNonNull(imputeValue, "imputeValue is null");
        boundaries = List.copyOf(boundaries);
        Objects.requireNonNull(separator, "separator is null");
        Objects.requireNonNull(epochUnit, "epochUnit is null");
        Objects.requireNonNull(part, "part is null");
    }

    /** impute's strategies. */
    public enum Impute {
        MEAN,
        MEDIAN,
        MOST_FREQUENT,
        CONSTANT
    }

    /** The unit of a number given as a time: seconds or milliseconds since 1970-01-01T00:00Z. */
    public enum EpochUnit {
        SECONDS,
        MILLISECONDS
    }

    /** cyclic's periods: the fraction of the day, week (from Monday) or year (from January 1) elapsed. */
    public enum Period {
        DAY,
        WEEK,
        YEAR
    }
}
