package dev.veracity.drift;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.RankHistogram;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A categorical feature's label counts from {@code string_stats.rank_histogram} (TFDV keeps the top 1000 labels;
 * labels beyond are not seen, so tests on a truncated histogram compare the top labels only).
 */
final class LabelCounts {
    private final Map<String, Double> counts;
    private final boolean complete;

    private LabelCounts(Map<String, Double> counts, boolean complete) {
        this.counts = counts;
        this.complete = complete;
    }

    /** {@return the counts of a categorical (string statistics) feature} */
    static LabelCounts of(FeatureNameStatistics feature) throws NotApplicable {
        if (!feature.hasStringStats()) {
            throw new NotApplicable("not a categorical feature (" + feature.getType() + ")");
        }
        RankHistogram histogram = feature.getStringStats().getRankHistogram();
        Map<String, Double> counts = new LinkedHashMap<>();
        for (RankHistogram.Bucket bucket : histogram.getBucketsList()) {
            if (bucket.getSampleCount() > 0) {
                counts.merge(bucket.getLabel(), bucket.getSampleCount(), Double::sum);
            }
        }
        if (counts.isEmpty()) {
            throw new NotApplicable("no values (the rank histogram is empty)");
        }
        return new LabelCounts(counts, counts.size() >= feature.getStringStats().getUnique());
    }

    /** {@return whether every distinct value has a bucket (else only the top labels are compared)} */
    boolean isComplete() {
        return complete;
    }

    /** {@return the counts of both sides over the union of their labels: rows baseline, current} */
    static double[][] aligned(LabelCounts baseline, LabelCounts current) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String label : baseline.counts.keySet()) {
            index.putIfAbsent(label, index.size());
        }
        for (String label : current.counts.keySet()) {
            index.putIfAbsent(label, index.size());
        }
        double[][] table = new double[2][index.size()];
        baseline.counts.forEach((label, count) -> table[0][index.get(label)] = count);
        current.counts.forEach((label, count) -> table[1][index.get(label)] = count);
        return table;
    }
}
