package dev.veracity.beam;

import dev.veracity.ConfigException;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.stats.PiiProtection;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@link GenerateStatistics} computes, in a form Beam can ship to workers (the core's option records are not
 * {@link Serializable}): the statistics options, the slicings and their cap, the dataset name and the number of
 * feature partitions.
 *
 * <pre>{@code
 * StatisticsSpec spec = StatisticsSpec.of(StatisticsOptions.DEFAULT.withNumTopValues(50))
 *         .withSlicings(List.of(Slicing.of("country")), 100).withFeaturePartitions(4);
 * }</pre>
 *
 * @param options           the statistics options, as the fields of {@link StatisticsOptions}
 * @param slicings          the features of each slicing
 * @param maxSlices         slices kept per slicing
 * @param datasetName       the name of the dataset of all examples ({@code ""} as TFDV when not slicing)
 * @param featurePartitions how many keys the features are spread over when states are merged (at least 1): a wide
 *                          dataset's merge then runs on as many workers instead of one; 1 whenever the options
 *                          ask for sparse, weighted or semantic-domain statistics, which read several columns
 *                          of one state
 * @param piiFeatures       the features a schema marks as PII, whose statistics lose their raw values
 * @param piiProtection     how they lose them (removed or hashed)
 */
public record StatisticsSpec(
        Options options,
        List<List<String>> slicings,
        int maxSlices,
        String datasetName,
        int featurePartitions,
        List<String> piiFeatures,
        PiiProtection piiProtection)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public StatisticsSpec {
        Objects.requireNonNull(options, "options is null");
        slicings = slicings.stream().map(List::copyOf).toList();
        Objects.requireNonNull(datasetName, "datasetName is null");
        piiFeatures = List.copyOf(piiFeatures);
        Objects.requireNonNull(piiProtection, "piiProtection is null");
        for (List<String> slicing : slicings) {
            for (String feature : slicing) {
                if (piiFeatures.contains(feature)) {
                    throw new ConfigException("--slice-by " + feature + ": expected a feature that is not PII, found "
                            + "one the schema marks " + PiiProtection.TAG + " (slice names would hold its values)");
                }
            }
        }
        if (maxSlices < 1) {
            throw new ConfigException("max slices: expected at least 1, found " + maxSlices);
        }
        if (featurePartitions < 1) {
            throw new ConfigException("feature partitions: expected at least 1, found " + featurePartitions);
        }
        if (!options.extra().isEmpty()) {
            featurePartitions = 1; // sparse, weighted and semantic statistics read several columns of one state
        }
    }

    /** {@return a spec of these options, unsliced, one feature partition} */
    public static StatisticsSpec of(StatisticsOptions options) {
        return new StatisticsSpec(
                Options.of(options),
                List.of(),
                SlicedStatistics.DEFAULT_MAX_SLICES,
                "",
                1,
                List.of(),
                PiiProtection.SUPPRESS);
    }

    /** {@return this spec with other slicings and cap} */
    public StatisticsSpec withSlicings(List<Slicing> newSlicings, int newMaxSlices) {
        return new StatisticsSpec(
                options,
                newSlicings.stream().map(Slicing::features).toList(),
                newMaxSlices,
                datasetName,
                featurePartitions,
                piiFeatures,
                piiProtection);
    }

    /** {@return this spec with another dataset name} */
    public StatisticsSpec named(String name) {
        return new StatisticsSpec(options, slicings, maxSlices, name, featurePartitions, piiFeatures, piiProtection);
    }

    /** {@return this spec with another number of feature partitions} */
    public StatisticsSpec withFeaturePartitions(int partitions) {
        return new StatisticsSpec(options, slicings, maxSlices, datasetName, partitions, piiFeatures, piiProtection);
    }

    /**
     * {@return this spec protecting the features {@code schema} marks as PII as {@code protection} says}
     *
     * @throws dev.veracity.ConfigException if a slicing uses such a feature (slice names would hold its values)
     */
    public StatisticsSpec withPiiProtection(Schema schema, PiiProtection protection) {
        return new StatisticsSpec(
                options,
                slicings,
                maxSlices,
                datasetName,
                featurePartitions,
                List.copyOf(PiiProtection.features(schema)),
                protection);
    }

    /** {@return the core statistics options} */
    public StatisticsOptions statisticsOptions() {
        return options.toOptions();
    }

    /** {@return the slicings as the core names them} */
    public List<Slicing> coreSlicings() {
        return slicings.stream().map(Slicing::new).toList();
    }

    /** {@return an empty state of this spec, the identity of merging} */
    public SlicedStatistics emptyState() {
        return new SlicedStatistics(statisticsOptions(), coreSlicings(), maxSlices);
    }

    /** {@return the partition (0 to {@code featurePartitions - 1}) whose key carries a feature's state} */
    public int partitionOf(String feature) {
        return Math.floorMod(feature.hashCode(), featurePartitions);
    }

    /**
     * {@return whether every partition needs a feature: a slicing feature, the weight feature or a weight override's
     * weight feature}
     */
    public boolean isSharedFeature(String feature) {
        if (feature.equals(options.weightFeature()) || options.weightOverrides().containsValue(feature)) {
            return true;
        }
        for (List<String> slicing : slicings) {
            if (slicing.contains(feature)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the statistics with the raw values of {@link #piiFeatures} removed or hashed} */
    public DatasetFeatureStatisticsList protect(DatasetFeatureStatisticsList statistics) {
        return piiProtection.protect(statistics, piiFeatures);
    }

    /**
     * {@link StatisticsOptions}, component by component, serializable. {@link #of} reads every component and {@link
     * #toOptions} calls the record's canonical constructor, so a component added to the options fails to compile here
     * until it is carried (and {@code StatisticsSpecTest} checks that each one survives the trip).
     *
     * @param categoricalFeatures the categorical numeric features, sorted
     * @param extra               the composite features and the semantic-domain statistics
     * @param bytesFeatures       the bytes features, sorted
     * @param weightOverrides     weight feature by feature name, sorted by feature
     */
    public record Options(
            int numTopValues,
            int numRankHistogramBuckets,
            int numHistogramBuckets,
            int numQuantilesHistogramBuckets,
            int numValuesHistogramBuckets,
            int maxExactDistinct,
            double quantilesRankError,
            String weightFeature,
            List<String> categoricalFeatures,
            ExtraStatistics extra,
            List<String> bytesFeatures,
            Map<String, String> weightOverrides)
            implements Serializable {
        private static final long serialVersionUID = 2L;

        public Options {
            Objects.requireNonNull(weightFeature, "weightFeature is null");
            categoricalFeatures = List.copyOf(categoricalFeatures);
            Objects.requireNonNull(extra, "extra is null");
            bytesFeatures = List.copyOf(bytesFeatures);
            weightOverrides = Collections.unmodifiableMap(new TreeMap<>(weightOverrides));
        }

        /** {@return the components of {@code options}} */
        public static Options of(StatisticsOptions options) {
            return new Options(
                    options.numTopValues(),
                    options.numRankHistogramBuckets(),
                    options.numHistogramBuckets(),
                    options.numQuantilesHistogramBuckets(),
                    options.numValuesHistogramBuckets(),
                    options.maxExactDistinct(),
                    options.quantilesRankError(),
                    options.weightFeature(),
                    options.categoricalFeatures().stream().sorted().toList(),
                    ExtraStatistics.of(options.compositeFeatures(), options.semanticDomains()),
                    options.bytesFeatures().stream().sorted().toList(),
                    options.weightOverrides());
        }

        /** {@return the core options of these components} */
        public StatisticsOptions toOptions() {
            return new StatisticsOptions(
                    numTopValues,
                    numRankHistogramBuckets,
                    numHistogramBuckets,
                    numQuantilesHistogramBuckets,
                    numValuesHistogramBuckets,
                    maxExactDistinct,
                    quantilesRankError,
                    weightFeature,
                    Set.copyOf(categoricalFeatures),
                    extra.compositeFeatures(),
                    extra.semanticDomains(),
                    Set.copyOf(bytesFeatures),
                    weightOverrides);
        }
    }
}
