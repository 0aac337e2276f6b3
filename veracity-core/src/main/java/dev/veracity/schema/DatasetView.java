package dev.veracity.schema;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one dataset of a statistics list that inference and validation read, with its features by serialized path.
 * As TFDV: the only dataset, or the {@code "All Examples"} slice when there are several; or one named explicitly.
 * Weighted statistics are used when every feature has them (composites such as sparse features, which carry only
 * custom statistics, aside) and the weighted example count is not zero.
 *
 * @param dataset     the chosen dataset
 * @param byWeight    whether weighted statistics are read
 * @param features    the features by serialized path, in statistics order
 */
public record DatasetView(DatasetFeatureStatistics dataset, boolean byWeight, Map<String, FeatureView> features) {
    /** The name of the whole-dataset slice when statistics carry slices. */
    public static final String ALL_EXAMPLES = "All Examples";

    /**
     * {@return the dataset of {@code statistics} named {@code name}, or the default one when {@code name} is null}
     *
     * @throws InputException if no dataset, or several and none is the default or named {@code name}
     */
    public static DatasetView of(DatasetFeatureStatisticsList statistics, String name) {
        DatasetFeatureStatistics chosen = choose(statistics, name);
        boolean byWeight = chosen.getWeightedNumExamples() != 0
                && chosen.getFeaturesCount() > 0
                && chosen.getFeaturesList().stream()
                        .filter(f -> f.getStatsCase() != FeatureNameStatistics.StatsCase.STATS_NOT_SET)
                        .allMatch(DatasetView::hasWeightedStats);
        double numExamples = byWeight ? chosen.getWeightedNumExamples() : chosen.getNumExamples();
        Map<String, FeatureView> features = new LinkedHashMap<>();
        for (FeatureNameStatistics feature : chosen.getFeaturesList()) {
            Path path = feature.hasPath() ? feature.getPath() : PathNames.of(feature.getName());
            features.put(PathNames.serialize(path), new FeatureView(path, feature, numExamples, byWeight));
        }
        return new DatasetView(chosen, byWeight, features);
    }

    /** {@return the examples in the dataset, weighted when validating by weight} */
    public double numExamples() {
        return byWeight ? dataset.getWeightedNumExamples() : dataset.getNumExamples();
    }

    private static DatasetFeatureStatistics choose(DatasetFeatureStatisticsList statistics, String name) {
        if (name != null) {
            return statistics.getDatasetsList().stream()
                    .filter(d -> d.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> unusable("none named \"" + name + "\"", statistics));
        }
        if (statistics.getDatasetsCount() == 1) {
            return statistics.getDatasets(0);
        }
        if (statistics.getDatasetsCount() == 0) {
            throw new InputException(
                    ErrorCode.STATISTICS_NOT_USABLE, "expected statistics with at least one dataset, found none");
        }
        return statistics.getDatasetsList().stream()
                .filter(d -> d.getName().equals(ALL_EXAMPLES))
                .findFirst()
                .orElseThrow(() ->
                        unusable("several and none named \"" + ALL_EXAMPLES + "\"; name the one to use", statistics));
    }

    private static InputException unusable(String problem, DatasetFeatureStatisticsList statistics) {
        return new InputException(
                ErrorCode.STATISTICS_NOT_USABLE,
                "expected the dataset to use among the "
                        + "statistics' datasets, found " + problem + " (datasets: "
                        + statistics.getDatasetsList().stream()
                                .map(d -> "\"" + d.getName() + "\"")
                                .collect(Collectors.joining(", "))
                        + ")");
    }

    /** {@return whether the feature carries weighted common statistics} */
    static boolean hasWeightedStats(FeatureNameStatistics feature) {
        return switch (feature.getStatsCase()) {
            case NUM_STATS -> feature.getNumStats().getCommonStats().hasWeightedCommonStats();
            case STRING_STATS -> feature.getStringStats().getCommonStats().hasWeightedCommonStats();
            case STRUCT_STATS -> feature.getStructStats().getCommonStats().hasWeightedCommonStats();
            case BYTES_STATS, STATS_NOT_SET -> false;
        };
    }
}
