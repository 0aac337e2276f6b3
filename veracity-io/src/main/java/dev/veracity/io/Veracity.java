package dev.veracity.io;

import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.StatisticsGenerator;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The Java entry point for files: describe a dataset with TFDV's statistics.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList stats = Veracity.statistics(Path.of("train.csv")).compute().statistics();
 * StatisticsFiles.write(stats, Path.of("train.pb"));
 * }</pre>
 */
public final class Veracity {
    private Veracity() {
    }

    /** {@return a statistics computation over a CSV file, with TFDV's default options} */
    public static StatisticsRequest statistics(Path input) {
        return new StatisticsRequest(input, StatisticsOptions.DEFAULT, CsvOptions.DEFAULT, "", Progress.NONE);
    }

    /**
     * What to compute statistics of, and how. Immutable: each {@code with} method returns a new request.
     *
     * @param input      the CSV file
     * @param options    what to compute
     * @param csvOptions how to read the file
     * @param name       the dataset name to record
     * @param progress   receives the progress of reading
     */
    public record StatisticsRequest(Path input, StatisticsOptions options, CsvOptions csvOptions, String name,
            Progress progress) {
        public StatisticsRequest {
            Objects.requireNonNull(input, "input is null");
            Objects.requireNonNull(options, "options is null");
            Objects.requireNonNull(csvOptions, "csvOptions is null");
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(progress, "progress is null");
        }

        /** {@return this request with other statistics options} */
        public StatisticsRequest withOptions(StatisticsOptions newOptions) {
            return new StatisticsRequest(input, newOptions, csvOptions, name, progress);
        }

        /** {@return this request with other CSV options} */
        public StatisticsRequest withCsvOptions(CsvOptions newCsvOptions) {
            return new StatisticsRequest(input, options, newCsvOptions, name, progress);
        }

        /** {@return this request recording another dataset name} */
        public StatisticsRequest named(String newName) {
            return new StatisticsRequest(input, options, csvOptions, newName, progress);
        }

        /** {@return this request reporting its progress to {@code newProgress}} */
        public StatisticsRequest withProgress(Progress newProgress) {
            return new StatisticsRequest(input, options, csvOptions, name, newProgress);
        }

        /**
         * {@return the statistics, with the number of malformed records skipped}
         *
         * @throws dev.veracity.InputException if the input is missing or malformed (and not skipped)
         */
        public ComputedStatistics compute() throws IOException {
            try (CsvReader reader = CsvReader.open(input, csvOptions, progress)) {
                DatasetFeatureStatisticsList statistics = new StatisticsGenerator(options).compute(reader, name);
                return new ComputedStatistics(statistics, reader.skippedRecords());
            }
        }
    }

    /**
     * The result of a statistics computation.
     *
     * @param statistics     TFDV's statistics, one dataset
     * @param skippedRecords malformed records skipped (only with {@code BadRecords.SKIP})
     */
    public record ComputedStatistics(DatasetFeatureStatisticsList statistics, long skippedRecords) {
        public ComputedStatistics {
            Objects.requireNonNull(statistics, "statistics is null");
        }
    }
}
