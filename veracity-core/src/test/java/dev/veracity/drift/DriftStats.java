package dev.veracity.drift;

import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.StringStatistics;

/** Small statistics built by hand for drift tests. */
final class DriftStats {
    private DriftStats() {}

    /**
     * {@return a FLOAT feature whose QUANTILES histogram has buckets between consecutive edges, each with
     * {@code perBucket} values, and the given standard deviation}
     */
    static FeatureNameStatistics numeric(String name, double stdDev, double perBucket, double... edges) {
        Histogram.Builder quantiles = Histogram.newBuilder().setType(Histogram.HistogramType.QUANTILES);
        for (int i = 0; i + 1 < edges.length; i++) {
            quantiles
                    .addBucketsBuilder()
                    .setLowValue(edges[i])
                    .setHighValue(edges[i + 1])
                    .setSampleCount(perBucket);
        }
        return FeatureNameStatistics.newBuilder()
                .setPath(FeaturePaths.Path.newBuilder().addStep(name))
                .setType(FeatureNameStatistics.Type.FLOAT)
                .setNumStats(NumericStatistics.newBuilder().setStdDev(stdDev).addHistograms(quantiles))
                .build();
    }

    /** {@return a STRING feature with a rank histogram of the labels and counts (label, count, label, count...)} */
    static FeatureNameStatistics categorical(String name, Object... labelsAndCounts) {
        RankHistogram.Builder ranks = RankHistogram.newBuilder();
        for (int i = 0; i < labelsAndCounts.length; i += 2) {
            ranks.addBucketsBuilder()
                    .setLowRank(i / 2)
                    .setHighRank(i / 2)
                    .setLabel((String) labelsAndCounts[i])
                    .setSampleCount(((Number) labelsAndCounts[i + 1]).doubleValue());
        }
        return FeatureNameStatistics.newBuilder()
                .setPath(FeaturePaths.Path.newBuilder().addStep(name))
                .setType(FeatureNameStatistics.Type.STRING)
                .setStringStats(StringStatistics.newBuilder()
                        .setUnique(labelsAndCounts.length / 2)
                        .setRankHistogram(ranks))
                .build();
    }

    /** {@return one dataset of the features} */
    static DatasetFeatureStatistics dataset(String name, long examples, FeatureNameStatistics... features) {
        DatasetFeatureStatistics.Builder dataset =
                DatasetFeatureStatistics.newBuilder().setName(name).setNumExamples(examples);
        for (FeatureNameStatistics feature : features) {
            dataset.addFeatures(feature);
        }
        return dataset.build();
    }

    /** {@return a statistics list of the datasets} */
    static DatasetFeatureStatisticsList list(DatasetFeatureStatistics... datasets) {
        DatasetFeatureStatisticsList.Builder list = DatasetFeatureStatisticsList.newBuilder();
        for (DatasetFeatureStatistics dataset : datasets) {
            list.addDatasets(dataset);
        }
        return list.build();
    }
}
