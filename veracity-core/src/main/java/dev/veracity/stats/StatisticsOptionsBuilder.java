package dev.veracity.stats;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Statistics options changed several at a time: a copy of {@link StatisticsOptions} whose setters return the builder;
 * {@link #build()} checks the result as the record's constructor does.
 *
 * <pre>{@code
 * StatisticsOptions options = StatisticsOptions.DEFAULT.toBuilder().numTopValues(50).weightFeature("w").build();
 * }</pre>
 */
public final class StatisticsOptionsBuilder {
    private int numTopValues;
    private int numRankHistogramBuckets;
    private int numHistogramBuckets;
    private int numQuantilesHistogramBuckets;
    private int numValuesHistogramBuckets;
    private int maxExactDistinct;
    private double quantilesRankError;
    private String weightFeature;
    private Set<String> categoricalFeatures;
    private CompositeFeatures compositeFeatures;
    private SemanticDomains semanticDomains;
    private Set<String> bytesFeatures;
    private Map<String, String> weightOverrides;

    StatisticsOptionsBuilder(StatisticsOptions options) {
        this.numTopValues = options.numTopValues();
        this.numRankHistogramBuckets = options.numRankHistogramBuckets();
        this.numHistogramBuckets = options.numHistogramBuckets();
        this.numQuantilesHistogramBuckets = options.numQuantilesHistogramBuckets();
        this.numValuesHistogramBuckets = options.numValuesHistogramBuckets();
        this.maxExactDistinct = options.maxExactDistinct();
        this.quantilesRankError = options.quantilesRankError();
        this.weightFeature = options.weightFeature();
        this.categoricalFeatures = options.categoricalFeatures();
        this.compositeFeatures = options.compositeFeatures();
        this.semanticDomains = options.semanticDomains();
        this.bytesFeatures = options.bytesFeatures();
        this.weightOverrides = options.weightOverrides();
    }

    /** Sets {@link StatisticsOptions#numTopValues()}. */
    public StatisticsOptionsBuilder numTopValues(int n) {
        this.numTopValues = n;
        return this;
    }

    /** Sets {@link StatisticsOptions#numRankHistogramBuckets()}. */
    public StatisticsOptionsBuilder numRankHistogramBuckets(int n) {
        this.numRankHistogramBuckets = n;
        return this;
    }

    /** Sets {@link StatisticsOptions#numHistogramBuckets()}. */
    public StatisticsOptionsBuilder numHistogramBuckets(int n) {
        this.numHistogramBuckets = n;
        return this;
    }

    /** Sets {@link StatisticsOptions#numQuantilesHistogramBuckets()}. */
    public StatisticsOptionsBuilder numQuantilesHistogramBuckets(int n) {
        this.numQuantilesHistogramBuckets = n;
        return this;
    }

    /** Sets {@link StatisticsOptions#numValuesHistogramBuckets()}. */
    public StatisticsOptionsBuilder numValuesHistogramBuckets(int n) {
        this.numValuesHistogramBuckets = n;
        return this;
    }

    /** Sets {@link StatisticsOptions#maxExactDistinct()}. */
    public StatisticsOptionsBuilder maxExactDistinct(int n) {
        this.maxExactDistinct = n;
        return this;
    }

    /** Sets {@link StatisticsOptions#quantilesRankError()}. */
    public StatisticsOptionsBuilder quantilesRankError(double error) {
        this.quantilesRankError = error;
        return this;
    }

    /** Sets {@link StatisticsOptions#weightFeature()}; {@code ""} for none. */
    public StatisticsOptionsBuilder weightFeature(String feature) {
        this.weightFeature = Objects.requireNonNull(feature, "feature is null");
        return this;
    }

    /** Sets {@link StatisticsOptions#categoricalFeatures()}. */
    public StatisticsOptionsBuilder categoricalFeatures(Set<String> features) {
        this.categoricalFeatures = Objects.requireNonNull(features, "features is null");
        return this;
    }

    /** Sets {@link StatisticsOptions#compositeFeatures()}. */
    public StatisticsOptionsBuilder compositeFeatures(CompositeFeatures features) {
        this.compositeFeatures = Objects.requireNonNull(features, "features is null");
        return this;
    }

    /** Sets {@link StatisticsOptions#semanticDomains()}. */
    public StatisticsOptionsBuilder semanticDomains(SemanticDomains domains) {
        this.semanticDomains = Objects.requireNonNull(domains, "domains is null");
        return this;
    }

    /** Sets {@link StatisticsOptions#bytesFeatures()}. */
    public StatisticsOptionsBuilder bytesFeatures(Set<String> features) {
        this.bytesFeatures = Objects.requireNonNull(features, "features is null");
        return this;
    }

    /** Sets {@link StatisticsOptions#weightOverrides()}: weight feature by feature name. */
    public StatisticsOptionsBuilder weightOverrides(Map<String, String> overrides) {
        this.weightOverrides = Objects.requireNonNull(overrides, "overrides is null");
        return this;
    }

    /**
     * {@return the options}
     *
     * @throws dev.veracity.ConfigException if a size or the rank error is out of range
     */
    public StatisticsOptions build() {
        return new StatisticsOptions(
                numTopValues,
                numRankHistogramBuckets,
                numHistogramBuckets,
                numQuantilesHistogramBuckets,
                numValuesHistogramBuckets,
                maxExactDistinct,
                quantilesRankError,
                weightFeature,
                categoricalFeatures,
                compositeFeatures,
                semanticDomains,
                bytesFeatures,
                weightOverrides);
    }
}
