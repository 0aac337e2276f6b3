package dev.veracity.privacy;

import dev.veracity.ConfigException;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.stats.PiiProtection;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Statistics of features the schema marks as PII ({@link PiiTags}) lose every raw value: the privacy module's face of
 * {@link PiiProtection}, which every statistics computation with a schema applies in the library (the local engine,
 * the Beam engine, the pipeline's StatisticsGen), taking the key of hashed labels from a {@link Secret}.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList safe = PiiStatistics.protect(stats, schema, Optional.empty());
 * }</pre>
 */
public final class PiiStatistics {
    /** The name of the custom statistic that marks a protected feature. */
    public static final String CUSTOM_STAT = PiiProtection.CUSTOM_STAT;
    /** The prefix of hashed labels. */
    public static final String HASH_PREFIX = PiiProtection.HASH_PREFIX;

    private PiiStatistics() {}

    /**
     * {@return the protection of the schema's PII features that hashes labels under the secret if given, else
     * removes them}
     *
     * @throws ConfigException if a PII tag of the schema names no entity
     */
    public static PiiProtection protection(Schema schema, Optional<Secret> secret) {
        Objects.requireNonNull(secret, "secret is null");
        PiiTags.features(schema);
        return secret.map(Secret::statisticsProtection).orElse(PiiProtection.SUPPRESS);
    }

    /** {@return the statistics with the raw values of the schema's PII features removed or hashed} */
    public static DatasetFeatureStatisticsList protect(
            DatasetFeatureStatisticsList statistics, Schema schema, Optional<Secret> secret) {
        return protection(schema, secret).protect(statistics, schema);
    }

    /**
     * Refuses to slice by a PII feature: slice names ({@code email_jane@example.com}) would hold its values.
     *
     * @throws ConfigException naming the feature
     */
    public static void checkSlicing(Schema schema, Collection<String> sliceFeatures) {
        PiiProtection.checkSlicing(schema, sliceFeatures);
    }
}
