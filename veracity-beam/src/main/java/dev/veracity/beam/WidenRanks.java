package dev.veracity.beam;

import dev.veracity.io.csv.CsvLines;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/** Combines the bundles' column type ranks by maximum (type widening is associative and commutative). */
final class WidenRanks extends Combine.CombineFn<byte[], byte[], byte[]> {
    private static final long serialVersionUID = 1L;
    private final int columns;

    WidenRanks(int columns) {
        this.columns = columns;
    }

    @Override
    public byte[] createAccumulator() {
        return new byte[columns];
    }

    @Override
    public byte[] addInput(byte[] accumulator, byte[] ranks) {
        for (int i = 0; i < columns; i++) {
            accumulator[i] = (byte) Math.max(accumulator[i], ranks[i]);
        }
        return accumulator;
    }

    @Override
    public byte[] mergeAccumulators(Iterable<byte[]> accumulators) {
        byte[] merged = createAccumulator();
        for (byte[] accumulator : accumulators) {
            addInput(merged, accumulator);
        }
        return merged;
    }

    @Override
    public byte[] extractOutput(byte[] accumulator) {
        return accumulator;
    }

    @Override
    public Coder<byte[]> getAccumulatorCoder(CoderRegistry registry, Coder<byte[]> input) {
        return ByteArrayCoder.of();
    }

    /** {@return the ranks as {@link CsvLines} takes them} */
    static int[] toInts(byte[] ranks) {
        int[] ints = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            ints[i] = ranks[i];
        }
        return ints;
    }
}
