package dev.veracity.io.checks;

import dev.veracity.data.RecordBatch;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.OutlierStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads data files twice more after their statistics to add the outlier counts of {@link OutlierStatistics} to the
 * first dataset of the statistics (the whole data; slices get none), one thread, in file order.
 *
 * <pre>{@code
 * statistics = OutlierPasses.add(statistics, List.of(Path.of("trips.csv")), TableOptions.DEFAULT, 3.5);
 * }</pre>
 */
public final class OutlierPasses {
    private OutlierPasses() {}

    /**
     * {@return the statistics with outlier counts as custom statistics of the numeric features of their first dataset}
     *
     * @param k the modified z-score beyond which a value is a robust-z outlier (3.5 is Iglewicz and Hoaglin's)
     * @throws dev.veracity.InputException as the table readers do for unreadable files
     */
    public static DatasetFeatureStatisticsList add(
            DatasetFeatureStatisticsList statistics, List<Path> files, TableOptions options, double k)
            throws IOException {
        if (statistics.getDatasetsCount() == 0) {
            return statistics;
        }
        OutlierStatistics outliers = OutlierStatistics.plan(statistics.getDatasets(0), k);
        if (outliers.featureCount() == 0) {
            return statistics;
        }
        for (Path file : files) {
            try (Table table = Table.open(file, options)) {
                for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                    outliers.addFirstPass(b.get());
                }
            }
        }
        outliers.endFirstPass();
        for (Path file : files) {
            try (Table table = Table.open(file, options)) {
                for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                    outliers.addSecondPass(b.get());
                }
            }
        }
        return statistics.toBuilder()
                .setDatasets(0, outliers.write(statistics.getDatasets(0)))
                .build();
    }
}
