package dev.veracity.beam;

import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins the statistics of the feature partitions into one list: per dataset (all examples, then each slice), the
 * features of every partition in the order of first appearance. A slicing or weight feature, present in every
 * partition, is taken from its own partition. A slice is kept only if every partition kept it (they agree unless a
 * slicing passed its cap, where which slices are kept depends on the order of arrival anyway).
 */
final class PartitionAssembly {
    private final StatisticsSpec spec;

    PartitionAssembly(StatisticsSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
    }

    /**
     * {@return the statistics of all partitions as one list}
     *
     * @param parts by partition number, its statistics (every partition present)
     * @param order the feature names in order of first appearance; features it lacks go last, in partition order
     */
    DatasetFeatureStatisticsList assemble(Map<Integer, DatasetFeatureStatisticsList> parts, List<String> order) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        // Features that are no column (sparse and weighted features) keep the core's order, after the columns.
        Comparator<FeatureNameStatistics> byOrder = Comparator.comparingInt(
                (FeatureNameStatistics f) -> rank.getOrDefault(featureName(f), Integer.MAX_VALUE));
        List<Map<String, DatasetFeatureStatistics>> byName = new ArrayList<>();
        for (int p = 0; p < spec.featurePartitions(); p++) {
            DatasetFeatureStatisticsList part = Objects.requireNonNull(parts.get(p), "partition " + p + " is missing");
            Map<String, DatasetFeatureStatistics> datasets = new HashMap<>();
            part.getDatasetsList().forEach(d -> datasets.put(d.getName(), d));
            byName.add(datasets);
        }
        DatasetFeatureStatisticsList.Builder list = DatasetFeatureStatisticsList.newBuilder();
        for (DatasetFeatureStatistics first : parts.get(0).getDatasetsList()) {
            if (byName.stream().anyMatch(datasets -> !datasets.containsKey(first.getName()))) {
                continue;
            }
            List<FeatureNameStatistics> features = new ArrayList<>();
            for (int p = 0; p < byName.size(); p++) {
                for (FeatureNameStatistics feature :
                        byName.get(p).get(first.getName()).getFeaturesList()) {
                    String name = featureName(feature);
                    if (!spec.isSharedFeature(name) || spec.partitionOf(name) == p) {
                        features.add(feature);
                    }
                }
            }
            features.sort(byOrder);
            list.addDatasets(first.toBuilder().clearFeatures().addAllFeatures(features));
        }
        return list.build();
    }

    /** {@return the feature's name as the core writes it: its path's steps joined by dots, else its name} */
    static String featureName(FeatureNameStatistics feature) {
        return feature.hasPath() ? String.join(".", feature.getPath().getStepList()) : feature.getName();
    }
}
