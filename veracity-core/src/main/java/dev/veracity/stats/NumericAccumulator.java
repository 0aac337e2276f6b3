package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.WeightedNumericStatistics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;

/**
 * TFDV's {@code NumericStatistics} of an INT or FLOAT feature.
 *
 * <p>Exact: counts, zeros, NaN and infinity counts, min, max, mean and standard deviation (population, as TFDV:
 * NaN is excluded from everything but {@code num_nan}; an infinity makes the mean infinite and the standard deviation
 * NaN, as numpy does). Sketched: median and both histograms come from a KLL sketch whose rank error is at most
 * {@link StatisticsOptions#quantilesRankError()}. Moments are kept per batch with a two-pass mean and sum of squared
 * deviations, merged with Chan's formula, so they stay accurate whatever the order of merges.
 *
 * <p>With a weight feature ({@link StatisticsOptions#isWeighted()}), also TFDV's {@code weighted_numeric_stats}: the
 * weighted mean and standard deviation are exact ({@link WeightedMoments}); the weighted median and histograms come
 * from {@link WeightedQuantiles}, within {@link StatisticsOptions#weightedQuantilesRankError()} of the true weighted
 * rank. Histogram masses are sums of weights; {@code num_nan} stays a count, as in TFDV.
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
    private KllQuantiles sketch;
    private final NumericMoments moments = new NumericMoments();
    private double[] scratch = new double[0];
    private final WeightedMoments weightedMoments;
    private WeightedQuantiles weightedQuantiles;
    private double[] valueWeights = new double[0];

    public NumericAccumulator(String name, FeatureType type, StatisticsOptions options) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.type = Objects.requireNonNull(type, "type is null");
        this.options = Objects.requireNonNull(options, "options is null");
        if (type == FeatureType.STRING) {
            throw new IllegalArgumentException("numeric accumulator for a STRING feature: " + name);
        }
        this.presence = new PresenceAccumulator(options.kllK());
        this.sketch = new KllQuantiles(options.kllK());
        this.weightedMoments = options.isWeighted() ? new WeightedMoments() : null;
        this.weightedQuantiles =
                options.isWeighted() ? new WeightedQuantiles(options.kllK(), options.quantilesRankError()) : null;
    }

    @Override
    public String name() {
        return name;
    }

    /** {@return whether this accumulator computes TFDV's weighted statistics too} */
    public boolean isWeighted() {
        return options.isWeighted();
    }

    /** {@return INT or FLOAT} */
    public FeatureType type() {
        return type;
    }

    @Override
    public void add(Column column) {
        add(column, null);
    }

    @Override
    public void add(Column column, double[] rowWeights) {
        if (!(column instanceof IntColumn) && !(column instanceof FloatColumn)) {
            throw new IllegalArgumentException(
                    "feature " + name + ": expected a numeric column, found " + column.type());
        }
        checkWeights(name, options, rowWeights);
        presence.add(column, rowWeights);
        double[] values;
        int count = column.valueCount();
        if (column instanceof IntColumn ints) {
            values = toDoubles(ints.values(), count);
        } else {
            values = ((FloatColumn) column).values();
        }
        if (count == 0) {
            return;
        }
        moments.add(values, count);
        sketch.update(values, 0, count);
        if (rowWeights != null) {
            double[] weights = valueWeights(column, rowWeights);
            weightedMoments.add(values, weights, count);
            weightedQuantiles.update(values, weights, count);
        }
    }

    /**
     * Checks that row weights come exactly when the options name a weight feature.
     *
     * @throws IllegalArgumentException if they do not
     */
    static void checkWeights(String name, StatisticsOptions options, double[] rowWeights) {
        if (options.isWeighted() != (rowWeights != null)) {
            throw new IllegalArgumentException("feature " + name + ": "
                    + (rowWeights == null
                            ? "row weights are required with weight feature \"" + options.weightFeature() + "\""
                            : "row weights given without a weight feature in the options"));
        }
    }

    private double[] toDoubles(long[] values, int count) {
        if (scratch.length < count) {
            scratch = new double[count];
        }
        for (int i = 0; i < count; i++) {
            scratch[i] = values[i];
        }
        return scratch;
    }

    /** {@return per value, the weight of its row} */
    private double[] valueWeights(Column column, double[] rowWeights) {
        int[] offsets = column.rowOffsets();
        int rows = column.rowCount();
        if (valueWeights.length < offsets[rows]) {
            valueWeights = new double[offsets[rows]];
        }
        double[] weights = valueWeights;
        for (int r = 0; r < rows; r++) {
            double w = rowWeights[r];
            for (int i = offsets[r], end = offsets[r + 1]; i < end; i++) {
                weights[i] = w;
            }
        }
        return weights;
    }

    @Override
    public void merge(FeatureAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator into itself");
        }
        if (!(other instanceof NumericAccumulator that) || that.type != type) {
            throw new IllegalArgumentException(
                    "feature " + name + ": cannot merge " + describe(other) + " into " + type);
        }
        if (that.options.isWeighted() != options.isWeighted()) {
            throw new IllegalArgumentException("feature " + name + ": cannot merge weighted and unweighted statistics");
        }
        presence.merge(that.presence);
        moments.merge(that.moments);
        sketch.merge(that.sketch);
        if (weightedMoments != null) {
            weightedMoments.merge(that.weightedMoments);
            weightedQuantiles.merge(that.weightedQuantiles);
        }
    }

    /** {@inheritDoc} With weights, {@code weighted_num_examples} is taken as the sum of the weights added here. */
    @Override
    public FeatureNameStatistics result(long numExamples) {
        return result(numExamples, presence.weightedNumRows());
    }

    @Override
    public FeatureNameStatistics result(long numExamples, double weightedNumExamples) {
        CommonStatistics common = presence.result(numExamples, options.numValuesHistogramBuckets());
        if (options.isWeighted()) {
            common = common.toBuilder()
                    .setWeightedCommonStats(presence.weightedResult(weightedNumExamples))
                    .build();
        }
        NumericStatistics.Builder numeric = NumericStatistics.newBuilder().setCommonStats(common);
        NumericMoments m = moments;
        if (m.count() + m.nanCount() > 0) {
            numeric.setNumZeros(m.zeroCount());
            if (m.count() > 0) {
                numeric.setMean(m.mean())
                        .setStdDev(m.stdDev())
                        .setMin(m.min())
                        .setMax(m.max())
                        .setMedian(sketch.quantile(0.5));
            }
            NumericHistograms histograms = NumericHistograms.of(sketch, m);
            numeric.addHistograms(histograms.standard(options.numHistogramBuckets()));
            numeric.addHistograms(histograms.quantiles(options.numQuantilesHistogramBuckets()));
            if (options.isWeighted() && m.count() > 0) {
                numeric.setWeightedNumericStats(weightedResult());
            }
        }
        return FeatureNameStatistics.newBuilder()
                .setPath(FeaturePaths.Path.newBuilder().addStep(name))
                .setType(type == FeatureType.INT ? FeatureNameStatistics.Type.INT : FeatureNameStatistics.Type.FLOAT)
                .setNumStats(numeric)
                .build();
    }

    /**
     * {@return TFDV's {@code weighted_numeric_stats}}, for a feature with values that are not NaN. If none of them has
     * positive weight, mean and std_dev are 0 as in TFDV, there is no median and the histograms have no buckets.
     */
    private WeightedNumericStatistics weightedResult() {
        WeightedNumericStatistics.Builder weighted = WeightedNumericStatistics.newBuilder()
                .setMean(weightedMoments.mean())
                .setStdDev(weightedMoments.stdDev());
        if (weightedQuantiles.isEmpty() || weightedMoments.totalWeight() == 0) {
            weighted.addHistograms(Histogram.newBuilder()
                    .setType(Histogram.HistogramType.STANDARD)
                    .setNumNan(moments.nanCount()));
            weighted.addHistograms(Histogram.newBuilder()
                    .setType(Histogram.HistogramType.QUANTILES)
                    .setNumNan(moments.nanCount()));
            return weighted.build();
        }
        WeightedQuantiles.View view = weightedQuantiles.view();
        weighted.setMedian(view.quantile(0.5));
        NumericHistograms histograms = NumericHistograms.weighted(view, weightedMoments, moments);
        weighted.addHistograms(histograms.standard(options.numHistogramBuckets()));
        weighted.addHistograms(histograms.quantiles(options.numQuantilesHistogramBuckets()));
        return weighted.build();
    }

    @Override
    public long retainedBytes() {
        long weighted =
                weightedQuantiles == null ? 0 : 64 + weightedQuantiles.retainedBytes() + valueWeights.length * 8L;
        return 128 + presence.retainedBytes() + sketch.serializedBytes() + scratch.length * 8L + weighted;
    }

    @Override
    public byte[] toBytes() {
        return AccumulatorCodec.write(this);
    }

    void writeState(DataOutput out) throws IOException {
        presence.write(out);
        moments.write(out);
        byte[] kll = sketch.toBytes();
        out.writeInt(kll.length);
        out.write(kll);
        if (options.isWeighted()) {
            presence.writeWeighted(out);
            weightedMoments.write(out);
            weightedQuantiles.write(out);
        }
    }

    static NumericAccumulator readState(String name, FeatureType type, StatisticsOptions options, DataInput in)
            throws IOException {
        NumericAccumulator a = new NumericAccumulator(name, type, options);
        a.presence.merge(PresenceAccumulator.read(in, options.kllK()));
        a.moments.merge(NumericMoments.read(in));
        byte[] kll = new byte[in.readInt()];
        in.readFully(kll);
        a.sketch = KllQuantiles.fromBytes(kll);
        if (options.isWeighted()) {
            a.presence.readWeighted(in);
            a.weightedMoments.merge(WeightedMoments.read(in));
            a.weightedQuantiles = WeightedQuantiles.read(in, options.kllK(), options.quantilesRankError());
        }
        return a;
    }

    static String describe(FeatureAccumulator accumulator) {
        return accumulator instanceof NumericAccumulator n
                ? n.type.name()
                : StringAccumulator.describe((StringAccumulator) accumulator);
    }
}
