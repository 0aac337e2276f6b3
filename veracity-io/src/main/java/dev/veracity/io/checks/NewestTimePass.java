package dev.veracity.io.checks;

import dev.veracity.data.RecordBatch;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.NewestTimes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads data files once more after their statistics to add the newest ISO-8601 time of each string feature
 * ({@link NewestTimes}) to the first dataset of the statistics, for the freshness check.
 *
 * <pre>{@code
 * statistics = NewestTimePass.add(statistics, List.of(Path.of("runs.csv")), TableOptions.DEFAULT);
 * }</pre>
 */
public final class NewestTimePass {
    private NewestTimePass() {}

    /**
     * {@return the statistics with {@code time_max} on the string features of their first dataset that hold times}
     *
     * @throws dev.veracity.InputException as the table readers do for unreadable files
     */
    public static DatasetFeatureStatisticsList add(
            DatasetFeatureStatisticsList statistics, List<Path> files, TableOptions options) throws IOException {
        if (statistics.getDatasetsCount() == 0) {
            return statistics;
        }
        NewestTimes times = NewestTimes.plan(statistics.getDatasets(0));
        for (Path file : files) {
            try (Table table = Table.open(file, options)) {
                for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                    times.add(b.get());
                }
            }
        }
        return statistics.toBuilder()
                .setDatasets(0, times.write(statistics.getDatasets(0)))
                .build();
    }
}
