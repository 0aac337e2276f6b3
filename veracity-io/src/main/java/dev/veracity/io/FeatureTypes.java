package dev.veracity.io;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of each feature of a dataset whose records carry their own types (tf.Example, Avro, Parquet files with
 * different schemas), shared by the threads that read its splits: the first type seen for a name wins, another one
 * later is an error, as TFDV's statistics need one type per feature. Thread-safe.
 *
 * <pre>{@code
 * FeatureTypes types = new FeatureTypes();
 * types.check("age", FeatureType.INT, "a.tfrecord: record at byte offset 0");
 * }</pre>
 */
public final class FeatureTypes {
    private final ConcurrentHashMap<String, Seen> types = new ConcurrentHashMap<>();

    private record Seen(FeatureType type, String where) {}

    /**
     * Records the type of a feature, or checks it against the one recorded.
     *
     * @param where the file and record, for the message
     * @throws InputException FEATURE_TYPE_CONFLICT if the feature was seen with another type
     */
    public void check(String feature, FeatureType type, String where) {
        Objects.requireNonNull(type, "type is null");
        Seen seen = types.putIfAbsent(feature, new Seen(type, where));
        if (seen != null && seen.type() != type) {
            throw new InputException(
                    ErrorCode.FEATURE_TYPE_CONFLICT,
                    where + ": feature \"" + feature + "\": expected " + seen.type() + " as first seen at "
                            + seen.where() + ", found " + type);
        }
    }

    /** {@return whether the feature may take this type: unseen, or seen with this type} */
    public boolean accepts(String feature, FeatureType type) {
        Seen seen = types.get(feature);
        return seen == null || seen.type() == type;
    }
}
