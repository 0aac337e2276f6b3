package dev.veracity.cli;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.schema.DatasetView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Statistics files a command reads to use a dataset of them: read by {@link StatisticsFiles#read} and refused, naming
 * the file, when they hold no dataset (an empty file decodes as statistics of none, which the validator and the schema
 * inference can only report without a file name).
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList previous = StatisticsInputs.read(Path.of("yesterday.pb"));
 * }</pre>
 */
final class StatisticsInputs {
    private StatisticsInputs() {}

    /**
     * {@return the statistics of {@code file}, with at least one dataset}
     *
     * @throws InputException STATISTICS_NOT_USABLE if they hold no dataset, or as {@link StatisticsFiles#read}
     */
    static DatasetFeatureStatisticsList read(Path file) throws IOException {
        DatasetFeatureStatisticsList statistics = StatisticsFiles.read(file);
        if (statistics.getDatasetsCount() == 0) {
            boolean empty = Files.isRegularFile(file) && Files.size(file) == 0;
            throw new InputException(
                    ErrorCode.STATISTICS_NOT_USABLE,
                    file + ": expected statistics of at least one dataset, found "
                            + (empty ? "an empty file" : "none"));
        }
        return statistics;
    }

    /**
     * {@return the name of the dataset of {@code statistics} (read from {@code file}) a command uses: the one named
     * {@code name}, else the only or "All Examples" one}
     *
     * @throws InputException STATISTICS_NOT_USABLE naming the file, if there is none such
     */
    static String datasetName(Path file, DatasetFeatureStatisticsList statistics, String name) {
        try {
            return DatasetView.of(statistics, name).dataset().getName();
        } catch (InputException e) {
            throw new InputException(e.errorCode(), file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the statistics of {@code file}, compared with a dataset named {@code currentName} (a previous span,
     * serving data), hold the dataset the validator compares it with: the one of that name when they hold several
     * and one has it, else the only or "All Examples" one.
     *
     * @throws InputException STATISTICS_NOT_USABLE naming the file, if there is none such
     */
    static void requireCounterpart(Path file, DatasetFeatureStatisticsList statistics, String currentName) {
        boolean named = statistics.getDatasetsCount() > 1
                && statistics.getDatasetsList().stream()
                        .anyMatch(d -> d.getName().equals(currentName));
        datasetName(file, statistics, named ? currentName : null);
    }
}
