package dev.veracity.transform;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ops a transform spec can name, with TF Transform's names where TFT has the op.
 *
 * <pre>{@code
 * Op op = Op.named("scale_to_z_score").orElseThrow();
 * }</pre>
 */
public enum Op {
    /** {@code (x - mean) / std} with the population std; {@code x - mean} when std is 0 (TFT). */
    SCALE_TO_Z_SCORE(Set.of()),
    /** {@code (x - min) / (max - min)}; {@code sigmoid(x)} when min == max (TFT). */
    SCALE_TO_0_1(Set.of()),
    /** {@code scale_to_0_1} projected on {@code [output_min, output_max]}. */
    SCALE_BY_MIN_MAX(Set.of("output_min", "output_max")),
    /** {@code ln(1 + x)}. */
    LOG1P(Set.of()),
    /** {@code x} limited to {@code [min, max]}. */
    CLIP(Set.of("min", "max")),
    /** A missing value replaced by the mean, median, most frequent value or a constant. */
    IMPUTE(Set.of("strategy", "value")),
    /** The index of {@code x}'s quantile bucket, boundaries from a full pass. */
    BUCKETIZE(Set.of("num_buckets")),
    /** The index of {@code x}'s bucket among given boundaries. */
    APPLY_BUCKETS(Set.of("boundaries")),
    /** The index of a value in the vocabulary of the analyzed data. */
    COMPUTE_AND_APPLY_VOCABULARY(Set.of("top_k", "frequency_threshold", "num_oov_buckets", "default_value")),
    /** FarmHash Fingerprint64 of the value's UTF-8 bytes modulo {@code hash_buckets} (to_hash_bucket_fast). */
    HASH_STRINGS(Set.of("hash_buckets")),
    /** A 0/1 list over the vocabulary (and OOV buckets) with 1 at the value's index. */
    ONE_HOT(Set.of("top_k", "frequency_threshold", "num_oov_buckets")),
    /** A hashed cross of two or more inputs. */
    CROSS(Set.of("hash_buckets")),
    /** The n-grams of the whitespace-split tokens. */
    NGRAMS(Set.of("ngram_range", "separator")),
    /** The distinct n-grams of a row, first occurrence first. */
    BAG_OF_WORDS(Set.of("ngram_range", "separator")),
    /** The vocabulary indices of a row's n-grams with their tf-idf weights (two columns). */
    TFIDF(Set.of("ngram_range", "separator", "top_k", "frequency_threshold", "smooth")),
    /** Hour of the day, 0 to 23, UTC. */
    HOUR(Set.of("epoch_unit")),
    /** Day of the week, 0 (Monday) to 6 (Sunday), UTC. */
    DAY_OF_WEEK(Set.of("epoch_unit")),
    /** Month, 1 to 12, UTC. */
    MONTH(Set.of("epoch_unit")),
    /** {@code sin} or {@code cos} of {@code 2 pi} times the fraction of a period (day, week, year) elapsed. */
    CYCLIC(Set.of("epoch_unit", "part", "function"));

    private final Set<String> parameters;

    Op(Set<String> parameters) {
        this.parameters = parameters;
    }

    /** {@return the op's name in a spec file} */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the parameter keys the op accepts besides name, op and input(s)} */
    public Set<String> parameters() {
        return parameters;
    }

    /** {@return the op with this spec name} */
    public static Optional<Op> named(String name) {
        for (Op op : values()) {
            if (op.specName().equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
