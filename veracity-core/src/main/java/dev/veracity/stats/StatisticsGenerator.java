package dev.veracity.stats;

import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes TFDV's statistics of a stream of record batches. One pass; memory bounded by the number of features.
 *
 * <pre>{@code
 * try (BatchSource source = CsvReader.open(path, CsvOptions.DEFAULT)) {
 *     DatasetFeatureStatisticsList stats = new StatisticsGenerator(StatisticsOptions.DEFAULT).compute(source, "");
 * }
 * }</pre>
 */
public final class StatisticsGenerator {
    private final StatisticsOptions options;

    public StatisticsGenerator(StatisticsOptions options) {
        this.options = Objects.requireNonNull(options, "options is null");
    }

    /**
     * {@return the statistics of every batch of {@code source}, as a list with one dataset}
     *
     * @param datasetName the dataset name to record ({@code ""} as TFDV writes when not slicing)
     * @throws IOException if the source fails to read
     */
    public DatasetFeatureStatisticsList compute(BatchSource source, String datasetName) throws IOException {
        Objects.requireNonNull(source, "source is null");
        return DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(accumulate(source).result(datasetName))
                .build();
    }

    /** {@return the accumulated state of every batch of {@code source}, for merging with others} */
    public DatasetAccumulator accumulate(BatchSource source) throws IOException {
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        for (Optional<RecordBatch> batch = source.next(); batch.isPresent(); batch = source.next()) {
            dataset.add(batch.get());
        }
        return dataset;
    }
}
