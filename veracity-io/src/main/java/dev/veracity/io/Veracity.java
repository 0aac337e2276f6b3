package dev.veracity.io;

import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Java entry point for files: describe a dataset with TFDV's statistics, on all cores.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList stats = Veracity.statistics(Path.of("train.csv")).compute().statistics();
 * StatisticsFiles.write(stats, Path.of("train.pb"));
 * }</pre>
 */
public final class Veracity {
    private Veracity() {
    }

    /** {@return a statistics computation over CSV files (plain or .gz) as one dataset, with TFDV's defaults} */
    public static StatisticsRequest statistics(Path first, Path... more) {
        List<Path> inputs = new java.util.ArrayList<>();
        inputs.add(first);
        inputs.addAll(List.of(more));
        return statistics(inputs);
    }

    /** {@return a statistics computation over CSV files (plain or .gz) as one dataset, with TFDV's defaults} */
    public static StatisticsRequest statistics(List<Path> inputs) {
        return new StatisticsRequest(inputs, StatisticsOptions.DEFAULT, CsvOptions.DEFAULT, "", Progress.NONE,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * What to compute statistics of, and how. Immutable: each {@code with} method returns a new request.
     *
     * @param inputs     the CSV files, one dataset; every file must have the same header
     * @param options    what to compute
     * @param csvOptions how to read the files
     * @param name       the dataset name to record
     * @param progress   receives the progress of reading
     * @param threads    how many threads parse and accumulate
     */
    public record StatisticsRequest(List<Path> inputs, StatisticsOptions options, CsvOptions csvOptions, String name,
            Progress progress, int threads) {
        public StatisticsRequest {
            inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs is null"));
            Objects.requireNonNull(options, "options is null");
            Objects.requireNonNull(csvOptions, "csvOptions is null");
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(progress, "progress is null");
        }

        /** {@return this request with other statistics options} */
        public StatisticsRequest withOptions(StatisticsOptions newOptions) {
            return new StatisticsRequest(inputs, newOptions, csvOptions, name, progress, threads);
        }

        /** {@return this request with other CSV options} */
        public StatisticsRequest withCsvOptions(CsvOptions newCsvOptions) {
            return new StatisticsRequest(inputs, options, newCsvOptions, name, progress, threads);
        }

        /** {@return this request recording another dataset name} */
        public StatisticsRequest named(String newName) {
            return new StatisticsRequest(inputs, options, csvOptions, newName, progress, threads);
        }

        /** {@return this request reporting its progress to {@code newProgress}} */
        public StatisticsRequest withProgress(Progress newProgress) {
            return new StatisticsRequest(inputs, options, csvOptions, name, newProgress, threads);
        }

        /** {@return this request on {@code newThreads} threads} */
        public StatisticsRequest withThreads(int newThreads) {
            return new StatisticsRequest(inputs, options, csvOptions, name, progress, newThreads);
        }

        /**
         * {@return the statistics, with the number of malformed records skipped}
         *
         * @throws dev.veracity.InputException if an input is missing or malformed (and not skipped)
         */
        public ComputedStatistics compute() throws IOException {
            CsvStatistics.Result result = new CsvStatistics(csvOptions, options, threads).withProgress(progress)
                    .compute(inputs, name);
            return new ComputedStatistics(result.statistics(), result.skippedRecords());
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
