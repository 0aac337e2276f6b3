package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.NumericStatistics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * TFDV's {@code NumericStatistics} of an INT or FLOAT feature.
 *
 * <p>Exact: counts, zeros, NaN and infinity counts, min, max, mean and standard deviation (population, as TFDV:
 * NaN is excluded from everything but {@code num_nan}; an infinity makes the mean infinite and the standard deviation
 * NaN, as numpy does). Sketched: median and both histograms come from a KLL sketch whose rank error is at most
 * {@link StatisticsOptions#quantilesRankError()}. Moments are kept per batch with a two-pass mean and sum of squared
 * deviations, merged with Chan's formula, so they stay accurate whatever the order of merges.
 *
 * <pre>{@code
 * NumericAccumulator pace = new NumericAccumulator("pace", FeatureType.FLOAT, StatisticsOptions.DEFAULT);
 * pace.add(column);
 * NumericStatistics s = pace.result(rows).getNumStats();
 * }</pre>
 */
public final class NumericAccumulator implements FeatureAccumulator {
    private final String name;
    private final FeatureType type;
    private final StatisticsOptions options;
    private final PresenceAccumulator presence;
    private KllDoublesSketch sketch;
    private final NumericMoments moments = new NumericMoments();
    private double[] scratch = new double[0];

    public NumericAccumulator(String name, FeatureType type, StatisticsOptions options) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.type = Objects.requireNonNull(type, "type is null");
        this.options = Objects.requireNonNull(options, "options is null");
        if (type == FeatureType.STRING) {
            throw new IllegalArgumentException("numeric accumulator for a STRING feature: " + name);
        }
        this.presence = new PresenceAccumulator(options.kllK());
        this.sketch = KllDoublesSketch.newHeapInstance(options.kllK());
    }

    @Override
    public String name() {
        return name;
    }

    /** {@return INT or FLOAT} */
    public FeatureType type() {
        return type;
    }

    @Override
    public void add(Column column) {
        presence.add(column);
        if (column instanceof IntColumn ints) {
            addInts(ints.values(), ints.valueCount());
        } else if (column instanceof FloatColumn floats) {
            addDoubles(floats.values(), floats.valueCount());
        } else {
            throw new IllegalArgumentException("feature " + name + ": expected a numeric column, found " + column.type());
        }
    }

    private void addInts(long[] values, int count) {
        if (scratch.length < count) {
            scratch = new double[count];
        }
        for (int i = 0; i < count; i++) {
            scratch[i] = values[i];
        }
        addDoubles(scratch, count);
    }

    private void addDoubles(double[] values, int count) {
        if (count == 0) {
            return;
        }
        moments.add(values, count);
        sketch.update(values, 0, count);
    }

    @Override
    public void merge(FeatureAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator into itself");
        }
        if (!(other instanceof NumericAccumulator that) || that.type != type) {
            throw new IllegalArgumentException("feature " + name + ": cannot merge " + describe(other) + " into " + type);
        }
        presence.merge(that.presence);
        moments.merge(that.moments);
        if (sketch.isEmpty()) {
            sketch = copy(that.sketch);
        } else {
            sketch.merge(that.sketch);
        }
    }

    @Override
    public FeatureNameStatistics result(long numExamples) {
        NumericStatistics.Builder numeric = NumericStatistics.newBuilder()
                .setCommonStats(presence.result(numExamples, options.numValuesHistogramBuckets()));
        NumericMoments m = moments;
        if (m.count() + m.nanCount() > 0) {
            numeric.setNumZeros(m.zeroCount());
            if (m.count() > 0) {
                numeric.setMean(m.mean()).setStdDev(m.stdDev()).setMin(m.min()).setMax(m.max())
                        .setMedian(sketch.getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE));
            }
            NumericHistograms histograms = new NumericHistograms(sketch, m);
            numeric.addHistograms(histograms.standard(options.numHistogramBuckets()));
            numeric.addHistograms(histograms.quantiles(options.numQuantilesHistogramBuckets()));
        }
        return FeatureNameStatistics.newBuilder()
                .setPath(FeaturePaths.Path.newBuilder().addStep(name))
                .setType(type == FeatureType.INT ? FeatureNameStatistics.Type.INT : FeatureNameStatistics.Type.FLOAT)
                .setNumStats(numeric)
                .build();
    }

    @Override
    public long retainedBytes() {
        return 128 + presence.retainedBytes() + sketch.getSerializedSizeBytes() + scratch.length * 8L;
    }

    @Override
    public byte[] toBytes() {
        return AccumulatorCodec.write(this);
    }

    void writeState(DataOutput out) throws IOException {
        presence.write(out);
        moments.write(out);
        byte[] kll = sketch.toByteArray();
        out.writeInt(kll.length);
        out.write(kll);
    }

    static NumericAccumulator readState(String name, FeatureType type, StatisticsOptions options, DataInput in)
            throws IOException {
        NumericAccumulator a = new NumericAccumulator(name, type, options);
        a.presence.merge(PresenceAccumulator.read(in, options.kllK()));
        a.moments.merge(NumericMoments.read(in));
        byte[] kll = new byte[in.readInt()];
        in.readFully(kll);
        a.sketch = KllDoublesSketch.heapify(Memory.wrap(kll));
        return a;
    }

    /**
     * {@return an independent, updatable copy of a KLL sketch}. DataSketches' merge into an empty sketch re-inserts
     * level 0 and may compact (at random), so it is not a copy: merging into an empty accumulator would not be the
     * identity, and a {@code toBytes}/{@code fromBytes} round trip would change the median and histograms.
     */
    static KllDoublesSketch copy(KllDoublesSketch sketch) {
        return KllDoublesSketch.heapify(Memory.wrap(sketch.toByteArray()));
    }

    static String describe(FeatureAccumulator accumulator) {
        return accumulator instanceof NumericAccumulator n ? n.type.name() : FeatureType.STRING.name();
    }
}
