package dev.veracity.stats;

import dev.veracity.proto.Feature;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SparseFeature;
import dev.veracity.proto.WeightedFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The schema's {@code sparse_feature} and {@code weighted_feature} declarations whose statistics TFDV's
 * {@code SparseFeatureStatsGenerator} and {@code WeightedFeatureStatsGenerator} compute: which columns make up each
 * composite. Columns are named by their serialized path (a top-level feature by its name).
 *
 * <pre>{@code
 * StatisticsOptions options = StatisticsOptions.DEFAULT.withCompositeFeatures(CompositeFeatures.of(schema));
 * }</pre>
 *
 * @param sparse   the sparse features, in schema order (those under a struct's domain after the top-level ones)
 * @param weighted the weighted features, in schema order
 */
public record CompositeFeatures(List<Sparse> sparse, List<Weighted> weighted) {
    /** No composite feature: the statistics have none of their custom statistics. */
    public static final CompositeFeatures NONE = new CompositeFeatures(List.of(), List.of());

    public CompositeFeatures {
        sparse = List.copyOf(Objects.requireNonNull(sparse, "sparse is null"));
        weighted = List.copyOf(Objects.requireNonNull(weighted, "weighted is null"));
    }

    /**
     * A sparse feature: a value column and index columns, all beside it (same parent).
     *
     * @param path          the sparse feature's path (its statistics' path)
     * @param valueFeature  the value column
     * @param indexFeatures the index columns, sorted by path as TFDV sorts them
     * @param indexLabels   per index column, its last path step (the label of its rank-histogram bucket)
     */
    public record Sparse(Path path, String valueFeature, List<String> indexFeatures, List<String> indexLabels) {
        public Sparse {
            Objects.requireNonNull(path, "path is null");
            Objects.requireNonNull(valueFeature, "valueFeature is null");
            indexFeatures = List.copyOf(indexFeatures);
            indexLabels = List.copyOf(indexLabels);
            if (indexFeatures.size() != indexLabels.size()) {
                throw new IllegalArgumentException("one label per index feature expected");
            }
        }
    }

    /**
     * A weighted feature: a value column and a weight column of the same lengths.
     *
     * @param name          the weighted feature's name (its statistics' path has this one step)
     * @param valueFeature  the value column
     * @param weightFeature the weight column
     */
    public record Weighted(String name, String valueFeature, String weightFeature) {
        public Weighted {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(valueFeature, "valueFeature is null");
            Objects.requireNonNull(weightFeature, "weightFeature is null");
        }
    }

    /** {@return the composite features {@code schema} declares, at the top level and in struct domains} */
    public static CompositeFeatures of(Schema schema) {
        List<Sparse> sparse = new ArrayList<>();
        collectSparse(schema.getSparseFeatureList(), schema.getFeatureList(), List.of(), sparse);
        List<Weighted> weighted = new ArrayList<>();
        for (WeightedFeature feature : schema.getWeightedFeatureList()) {
            weighted.add(new Weighted(
                    feature.getName(),
                    column(feature.getFeature().getStepList()),
                    column(feature.getWeightFeature().getStepList())));
        }
        return new CompositeFeatures(sparse, weighted);
    }

    /** {@return whether there is no composite feature} */
    public boolean isEmpty() {
        return sparse.isEmpty() && weighted.isEmpty();
    }

    private static void collectSparse(
            List<SparseFeature> declared, List<Feature> features, List<String> parent, List<Sparse> out) {
        for (SparseFeature feature : declared) {
            List<String> indexSteps = new ArrayList<>();
            for (SparseFeature.IndexFeature index : feature.getIndexFeatureList()) {
                indexSteps.add(index.getName());
            }
            indexSteps = indexSteps.stream().distinct().sorted().toList();
            List<String> indexColumns = new ArrayList<>();
            for (String step : indexSteps) {
                indexColumns.add(column(append(parent, step)));
            }
            out.add(new Sparse(
                    Path.newBuilder()
                            .addAllStep(append(parent, feature.getName()))
                            .build(),
                    column(append(parent, feature.getValueFeature().getName())),
                    indexColumns,
                    indexSteps));
        }
        for (Feature feature : features) {
            if (feature.getType() == FeatureType.STRUCT && feature.hasStructDomain()) {
                collectSparse(
                        feature.getStructDomain().getSparseFeatureList(),
                        feature.getStructDomain().getFeatureList(),
                        append(parent, feature.getName()),
                        out);
            }
        }
    }

    private static List<String> append(List<String> parent, String step) {
        List<String> steps = new ArrayList<>(parent);
        steps.add(step);
        return steps;
    }

    /** A column's name: its path's steps joined by dots, as flattened nested data names its columns. */
    private static String column(List<String> steps) {
        return String.join(".", steps);
    }
}
