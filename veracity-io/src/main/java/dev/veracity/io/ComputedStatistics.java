package dev.veracity.io;

import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.Slicing;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics of a dataset read from files, with what reading had to leave out.
 *
 * @param statistics     TFDV's statistics: the dataset, then its slices
 * @param skippedRecords malformed records skipped (only with {@link BadRecords#SKIP})
 * @param rowsNotSliced  per slicing, rows of slices beyond the cap, which were not sliced
 */
public record ComputedStatistics(
        DatasetFeatureStatisticsList statistics, long skippedRecords, Map<Slicing, Long> rowsNotSliced) {
    public ComputedStatistics {
        Objects.requireNonNull(statistics, "statistics is null");
        rowsNotSliced = Map.copyOf(rowsNotSliced);
    }
}
