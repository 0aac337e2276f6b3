package dev.veracity.stats;

import dev.veracity.ConfigException;
import dev.veracity.data.RecordBatch;

/**
 * Bernoulli sampling of rows, decided per row by a hash of the seed and the row's position in the dataset, so the
 * sample is the same whatever the threads, chunks or batches that read it. TFDV's {@code sample_rate} keeps or drops
 * whole input batches instead; per row, the sample of a small dataset is as random as the rate says.
 *
 * <pre>{@code
 * Sampling tenth = new Sampling(0.1, 42);
 * RecordBatch sample = tenth.sample(batch, firstRowOfBatch);
 * }</pre>
 *
 * @param rate the probability that a row is kept, in (0, 1]
 * @param seed chooses the sample
 */
public record Sampling(double rate, long seed) {
    /** Keeps every row. */
    public static final Sampling ALL = new Sampling(1.0, 0);

    public Sampling {
        if (!(rate > 0 && rate <= 1)) {
            throw new ConfigException("sample rate: expected a number in (0, 1], found " + rate);
        }
    }

    /** {@return whether every row is kept} */
    public boolean keepsAll() {
        return rate == 1.0;
    }

    /** {@return whether the row at this position in the dataset (0-based) is in the sample} */
    public boolean keeps(long row) {
        if (keepsAll()) {
            return true;
        }
        long h = (row + 1) * 0x9E3779B97F4A7C15L ^ seed;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53 < rate;
    }

    /** {@return the rows of the batch in the sample, given the dataset position of the batch's first row} */
    public RecordBatch sample(RecordBatch batch, long firstRow) {
        if (keepsAll()) {
            return batch;
        }
        int[] kept = new int[batch.rowCount()];
        int count = 0;
        for (int r = 0; r < batch.rowCount(); r++) {
            if (keeps(firstRow + r)) {
                kept[count++] = r;
            }
        }
        return count == batch.rowCount() ? batch : batch.select(kept, count);
    }
}
