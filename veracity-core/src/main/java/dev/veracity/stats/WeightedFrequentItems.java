package dev.veracity.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The labels with the largest sums of weights, in bounded memory: the Misra-Gries summary with real-valued counters.
 *
 * <p>DataSketches' frequent-items sketch counts in {@code long}, so real weights would have to be scaled to integers
 * with one scale for every state that may ever be merged; real counters need none. Up to {@value #MAX_ITEMS} labels
 * are counted; when that many are held, the ({@value #KEPT_AFTER_PURGE} + 1)-th largest counter c is subtracted from
 * every counter and those left at or below 0 are dropped, which removes at least ({@value #KEPT_AFTER_PURGE} + 1) c of
 * weight; the sum of the c is the {@link #maxError()}. A label's true sum of weights lies in [counter, counter +
 * maxError] (counter 0 if not held), and maxError is at most W / ({@value #KEPT_AFTER_PURGE} + 1) for a total weight
 * W, also after any merges (Agarwal et al., Mergeable Summaries, 2012). Deterministic. Memory: two arrays of
 * {@value #SLOTS} slots plus the held labels.
 */
final class WeightedFrequentItems {
    static final int MAX_ITEMS = 3072;
    static final int KEPT_AFTER_PURGE = MAX_ITEMS / 2;
    private static final int SLOTS = 8192;

    private String[] labels = new String[SLOTS];
    private double[] weights = new double[SLOTS];
    private int size;
    private double maxError;

    /** Adds {@code weight} (at least 0) to the sum of {@code label}. */
    void update(String label, double weight) {
        if (!(weight > 0)) {
            return;
        }
        int mask = SLOTS - 1;
        int slot = spread(label.hashCode()) & mask;
        while (labels[slot] != null) {
            if (labels[slot].equals(label)) {
                weights[slot] += weight;
                return;
            }
            slot = (slot + 1) & mask;
        }
        labels[slot] = label;
        weights[slot] = weight;
        if (++size >= MAX_ITEMS) {
            purge();
        }
    }

    private void purge() {
        double[] held = new double[size];
        int n = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (labels[slot] != null) {
                held[n++] = weights[slot];
            }
        }
        Arrays.sort(held);
        double cut = held[size - KEPT_AFTER_PURGE - 1];
        maxError += cut;
        String[] oldLabels = labels;
        double[] oldWeights = weights;
        labels = new String[SLOTS];
        weights = new double[SLOTS];
        size = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            double left = oldWeights[slot] - cut;
            if (oldLabels[slot] != null && left > 0) {
                update(oldLabels[slot], left);
            }
        }
    }

    void merge(WeightedFrequentItems other) {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (other.labels[slot] != null) {
                update(other.labels[slot], other.weights[slot]);
            }
        }
        maxError += other.maxError;
    }

    /** {@return how much less than the truth a counter may be: the sum of the amounts subtracted by purges} */
    double maxError() {
        return maxError;
    }

    /** {@return the number of labels held} */
    int size() {
        return size;
    }

    /**
     * {@return the held labels with their estimates (counter + {@link #maxError()}: never below the truth, at most
     * maxError above it), in no particular order}, as parallel arrays in {@code labelsOut} and {@code weightsOut} of
     * length at least {@link #size()}
     */
    void estimates(String[] labelsOut, double[] weightsOut) {
        int n = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (labels[slot] != null) {
                labelsOut[n] = labels[slot];
                weightsOut[n++] = weights[slot] + maxError;
            }
        }
    }

    long retainedBytes() {
        return SLOTS * 16L + size * 64L;
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(maxError);
        out.writeInt(size);
        for (int slot = 0; slot < SLOTS; slot++) {
            if (labels[slot] != null) {
                byte[] label = labels[slot].getBytes(StandardCharsets.UTF_8);
                out.writeInt(label.length);
                out.write(label);
                out.writeDouble(weights[slot]);
            }
        }
    }

    static WeightedFrequentItems read(DataInput in) throws IOException {
        WeightedFrequentItems items = new WeightedFrequentItems();
        double maxError = in.readDouble();
        int size = in.readInt();
        if (size < 0 || size >= MAX_ITEMS) {
            throw new IOException(
                    "weighted frequent items: " + size + " labels, fewer than " + MAX_ITEMS + " expected");
        }
        for (int i = 0; i < size; i++) {
            byte[] label = new byte[in.readInt()];
            in.readFully(label);
            items.update(new String(label, StandardCharsets.UTF_8), in.readDouble());
        }
        items.maxError = maxError;
        return items;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
