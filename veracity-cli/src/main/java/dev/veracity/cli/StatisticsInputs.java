package dev.veracity.cli;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.DatasetFeatureStatisticsList;
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
}
