package dev.veracity.stats;

import dev.veracity.ConfigException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllSketch;

/**
 * What to compute and how precisely; the defaults are TFDV's ({@code StatsOptions}).
 *
 * <pre>{@code
 * StatisticsOptions options = StatisticsOptions.builder().numTopValues(50).weightFeature("w").build();
 * }</pre>
 *
 * <p>Options are made by {@link #builder()} or changed by {@link #toBuilder()} (the {@code with*} methods are
 * one-option shortcuts through it). The canonical constructor is kept for the code that must carry every component
 * (the builder, Beam's serializable copy): adding a component then breaks their compilation instead of being dropped.
 *
 * @param numTopValues                  entries in {@code top_values} (TFDV {@code num_top_values}, 20)
 * @param numRankHistogramBuckets       labels in {@code rank_histogram} (TFDV {@code num_rank_histogram_buckets}, 1000)
 * @param numHistogramBuckets           buckets of the STANDARD numeric histogram (10)
 * @param numQuantilesHistogramBuckets  buckets of the QUANTILES numeric histogram (10)
 * @param numValuesHistogramBuckets     buckets of the values-per-example histogram (10, at least 2)
 * @param maxExactDistinct              distinct values per string feature counted exactly; beyond it a frequent-items
 *                                      sketch and a HyperLogLog take over, with their error bound reported (10,000)
 * @param quantilesRankError            the rank error the quantile sketches must stay within (TFDV epsilon, 0.01)
 * @param weightFeature                 the numeric feature whose single value per example is that example's weight
 *                                      (TFDV {@code weight_feature}); {@code ""}, the default, for none. With one,
 *                                      every feature also gets TFDV's {@code weighted_*} statistics
 * @param categoricalFeatures           the INT and FLOAT features that are categorical (TFDV: a schema's
 *                                      {@code int_domain { is_categorical: true }}, {@code float_domain} likewise):
 *                                      they get {@code string_stats} of their decimal strings instead of
 *                                      {@code num_stats}, and keep their type; empty, the default, for none. A
 *                                      STRING feature named here is described as any string feature
 * @param compositeFeatures             the schema's sparse and weighted features whose custom statistics TFDV's
 *                                      composite generators compute ({@link CompositeFeatures#NONE}, the default,
 *                                      for none)
 * @param semanticDomains               the semantic-domain statistics to compute (TFDV's
 *                                      {@code enable_semantic_domain_stats}; {@link SemanticDomains#NONE}, the
 *                                      default, for none)
 * @param bytesFeatures                 the STRING features that are bytes (TFDV: the schema's features with an
 *                                      {@code image_domain}): they get type BYTES and {@code bytes_stats} (sizes of
 *                                      their values) instead of {@code string_stats}; empty, the default, for none
 * @param weightOverrides               weight feature by feature name (TFDV {@code per_feature_weight_override}): the
 *                                      features named here are weighted by their own weight feature instead of
 *                                      {@code weightFeature}; empty, the default, for none
 */
public record StatisticsOptions(
        int numTopValues,
        int numRankHistogramBuckets,
        int numHistogramBuckets,
        int numQuantilesHistogramBuckets,
        int numValuesHistogramBuckets,
        int maxExactDistinct,
        double quantilesRankError,
        String weightFeature,
        Set<String> categoricalFeatures,
        CompositeFeatures compositeFeatures,
        SemanticDomains semanticDomains,
        Set<String> bytesFeatures,
        Map<String, String> weightOverrides) {

    /** The most top values and rank histogram buckets: each is a string kept per feature and slice. */
    public static final int MAX_TOP_VALUES = 100_000;
    /** The most buckets of a histogram: more cannot be told apart, and each costs sketch queries. */
    public static final int MAX_BUCKETS = 10_000;
    /** The most distinct values counted exactly per string feature, per thread and slice, before the sketches. */
    public static final int MAX_EXACT_DISTINCT = 1_000_000;

    /** TFDV's defaults. */
    public static final StatisticsOptions DEFAULT = new StatisticsOptions(
            20,
            1000,
            10,
            10,
            10,
            10_000,
            0.01,
            "",
            Set.of(),
            CompositeFeatures.NONE,
            SemanticDomains.NONE,
            Set.of(),
            Map.of());

    public StatisticsOptions {
        Objects.requireNonNull(weightFeature, "weightFeature is null");
        categoricalFeatures = Set.copyOf(Objects.requireNonNull(categoricalFeatures, "categoricalFeatures is null"));
        Objects.requireNonNull(compositeFeatures, "compositeFeatures is null");
        Objects.requireNonNull(semanticDomains, "semanticDomains is null");
        bytesFeatures = Set.copyOf(Objects.requireNonNull(bytesFeatures, "bytesFeatures is null"));
        weightOverrides = Collections.unmodifiableMap(
                new TreeMap<>(Objects.requireNonNull(weightOverrides, "weightOverrides is null")));
        weightOverrides.forEach((feature, weight) -> {
            if (feature.isEmpty() || weight.isEmpty()) {
                throw new ConfigException("weight override: expected FEATURE=WEIGHT_FEATURE with both names, found \""
                        + feature + "=" + weight + "\"");
            }
        });
        within("top values", numTopValues, 0, MAX_TOP_VALUES);
        within("rank histogram buckets", numRankHistogramBuckets, 0, MAX_TOP_VALUES);
        within("histogram buckets", numHistogramBuckets, 1, MAX_BUCKETS);
        within("quantiles histogram buckets", numQuantilesHistogramBuckets, 1, MAX_BUCKETS);
        within("values histogram buckets", numValuesHistogramBuckets, 2, MAX_BUCKETS);
        within("exact distinct values", maxExactDistinct, 1, MAX_EXACT_DISTINCT);
        if (!(quantilesRankError >= 0.001 && quantilesRankError <= 0.5)) {
            throw new ConfigException(
                    "quantiles rank error: expected a number in [0.001, 0.5], found " + quantilesRankError);
        }
    }

    /** {@return these options with another number of top values} */
    public StatisticsOptions withNumTopValues(int n) {
        return toBuilder().numTopValues(n).build();
    }

    /** {@return these options with another number of buckets for both numeric histograms} */
    public StatisticsOptions withNumHistogramBuckets(int n) {
        return toBuilder()
                .numHistogramBuckets(n)
                .numQuantilesHistogramBuckets(n)
                .build();
    }

    /** {@return these options with another cap on exactly counted distinct values} */
    public StatisticsOptions withMaxExactDistinct(int n) {
        return toBuilder().maxExactDistinct(n).build();
    }

    /**
     * {@return these options with a weight feature} Every row of every batch must then carry exactly one finite,
     * non-negative value of it, or {@link DatasetAccumulator#add} throws a {@link ConfigException}.
     *
     * @param feature the weight feature's name, or {@code ""} for none
     */
    public StatisticsOptions withWeightFeature(String feature) {
        return toBuilder().weightFeature(feature).build();
    }

    /**
     * {@return these options with other per-feature weight features} (TFDV's {@code per_feature_weight_override}): a
     * feature named here gets its {@code weighted_*} statistics weighted by its own weight feature instead of
     * {@link #weightFeature()}, with or without a global one. Each such weight feature must then carry exactly one
     * finite, non-negative value per example.
     *
     * @param overrides weight feature by feature name; empty for none
     */
    public StatisticsOptions withWeightOverrides(Map<String, String> overrides) {
        return toBuilder().weightOverrides(overrides).build();
    }

    /**
     * {@return these options with other categorical numeric features} An INT or FLOAT feature named here gets TFDV's
     * {@code string_stats} (top values, unique, rank histogram, average length of the decimal strings) instead of
     * {@code num_stats}, and keeps its type, as TFDV does for {@code is_categorical} domains.
     *
     * @param features the feature names; empty for none
     */
    public StatisticsOptions withCategoricalFeatures(Set<String> features) {
        return toBuilder().categoricalFeatures(features).build();
    }

    /**
     * {@return these options with other sparse and weighted features} Their custom statistics ({@code missing_value},
     * {@code missing_index}, {@code min_length_diff}, ... as TFDV names them) join each dataset's statistics.
     *
     * @param features the composite features, e.g. {@code CompositeFeatures.of(schema)}
     */
    public StatisticsOptions withCompositeFeatures(CompositeFeatures features) {
        return toBuilder().compositeFeatures(features).build();
    }

    /**
     * {@return these options with other semantic-domain statistics} Natural-language features get TFDV's
     * {@code nl_statistics} custom statistic.
     *
     * @param domains what to compute, e.g. {@code new SemanticDomains(NaturalLanguageFeature.of(schema, vocabularies), true)}
     */
    public StatisticsOptions withSemanticDomains(SemanticDomains domains) {
        return toBuilder().semanticDomains(domains).build();
    }

    /**
     * {@return these options with other bytes features} A STRING feature named here gets type BYTES and TFDV's
     * {@code bytes_stats} instead of {@code string_stats}, as TFDV does for features with an {@code image_domain}.
     *
     * @param features the feature names; empty for none
     */
    public StatisticsOptions withBytesFeatures(Set<String> features) {
        return toBuilder().bytesFeatures(features).build();
    }

    /** {@return a builder holding TFDV's defaults ({@link #DEFAULT})} */
    public static StatisticsOptionsBuilder builder() {
        return DEFAULT.toBuilder();
    }

    /** {@return a builder holding these options, to change several at once} */
    public StatisticsOptionsBuilder toBuilder() {
        return new StatisticsOptionsBuilder(this);
    }

    /**
     * {@return the options of the statistics of feature {@code name}: these, weighted by the feature's own weight
     * feature when {@link #weightOverrides()} names one}
     */
    public StatisticsOptions forFeature(String name) {
        String override = weightOverrides.get(name);
        return override == null || override.equals(weightFeature) ? this : withWeightFeature(override);
    }

    /** {@return whether the STRING feature {@code name} is described by bytes statistics} */
    public boolean isBytes(String name) {
        return bytesFeatures.contains(name);
    }

    /** {@return whether the INT or FLOAT feature {@code name} is described by string statistics} */
    public boolean isCategorical(String name) {
        return categoricalFeatures.contains(name);
    }

    /**
     * {@return whether a weight feature is set, so that results carry TFDV's {@code weighted_*} statistics} Features
     * with a weight override are weighted even without one: see {@link #forFeature}.
     */
    public boolean isWeighted() {
        return !weightFeature.isEmpty();
    }

    /**
     * {@return the rank error bound of weighted quantiles (weighted median and histograms)}: {@link
     * #quantilesRankError()} plus at most a quarter of it for rounding each weight to a few significant bits, see
     * {@link WeightedQuantiles}. Ranks are fractions of the total weight.
     */
    public double weightedQuantilesRankError() {
        return quantilesRankError + WeightedQuantiles.roundingRankError(quantilesRankError);
    }

    /** {@return the KLL parameter k that keeps the single-rank error within {@link #quantilesRankError()}} */
    public int kllK() {
        return Math.max(8, KllSketch.getKFromEpsilon(quantilesRankError, false));
    }

    /** Checks a size-like option: too large a value would exhaust memory (a usage error) rather than help. */
    private static void within(String what, int value, int min, int max) {
        if (value < min) {
            throw new ConfigException(what + ": expected at least " + min + ", found " + value);
        }
        if (value > max) {
            throw new ConfigException(what + ": expected at most " + max + ", found " + value);
        }
    }
}
