package dev.veracity.privacy;

import dev.veracity.ConfigException;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringStatistics;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where statistics of features the schema marks as PII ({@link PiiTags}) lose every raw value, after
 * they are computed and before they are written, so that no file, table or report built from them shows one.
 * Counts and distributions stay: common statistics, {@code unique}, {@code avg_length}, mean, standard deviation,
 * zeros, invalid UTF-8, bytes statistics.
 * <ul>
 * <li>{@code string_stats.top_values} and {@code rank_histogram} (and their weighted twins): without a secret they
 *     are removed (suppressed); with one, each label becomes {@code pii:} and the first 16 hex digits of its
 *     HMAC-SHA256, counts and ranks unchanged, so the same value has the same label in every span (drift still
 *     compares) and nobody without the secret can read it.</li>
 * <li>{@code num_stats.min}, {@code median}, {@code max} and {@code histograms} (their bounds are values), and
 *     the weighted median and histograms, are removed: a card number read as INT is a number.</li>
 * <li>A custom statistic {@code veracity:pii} says what happened: {@code "suppressed"} or {@code "hashed"}.</li>
 * </ul>
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList safe = PiiStatistics.protect(stats, schema, Optional.empty());
 * }</pre>
 */
public final class PiiStatistics {
    /** The name of the custom statistic that marks a protected feature. */
    public static final String CUSTOM_STAT = "veracity:pii";
    /** The prefix of hashed labels. */
    public static final String HASH_PREFIX = "pii:";

    private PiiStatistics() {
    }

    /** {@return the statistics with the raw values of the schema's PII features removed or hashed} */
    public static DatasetFeatureStatisticsList protect(DatasetFeatureStatisticsList statistics, Schema schema,
            Optional<Secret> secret) {
        Objects.requireNonNull(secret, "secret is null");
        Set<String> pii = PiiTags.features(schema).keySet();
        if (pii.isEmpty()) {
            return statistics;
        }
        DatasetFeatureStatisticsList.Builder list = statistics.toBuilder();
        for (DatasetFeatureStatistics.Builder dataset : list.getDatasetsBuilderList()) {
            for (FeatureNameStatistics.Builder feature : dataset.getFeaturesBuilderList()) {
                if (pii.contains(name(feature))) {
                    protect(feature, secret);
                }
            }
        }
        return list.build();
    }

    /**
     * Refuses to slice by a PII feature: slice names ({@code email_jane@example.com}) would hold its values.
     *
     * @throws ConfigException naming the feature
     */
    public static void checkSlicing(Schema schema, Collection<String> sliceFeatures) {
        Set<String> pii = PiiTags.features(schema).keySet();
        for (String feature : sliceFeatures) {
            if (pii.contains(feature)) {
                throw new ConfigException("--slice-by " + feature + ": expected a feature that is not PII, found one "
                        + "the schema marks " + PiiTags.TAG + " (slice names would hold its values)");
            }
        }
    }

    private static String name(FeatureNameStatistics.Builder feature) {
        return feature.hasPath() ? String.join(".", feature.getPath().getStepList()) : feature.getName();
    }

    private static void protect(FeatureNameStatistics.Builder feature, Optional<Secret> secret) {
        if (feature.hasStringStats()) {
            StringStatistics.Builder strings = feature.getStringStatsBuilder();
            if (secret.isPresent()) {
                for (StringStatistics.FreqAndValue.Builder top : strings.getTopValuesBuilderList()) {
                    top.setValue(label(top.getValue(), secret.get()));
                }
                relabel(strings.getRankHistogramBuilder(), secret.get());
                if (strings.hasWeightedStringStats()) {
                    for (StringStatistics.FreqAndValue.Builder top
                            : strings.getWeightedStringStatsBuilder().getTopValuesBuilderList()) {
                        top.setValue(label(top.getValue(), secret.get()));
                    }
                    relabel(strings.getWeightedStringStatsBuilder().getRankHistogramBuilder(), secret.get());
                }
            } else {
                strings.clearTopValues().clearRankHistogram();
                if (strings.hasWeightedStringStats()) {
                    strings.getWeightedStringStatsBuilder().clearTopValues().clearRankHistogram();
                }
            }
        }
        if (feature.hasNumStats()) {
            var numbers = feature.getNumStatsBuilder().clearMin().clearMax().clearMedian().clearHistograms();
            if (numbers.hasWeightedNumericStats()) {
                numbers.getWeightedNumericStatsBuilder().clearMedian().clearHistograms();
            }
        }
        List<CustomStatistic> others = feature.getCustomStatsList().stream()
                .filter(c -> !c.getName().equals(CUSTOM_STAT)).toList();
        feature.clearCustomStats().addAllCustomStats(others).addCustomStats(CustomStatistic.newBuilder()
                .setName(CUSTOM_STAT).setStr(secret.isPresent() ? "hashed" : "suppressed"));
    }

    private static void relabel(RankHistogram.Builder histogram, Secret secret) {
        for (RankHistogram.Bucket.Builder bucket : histogram.getBucketsBuilderList()) {
            bucket.setLabel(label(bucket.getLabel(), secret));
        }
    }

    private static String label(String value, Secret secret) {
        return HASH_PREFIX + secret.hashHex(value).substring(0, 16);
    }
}
