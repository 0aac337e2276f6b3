package dev.veracity.io;

import dev.veracity.data.BatchSource;
import java.io.IOException;

/**
 * A part of a dataset that one thread reads on its own: a file, or a Parquet row group. Splits of a dataset are
 * listed in a fixed order that does not depend on the number of threads.
 *
 * <pre>{@code
 * for (InputSplit split : Readers.splits(files, DataFormat.PARQUET, ReadOptions.DEFAULT, new FeatureTypes())) {
 *     try (BatchSource source = split.open()) { ... }
 * }
 * }</pre>
 */
public interface InputSplit {
    /** {@return where the split is, for messages (e.g. {@code data/part-0.parquet row group 3})} */
    String description();

    /** {@return the bytes it covers, for progress (an estimate is fine)} */
    long sizeBytes();

    /**
     * {@return a fresh stream of the split's batches}
     *
     * @throws dev.veracity.InputException if the data is missing or malformed
     */
    BatchSource open() throws IOException;
}
