package dev.veracity.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * How often each distinct value of a string feature occurs: exact up to a cap of distinct values, then sketched.
 *
 * <p>Past the cap, a frequent-items sketch ({@value #LG_MAX_MAP_SIZE} bits of map size) keeps the top values with
 * counts that may be under-estimated by at most {@link Frequencies#maxCountError()}, and a HyperLogLog sketch
 * (lgK {@value #HLL_LG_K}, relative standard error about 0.8 %) estimates the number of distinct values.
 *
 * <p>Weighted (for TFDV's {@code weighted_string_stats}), each value also adds its example's weight: to an exact sum per
 * distinct value while exact, then to a {@link WeightedFrequentItems} summary, whose estimates are at most
 * {@link WeightedFrequencies#maxWeightError()} above the true sums.
 */
final class ValueFrequencies {
    static final String BYTES_VALUE_LABEL = "__BYTES_VALUE__";
    static final int LG_MAX_MAP_SIZE = 12;
    static final int HLL_LG_K = 14;

    private final int maxExact;
    private final boolean weighted;
    private ByteCountTable exact;
    private ItemsSketch<String> frequent;
    private HllSketch distinct;
    private WeightedFrequentItems weightedFrequent;

    ValueFrequencies(int maxExact) {
        this(maxExact, false);
    }

    /** Frequencies of values, and with {@code weighted} also their sums of weights. */
    ValueFrequencies(int maxExact, boolean weighted) {
        this.maxExact = maxExact;
        this.weighted = weighted;
        this.exact = new ByteCountTable(maxExact);
    }

    /** Counts one occurrence of {@code bytes[offset, offset + length)}, whose validity as UTF-8 is {@code valid}. */
    void add(byte[] bytes, int offset, int length, boolean valid) {
        add(bytes, offset, length, valid, 0);
    }

    /** Counts one occurrence of a value, of weight {@code weight} (at least 0, ignored when not weighted). */
    void add(byte[] bytes, int offset, int length, boolean valid, double weight) {
        if (exact != null && exact.add(bytes, offset, length, 1, weight)) {
            return;
        }
        if (exact != null) {
            switchToSketches();
        }
        String label = label(bytes, offset, length, valid);
        frequent.update(label);
        if (weighted) {
            weightedFrequent.update(label, weight);
        }
        distinct.update(hash64(bytes, offset, length));
    }

    /** {@return how many more distinct values can be counted exactly: 0 once sketched} */
    int exactRoom() {
        return exact == null ? 0 : maxExact - exact.size();
    }

    /**
     * Counts {@code count} unweighted occurrences of a value at once, as {@code count} calls of {@link #add} would;
     * only for a value there is {@link #exactRoom()} for.
     */
    void addCount(byte[] bytes, int offset, int length, long count) {
        if (exact == null || !exact.add(bytes, offset, length, count, 0)) {
            throw new IllegalStateException("no room to count a value exactly");
        }
    }

    void merge(ValueFrequencies other) {
        if (other.weighted != weighted) {
            throw new IllegalArgumentException("cannot merge weighted and unweighted value frequencies");
        }
        if (other.exact != null) {
            ByteCountTable table = other.exact;
            for (int e = 0; e < table.size(); e++) {
                addCounted(table.arena(), table.keyOffset(e), table.keyLength(e), table.count(e), table.weight(e));
            }
            return;
        }
        if (exact != null) {
            switchToSketches();
        }
        frequent.merge(other.frequent);
        if (weighted) {
            weightedFrequent.merge(other.weightedFrequent);
        }
        Union union = new Union(HLL_LG_K);
        union.update(distinct);
        union.update(other.distinct);
        distinct = union.getResult();
    }

    private void addCounted(byte[] bytes, int offset, int length, long count, double weight) {
        if (exact != null && exact.add(bytes, offset, length, count, weight)) {
            return;
        }
        if (exact != null) {
            switchToSketches();
        }
        String label = label(bytes, offset, length, Utf8.isValid(bytes, offset, length));
        frequent.update(label, count);
        if (weighted) {
            weightedFrequent.update(label, weight);
        }
        distinct.update(hash64(bytes, offset, length));
    }

    private void switchToSketches() {
        frequent = new ItemsSketch<>(1 << LG_MAX_MAP_SIZE);
        distinct = new HllSketch(HLL_LG_K);
        weightedFrequent = weighted ? new WeightedFrequentItems() : null;
        ByteCountTable table = exact;
        exact = null;
        for (int e = 0; e < table.size(); e++) {
            byte[] arena = table.arena();
            int offset = table.keyOffset(e);
            int length = table.keyLength(e);
            String label = label(arena, offset, length, Utf8.isValid(arena, offset, length));
            frequent.update(label, table.count(e));
            if (weighted) {
                weightedFrequent.update(label, table.weight(e));
            }
            distinct.update(hash64(arena, offset, length));
        }
    }

    /** The distinct-value count and the most frequent values, in TFDV's order (count desc, then value desc). */
    record Frequencies(
            long unique, List<LabelCount> top, boolean exact, long maxCountError, double uniqueRelativeError) {}

    /** A value's label (UTF-8 text, or {@value #BYTES_VALUE_LABEL}) and its count. */
    record LabelCount(String label, long count) {}

    /**
     * The values with the largest sums of weights, in TFDV's order (weight desc, then value desc).
     *
     * @param maxWeightError how far above the true sum a listed weight may be (0 when exact)
     */
    record WeightedFrequencies(List<LabelWeight> top, boolean exact, double maxWeightError) {}

    /** A value's label and the sum of the weights of its occurrences. */
    record LabelWeight(String label, double weight) {}

    /**
     * {@return up to {@code limit} values with the largest sums of weights, leaving out sums below {@code threshold}}
     * (TFDV's {@code weighted_frequency_threshold}); only when weighted
     */
    WeightedFrequencies weightedResult(int limit, double threshold) {
        if (!weighted) {
            throw new IllegalStateException("value frequencies without weights");
        }
        if (exact != null) {
            return exactWeightedResult(limit, threshold);
        }
        int n = weightedFrequent.size();
        String[] labels = new String[n];
        double[] weights = new double[n];
        weightedFrequent.estimates(labels, weights);
        List<LabelWeight> top = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (weights[i] >= threshold) {
                top.add(new LabelWeight(labels[i], weights[i]));
            }
        }
        top.sort((a, b) -> a.weight() != b.weight()
                ? Double.compare(b.weight(), a.weight())
                : compareUnsigned(
                        b.label().getBytes(StandardCharsets.UTF_8), a.label().getBytes(StandardCharsets.UTF_8)));
        return new WeightedFrequencies(
                List.copyOf(top.subList(0, Math.min(limit, top.size()))), false, weightedFrequent.maxError());
    }

    private WeightedFrequencies exactWeightedResult(int limit, double threshold) {
        ByteCountTable table = exact;
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < table.size(); e++) {
            if (table.weight(e) >= threshold) {
                order.add(e);
            }
        }
        byte[] arena = table.arena();
        order.sort((a, b) -> {
            int byWeight = Double.compare(table.weight(b), table.weight(a));
            if (byWeight != 0) {
                return byWeight;
            }
            return Arrays.compareUnsigned(
                    arena,
                    table.keyOffset(b),
                    table.keyOffset(b) + table.keyLength(b),
                    arena,
                    table.keyOffset(a),
                    table.keyOffset(a) + table.keyLength(a));
        });
        List<LabelWeight> top = new ArrayList<>(Math.min(limit, order.size()));
        for (int e : order.subList(0, Math.min(limit, order.size()))) {
            int offset = table.keyOffset(e);
            int length = table.keyLength(e);
            top.add(new LabelWeight(
                    label(arena, offset, length, Utf8.isValid(arena, offset, length)), table.weight(e)));
        }
        return new WeightedFrequencies(List.copyOf(top), true, 0);
    }

    Frequencies result(int limit) {
        if (exact != null) {
            return exactResult(limit);
        }
        ItemsSketch.Row<String>[] rows = frequent.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
        List<LabelCount> top = new ArrayList<>();
        for (ItemsSketch.Row<String> row : rows) {
            top.add(new LabelCount(row.getItem(), row.getEstimate()));
        }
        top.sort((a, b) -> a.count() != b.count()
                ? Long.compare(b.count(), a.count())
                : compareUnsigned(
                        b.label().getBytes(StandardCharsets.UTF_8), a.label().getBytes(StandardCharsets.UTF_8)));
        long unique = Math.max(Math.round(distinct.getEstimate()), maxExact + 1L);
        return new Frequencies(
                unique,
                List.copyOf(top.subList(0, Math.min(limit, top.size()))),
                false,
                frequent.getMaximumError(),
                1.04 / Math.sqrt(1 << HLL_LG_K));
    }

    private Frequencies exactResult(int limit) {
        ByteCountTable table = exact;
        Integer[] order = new Integer[table.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        byte[] arena = table.arena();
        Arrays.sort(order, (a, b) -> {
            int byCount = Long.compare(table.count(b), table.count(a));
            if (byCount != 0) {
                return byCount;
            }
            return Arrays.compareUnsigned(
                    arena,
                    table.keyOffset(b),
                    table.keyOffset(b) + table.keyLength(b),
                    arena,
                    table.keyOffset(a),
                    table.keyOffset(a) + table.keyLength(a));
        });
        List<LabelCount> top = new ArrayList<>(Math.min(limit, order.length));
        for (int i = 0; i < Math.min(limit, order.length); i++) {
            int e = order[i];
            int offset = table.keyOffset(e);
            int length = table.keyLength(e);
            top.add(new LabelCount(label(arena, offset, length, Utf8.isValid(arena, offset, length)), table.count(e)));
        }
        return new Frequencies(table.size(), List.copyOf(top), true, 0, 0);
    }

    long retainedBytes() {
        if (exact != null) {
            return exact.retainedBytes();
        }
        return (1L << LG_MAX_MAP_SIZE) * 64
                + distinct.getCompactSerializationBytes()
                + (weighted ? weightedFrequent.retainedBytes() : 0);
    }

    /** Writes the state; without weights, exactly as format version 1 did. */
    void write(DataOutput out) throws IOException {
        if (exact != null) {
            out.writeByte(0);
            out.writeInt(exact.size());
            for (int e = 0; e < exact.size(); e++) {
                out.writeInt(exact.keyLength(e));
                out.write(exact.arena(), exact.keyOffset(e), exact.keyLength(e));
                out.writeLong(exact.count(e));
                if (weighted) {
                    out.writeDouble(exact.weight(e));
                }
            }
        } else {
            out.writeByte(1);
            byte[] items = frequent.toByteArray(new ArrayOfStringsSerDe());
            out.writeInt(items.length);
            out.write(items);
            byte[] hll = distinct.toCompactByteArray();
            out.writeInt(hll.length);
            out.write(hll);
            if (weighted) {
                weightedFrequent.write(out);
            }
        }
    }

    static ValueFrequencies read(DataInput in, int maxExact) throws IOException {
        return read(in, maxExact, false);
    }

    /** Reads a state written by {@link #write} of frequencies of the same {@code weighted}. */
    static ValueFrequencies read(DataInput in, int maxExact, boolean weighted) throws IOException {
        ValueFrequencies f = new ValueFrequencies(maxExact, weighted);
        if (in.readByte() == 0) {
            int size = in.readInt();
            for (int e = 0; e < size; e++) {
                byte[] key = new byte[in.readInt()];
                in.readFully(key);
                long count = in.readLong();
                f.addCounted(key, 0, key.length, count, weighted ? in.readDouble() : 0);
            }
        } else {
            byte[] items = new byte[in.readInt()];
            in.readFully(items);
            byte[] hll = new byte[in.readInt()];
            in.readFully(hll);
            f.exact = null;
            f.frequent = ItemsSketch.getInstance(Memory.wrap(items), new ArrayOfStringsSerDe());
            f.distinct = HllSketch.heapify(hll);
            f.weightedFrequent = weighted ? WeightedFrequentItems.read(in) : null;
        }
        return f;
    }

    static String label(byte[] bytes, int offset, int length, boolean valid) {
        return valid ? new String(bytes, offset, length, StandardCharsets.UTF_8) : BYTES_VALUE_LABEL;
    }

    private static int compareUnsigned(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** FNV-1a over the bytes, then a SplitMix64 finalizer: a well-spread 64-bit key for the HyperLogLog sketch. */
    private static long hash64(byte[] bytes, int offset, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
