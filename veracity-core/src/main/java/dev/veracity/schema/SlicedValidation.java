package dev.veracity.schema;

import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SparseFeature;
import dev.veracity.proto.WeightedFeature;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validation of every slice at once, as TFDV's {@code validate_corresponding_slices}: the slices of a statistics
 * list become one dataset whose features are renamed {@code slice(NAME)::feature}, and the schema's features are
 * replicated under each slice's name, so that one run of the schema engine checks each slice against the schema and
 * against the same slice of the previous or serving statistics, and each anomaly names its slice.
 *
 * <p>Two differences from TFDV: a slice's fraction present is measured against the slice's own example count
 * (TFDV's flattened dataset uses the overall one), and the schema keeps its dataset constraints (applied to the
 * overall dataset, as TFDV's documentation says; its code drops them), environments and other top-level fields.
 */
final class SlicedValidation {
    private SlicedValidation() {}

    /**
     * {@return the slices of {@code statistics} as one dataset: the default slice's example counts and features of
     * every slice renamed by {@link #slicePath}; the slice names are added to {@code sliceNames}}
     *
     * @throws dev.veracity.InputException if the statistics have no default slice (the only dataset, or the one
     *         named "All Examples")
     */
    static DatasetView flatten(DatasetFeatureStatisticsList statistics, Set<String> sliceNames) {
        DatasetFeatureStatistics overall = DatasetView.of(statistics, null).dataset();
        boolean byWeight = overall.getWeightedNumExamples() != 0;
        for (DatasetFeatureStatistics slice : statistics.getDatasetsList()) {
            byWeight &= slice.getFeaturesList().stream()
                    .filter(f -> f.getStatsCase() != FeatureNameStatistics.StatsCase.STATS_NOT_SET)
                    .allMatch(DatasetView::hasWeightedStats);
        }
        Map<String, FeatureView> features = new LinkedHashMap<>();
        for (DatasetFeatureStatistics slice : statistics.getDatasetsList()) {
            sliceNames.add(slice.getName());
            double examples = byWeight ? slice.getWeightedNumExamples() : slice.getNumExamples();
            for (FeatureNameStatistics feature : slice.getFeaturesList()) {
                Path path = slicePath(
                        slice.getName(), feature.hasPath() ? feature.getPath() : PathNames.of(feature.getName()));
                FeatureNameStatistics renamed =
                        feature.toBuilder().clearName().setPath(path).build();
                features.put(PathNames.serialize(path), new FeatureView(path, renamed, examples, byWeight));
            }
        }
        return new DatasetView(
                overall.toBuilder().clearFeatures().clearCrossFeatures().build(), byWeight, features);
    }

    /** {@return the schema with its features, sparse and weighted features replicated under every slice name} */
    static Schema replicate(Schema schema, Collection<String> sliceNames) {
        Schema.Builder result = schema.toBuilder()
                .clearFeature()
                .clearSparseFeature()
                .clearWeightedFeature()
                .clearStringDomain()
                .clearIntDomain()
                .clearFloatDomain();
        for (String slice : sliceNames) {
            // each slice its own copy of the global domains: validation relaxes a domain it finds values outside
            // of, and a shared one would then hide the same values in the slices checked after it
            schema.getStringDomainList()
                    .forEach(d -> result.addStringDomain(d.toBuilder().setName(sliceName(slice, d.getName()))));
            schema.getIntDomainList()
                    .forEach(d -> result.addIntDomain(d.toBuilder().setName(sliceName(slice, d.getName()))));
            schema.getFloatDomainList()
                    .forEach(d -> result.addFloatDomain(d.toBuilder().setName(sliceName(slice, d.getName()))));
            for (Feature feature : schema.getFeatureList()) {
                Feature.Builder copy = feature.toBuilder().setName(sliceName(slice, feature.getName()));
                renameDomains(copy, slice);
                result.addFeature(copy);
            }
            for (SparseFeature sparse : schema.getSparseFeatureList()) {
                SparseFeature.Builder copy = sparse.toBuilder().setName(sliceName(slice, sparse.getName()));
                copy.getIndexFeatureBuilderList().forEach(index -> index.setName(sliceName(slice, index.getName())));
                if (copy.hasValueFeature()) {
                    copy.getValueFeatureBuilder()
                            .setName(sliceName(slice, copy.getValueFeature().getName()));
                }
                result.addSparseFeature(copy);
            }
            for (WeightedFeature weighted : schema.getWeightedFeatureList()) {
                WeightedFeature.Builder copy = weighted.toBuilder().setName(sliceName(slice, weighted.getName()));
                if (copy.hasFeature()) {
                    copy.setFeature(slicePath(slice, copy.getFeature()));
                }
                if (copy.hasWeightFeature()) {
                    copy.setWeightFeature(slicePath(slice, copy.getWeightFeature()));
                }
                result.addWeightedFeature(copy);
            }
        }
        return result.build();
    }

    /** Points the feature (and its struct's children) at the slice's copies of the global domains. */
    private static void renameDomains(Feature.Builder feature, String slice) {
        if (feature.hasDomain()) {
            feature.setDomain(sliceName(slice, feature.getDomain()));
        }
        if (feature.hasStructDomain()) {
            feature.getStructDomainBuilder().getFeatureBuilderList().forEach(child -> renameDomains(child, slice));
        }
    }

    /** {@return {@code path} with its first step renamed {@code slice(NAME)::step}, as TFDV names sliced features} */
    static Path slicePath(String slice, Path path) {
        if (path.getStepCount() == 0) {
            return path;
        }
        return path.toBuilder().setStep(0, sliceName(slice, path.getStep(0))).build();
    }

    private static String sliceName(String slice, String name) {
        return "slice(" + slice + ")::" + name;
    }
}
