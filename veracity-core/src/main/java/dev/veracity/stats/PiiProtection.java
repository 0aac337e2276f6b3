package dev.veracity.stats;

import dev.veracity.ConfigException;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringStatistics;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Removes every raw value of the features a schema marks as personal data (a {@code veracity:pii} tag) from their
 * statistics, as part of computing statistics with a schema, so that no file, table, report or pipeline artifact
 * built from them shows one. Counts and distributions stay: common statistics, {@code unique}, {@code avg_length},
 * mean, standard deviation, zeros, bytes statistics.
 * <ul>
 * <li>{@code string_stats.top_values} and {@code rank_histogram} (and their weighted twins): without a key they are
 *     removed (suppressed); with one, each label becomes {@code pii:} and the first 16 hex digits of its
 *     HMAC-SHA256, counts and ranks unchanged, so the same value has the same label in every span (drift still
 *     compares) and nobody without the key can read it.</li>
 * <li>{@code num_stats.min}, {@code median}, {@code max} and {@code histograms} (their bounds are values), and the
 *     weighted median and histograms, are removed: a card number read as INT is a number.</li>
 * <li>A custom statistic {@code veracity:pii} says what happened: {@code "suppressed"} or {@code "hashed"}.</li>
 * </ul>
 * Serializable, so that distributed engines can ship it to their workers.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList safe = PiiProtection.SUPPRESS.protect(statistics, schema);
 * }</pre>
 */
public final class PiiProtection implements Serializable {
    /** The tag of a feature holding personal data of no stated kind; {@code TAG + "=" + ENTITY} states it. */
    public static final String TAG = "veracity:pii";
    /** The name of the custom statistic that marks a protected feature. */
    public static final String CUSTOM_STAT = "veracity:pii";
    /** The prefix of hashed labels. */
    public static final String HASH_PREFIX = "pii:";
    /** The fewest bytes of a hashing key. */
    public static final int MIN_KEY_BYTES = 16;
    /** Removes the raw values; the default of every statistics computation with a schema. */
    public static final PiiProtection SUPPRESS = new PiiProtection(new byte[0]);

    private static final long serialVersionUID = 1L;
    private static final String HMAC = "HmacSHA256";
    /** Empty to suppress; else the HMAC-SHA256 key that labels values. */
    private final byte[] key;

    private PiiProtection(byte[] key) {
        this.key = key;
    }

    /**
     * {@return a protection that labels values with their keyed hash (HMAC-SHA256) under {@code key}}
     *
     * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public static PiiProtection hashing(byte[] key) {
        Objects.requireNonNull(key, "key is null");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "key: expected at least " + MIN_KEY_BYTES + " bytes, found " + key.length);
        }
        return new PiiProtection(key.clone());
    }

    /** {@return whether values are labelled with their hash rather than removed} */
    public boolean isHashing() {
        return key.length > 0;
    }

    /**
     * {@return the names of the top-level features the schema marks as PII ({@code veracity:pii} or
     * {@code veracity:pii=ENTITY}), in schema order}
     */
    public static Set<String> features(Schema schema) {
        Set<String> marked = new LinkedHashSet<>();
        for (Feature feature : schema.getFeatureList()) {
            for (String tag : feature.getAnnotation().getTagList()) {
                String value = tag.strip();
                if (value.equals(TAG) || value.startsWith(TAG + "=")) {
                    marked.add(feature.getName());
                }
            }
        }
        return marked;
    }

    /**
     * Refuses to slice by a PII feature: slice names ({@code email_jane@example.com}) would hold its values.
     *
     * @throws ConfigException naming the feature
     */
    public static void checkSlicing(Schema schema, Collection<String> sliceFeatures) {
        Set<String> pii = features(schema);
        for (String feature : sliceFeatures) {
            if (pii.contains(feature)) {
                throw new ConfigException("--slice-by " + feature + ": expected a feature that is not PII, found one "
                        + "the schema marks " + TAG + " (slice names would hold its values)");
            }
        }
    }

    /** {@return the statistics with the raw values of the schema's PII features removed or hashed} */
    public DatasetFeatureStatisticsList protect(DatasetFeatureStatisticsList statistics, Schema schema) {
        return protect(statistics, features(schema));
    }

    /** {@return the statistics with the raw values of the named features (top-level names or dotted paths) removed or hashed} */
    public DatasetFeatureStatisticsList protect(
            DatasetFeatureStatisticsList statistics, Collection<String> piiFeatures) {
        Objects.requireNonNull(statistics, "statistics is null");
        Set<String> pii = Set.copyOf(piiFeatures);
        if (pii.isEmpty()) {
            return statistics;
        }
        Mac mac = isHashing() ? mac() : null;
        DatasetFeatureStatisticsList.Builder list = statistics.toBuilder();
        for (DatasetFeatureStatistics.Builder dataset : list.getDatasetsBuilderList()) {
            for (FeatureNameStatistics.Builder feature : dataset.getFeaturesBuilderList()) {
                if (pii.contains(name(feature))) {
                    protect(feature, mac);
                }
            }
        }
        return list.build();
    }

    private static String name(FeatureNameStatistics.Builder feature) {
        return feature.hasPath() ? String.join(".", feature.getPath().getStepList()) : feature.getName();
    }

    private static void protect(FeatureNameStatistics.Builder feature, Mac mac) {
        if (feature.hasStringStats()) {
            StringStatistics.Builder strings = feature.getStringStatsBuilder();
            if (mac != null) {
                relabel(strings.getTopValuesBuilderList(), mac);
                relabel(strings.getRankHistogramBuilder(), mac);
                if (strings.hasWeightedStringStats()) {
                    relabel(strings.getWeightedStringStatsBuilder().getTopValuesBuilderList(), mac);
                    relabel(strings.getWeightedStringStatsBuilder().getRankHistogramBuilder(), mac);
                }
            } else {
                strings.clearTopValues().clearRankHistogram();
                if (strings.hasWeightedStringStats()) {
                    strings.getWeightedStringStatsBuilder().clearTopValues().clearRankHistogram();
                }
            }
        }
        if (feature.hasNumStats()) {
            var numbers = feature.getNumStatsBuilder()
                    .clearMin()
                    .clearMax()
                    .clearMedian()
                    .clearHistograms();
            if (numbers.hasWeightedNumericStats()) {
                numbers.getWeightedNumericStatsBuilder().clearMedian().clearHistograms();
            }
        }
        List<CustomStatistic> others = new ArrayList<>();
        for (CustomStatistic custom : feature.getCustomStatsList()) {
            if (!custom.getName().equals(CUSTOM_STAT)) {
                others.add(custom);
            }
        }
        feature.clearCustomStats()
                .addAllCustomStats(others)
                .addCustomStats(CustomStatistic.newBuilder()
                        .setName(CUSTOM_STAT)
                        .setStr(mac != null ? "hashed" : "suppressed"));
    }

    private static void relabel(List<StringStatistics.FreqAndValue.Builder> values, Mac mac) {
        for (StringStatistics.FreqAndValue.Builder value : values) {
            value.setValue(label(value.getValue(), mac));
        }
    }

    private static void relabel(RankHistogram.Builder histogram, Mac mac) {
        for (RankHistogram.Bucket.Builder bucket : histogram.getBucketsBuilderList()) {
            bucket.setLabel(label(bucket.getLabel(), mac));
        }
    }

    private static String label(String value, Mac mac) {
        byte[] hash = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HASH_PREFIX + HexFormat.of().formatHex(hash, 0, 8);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return isHashing() ? "PiiProtection[hashing, key hidden]" : "PiiProtection[suppress]";
    }
}
