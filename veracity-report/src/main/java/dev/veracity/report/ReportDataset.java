package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import dev.veracity.proto.DatasetFeatureStatistics;

/**
 * One column of the report: a dataset of one statistics file, which may be one slice of it.
 *
 * @param name       how the report labels it: the source's name, then the slice's when the source has several
 * @param source     the name given to the statistics file (train, eval, ...)
 * @param slice      the dataset's name inside the file (TFDV's slice name), or "" when the file has one dataset
 * @param statistics the dataset's statistics
 */
public record ReportDataset(String name, String source, String slice, DatasetFeatureStatistics statistics) {
    public ReportDataset {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        requireNonNull(slice, "slice is null");
        requireNonNull(statistics, "statistics is null");
    }
}
