package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.WeightedCommonStatistics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Presence and valency of one feature: TFDV's {@code CommonStatistics}. Value counts per example below
 * {@value #EXACT_LIMIT} are counted exactly (the usual case: CSV cells have 0 or 1 value); larger ones go to a KLL sketch.
 * With example weights, also TFDV's {@code WeightedCommonStatistics}: sums of the weights of present examples and of
 * weight times number of values.
 */
final class PresenceAccumulator {
    static final int EXACT_LIMIT = 64;

    private final int kllK;
    private long numNonMissing;
    private long totNumValues;
    private long minNumValues = Long.MAX_VALUE;
    private long maxNumValues;
    private final long[] exactValueCounts = new long[EXACT_LIMIT];
    private KllQuantiles largeValueCounts;
    private double weightedNumNonMissing;
    private double weightedTotNumValues;
    private double weightedNumRows;

    PresenceAccumulator(int kllK) {
        this.kllK = kllK;
    }

    void add(Column column) {
        add(column, null);
    }

    /** Adds the rows of a column, each with its weight in {@code rowWeights}, or unweighted if that is null. */
    void add(Column column, double[] rowWeights) {
        add(column.present(), column.rowOffsets(), column.rowCount(), rowWeights);
    }

    /** Adds {@code rows} entries, present or not, each with its range of values in {@code offsets}. */
    void add(boolean[] present, int[] offsets, int rows, double[] rowWeights) {
        if (rowWeights != null) {
            addWeights(present, offsets, rows, rowWeights);
        }
        for (int r = 0; r < rows; r++) {
            if (!present[r]) {
                continue;
            }
            int n = offsets[r + 1] - offsets[r];
            numNonMissing++;
            totNumValues += n;
            if (n < minNumValues) {
                minNumValues = n;
            }
            if (n > maxNumValues) {
                maxNumValues = n;
            }
            if (n < EXACT_LIMIT) {
                exactValueCounts[n]++;
            } else {
                large().update(n);
            }
        }
    }

    private void addWeights(boolean[] present, int[] offsets, int rows, double[] rowWeights) {
        double nonMissing = 0;
        double values = 0;
        double all = 0;
        for (int r = 0; r < rows; r++) {
            double w = rowWeights[r];
            all += w;
            if (present[r]) {
                nonMissing += w;
                values += w * (offsets[r + 1] - offsets[r]);
            }
        }
        weightedNumNonMissing += nonMissing;
        weightedTotNumValues += values;
        weightedNumRows += all;
    }

    void merge(PresenceAccumulator other) {
        weightedNumNonMissing += other.weightedNumNonMissing;
        weightedTotNumValues += other.weightedTotNumValues;
        weightedNumRows += other.weightedNumRows;
        numNonMissing += other.numNonMissing;
        totNumValues += other.totNumValues;
        minNumValues = Math.min(minNumValues, other.minNumValues);
        maxNumValues = Math.max(maxNumValues, other.maxNumValues);
        for (int i = 0; i < EXACT_LIMIT; i++) {
            exactValueCounts[i] += other.exactValueCounts[i];
        }
        if (other.largeValueCounts != null) {
            if (largeValueCounts == null) {
                largeValueCounts = other.largeValueCounts.copy();
            } else {
                largeValueCounts.merge(other.largeValueCounts);
            }
        }
    }

    long numNonMissing() {
        return numNonMissing;
    }

    /** {@return the sum of the weights of every row added, present or missing} */
    double weightedNumRows() {
        return weightedNumRows;
    }

    /**
     * {@return TFDV's {@code weighted_common_stats}}
     *
     * @param weightedNumExamples the dataset's sum of weights, for {@code num_missing}
     */
    WeightedCommonStatistics weightedResult(double weightedNumExamples) {
        WeightedCommonStatistics.Builder weighted = WeightedCommonStatistics.newBuilder()
                .setNumNonMissing(weightedNumNonMissing)
                .setNumMissing(Math.max(0, weightedNumExamples - weightedNumNonMissing))
                .setTotNumValues(weightedTotNumValues);
        if (weightedNumNonMissing > 0) {
            weighted.setAvgNumValues(weightedTotNumValues / weightedNumNonMissing);
        }
        return weighted.build();
    }

    CommonStatistics result(long numExamples, int histogramBuckets) {
        CommonStatistics.Builder common = CommonStatistics.newBuilder()
                .setNumNonMissing(numNonMissing)
                .setNumMissing(Math.max(0, numExamples - numNonMissing));
        if (numNonMissing == 0) {
            return common.build();
        }
        common.setMinNumValues(minNumValues)
                .setMaxNumValues(maxNumValues)
                .setAvgNumValues((float) ((double) totNumValues / numNonMissing))
                .setTotNumValues(totNumValues)
                .setNumValuesHistogram(valueCountHistogram(histogramBuckets));
        return common.build();
    }

    /**
     * TFDV's QUANTILES histogram of values per example: equal-mass buckets, each holding N / buckets examples.
     * Boundaries are read without building a merged sketch, whose random compaction would make the result differ from
     * one call to the next: every exactly counted value count precedes every sketched one (all at least
     * {@value #EXACT_LIMIT}), so a rank falls either in the exact counts or, shifted, in the sketch.
     */
    private Histogram valueCountHistogram(int buckets) {
        double[] boundaries = new double[buckets + 1];
        boundaries[0] = minNumValues;
        boundaries[buckets] = maxNumValues;
        for (int i = 1; i < buckets; i++) {
            boundaries[i] = valueCountAtRank((long) Math.ceil((double) i * numNonMissing / buckets));
        }
        Histogram.Builder histogram = Histogram.newBuilder().setType(Histogram.HistogramType.QUANTILES);
        double perBucket = (double) numNonMissing / buckets;
        for (int i = 0; i < buckets; i++) {
            histogram
                    .addBucketsBuilder()
                    .setLowValue(boundaries[i])
                    .setHighValue(boundaries[i + 1])
                    .setSampleCount(perBucket);
        }
        return histogram.build();
    }

    /**
     * {@return a STANDARD histogram of the value counts: equal-width buckets from the least to the greatest count, each
     * with the entries whose count falls in it (the last bucket includes the greatest)}; counts below
     * {@value #EXACT_LIMIT} are placed exactly, larger ones by the sketch's ranks
     */
    Histogram standardValueCountHistogram(int buckets) {
        Histogram.Builder histogram = Histogram.newBuilder().setType(Histogram.HistogramType.STANDARD);
        if (numNonMissing == 0) {
            return histogram.build();
        }
        double min = minNumValues;
        double max = maxNumValues;
        if (min == max) {
            histogram.addBucketsBuilder().setLowValue(min).setHighValue(max).setSampleCount(numNonMissing);
            return histogram.build();
        }
        double width = (max - min) / buckets;
        double[] counts = new double[buckets];
        for (int n = 0; n < EXACT_LIMIT; n++) {
            if (exactValueCounts[n] > 0) {
                counts[Math.min(buckets - 1, (int) ((n - min) / width))] += exactValueCounts[n];
            }
        }
        if (largeValueCounts != null) {
            long large = largeValueCounts.n();
            for (int b = 0; b < buckets; b++) {
                // counts are whole numbers: those below an edge are those at most its ceiling minus one
                double below = b == 0 ? 0 : largeValueCounts.rank(Math.ceil(min + b * width) - 1);
                double upTo = b == buckets - 1 ? 1 : largeValueCounts.rank(Math.ceil(min + (b + 1) * width) - 1);
                counts[b] += large * (upTo - below);
            }
        }
        for (int b = 0; b < buckets; b++) {
            histogram
                    .addBucketsBuilder()
                    .setLowValue(min + b * width)
                    .setHighValue(b == buckets - 1 ? max : min + (b + 1) * width)
                    .setSampleCount(counts[b]);
        }
        return histogram.build();
    }

    /** {@return the value count of the example at natural rank {@code rank}, in [1, numNonMissing], in sorted order} */
    private double valueCountAtRank(long rank) {
        long cumulative = 0;
        for (int n = 0; n < EXACT_LIMIT; n++) {
            cumulative += exactValueCounts[n];
            if (cumulative >= rank) {
                return n;
            }
        }
        double sketchRank = (double) (rank - cumulative) / largeValueCounts.n();
        return largeValueCounts.quantile(Math.min(1, sketchRank));
    }

    long retainedBytes() {
        return 64 + EXACT_LIMIT * 8L + (largeValueCounts == null ? 0 : largeValueCounts.serializedBytes());
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(numNonMissing);
        out.writeLong(totNumValues);
        out.writeLong(minNumValues);
        out.writeLong(maxNumValues);
        for (long c : exactValueCounts) {
            out.writeLong(c);
        }
        byte[] sketch = largeValueCounts == null ? new byte[0] : largeValueCounts.toBytes();
        out.writeInt(sketch.length);
        out.write(sketch);
    }

    /** Writes the weighted sums, which {@link #write} leaves out (it writes what format version 1 did). */
    void writeWeighted(DataOutput out) throws IOException {
        out.writeDouble(weightedNumNonMissing);
        out.writeDouble(weightedTotNumValues);
        out.writeDouble(weightedNumRows);
    }

    void readWeighted(DataInput in) throws IOException {
        weightedNumNonMissing = in.readDouble();
        weightedTotNumValues = in.readDouble();
        weightedNumRows = in.readDouble();
    }

    static PresenceAccumulator read(DataInput in, int kllK) throws IOException {
        PresenceAccumulator a = new PresenceAccumulator(kllK);
        a.numNonMissing = in.readLong();
        a.totNumValues = in.readLong();
        a.minNumValues = in.readLong();
        a.maxNumValues = in.readLong();
        for (int i = 0; i < EXACT_LIMIT; i++) {
            a.exactValueCounts[i] = in.readLong();
        }
        byte[] sketch = new byte[in.readInt()];
        in.readFully(sketch);
        if (sketch.length > 0) {
            a.largeValueCounts = KllQuantiles.fromBytes(sketch);
        }
        return a;
    }

    private KllQuantiles large() {
        if (largeValueCounts == null) {
            largeValueCounts = new KllQuantiles(kllK);
        }
        return largeValueCounts;
    }
}
