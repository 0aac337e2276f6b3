package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.DictionaryCodes;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.StringStatistics;
import dev.veracity.proto.WeightedStringStatistics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * TFDV's {@code StringStatistics} of a STRING feature: {@code unique}, {@code top_values}, {@code rank_histogram},
 * {@code avg_length} (in UTF-8 bytes, as TFDV) and {@code invalid_utf8_count}.
 *
 * <p>Exact up to {@link StatisticsOptions#maxExactDistinct()} distinct values; past it the frequencies are sketched
 * and the result carries custom statistics {@value #TOP_VALUES_MAX_ERROR} (a bound on how far a top value's
 * count may be from the truth) and {@value #UNIQUE_RELATIVE_ERROR} (the relative standard error of {@code unique}).
 *
 * <p>With a weight feature, also TFDV's {@code weighted_string_stats}: top values and rank histogram by the sum of the
 * weights of each value's occurrences, leaving out sums below TFDV's default {@code weighted_frequency_threshold}
 * ({@value #WEIGHTED_FREQUENCY_THRESHOLD}). Exact sums while the values are counted exactly; past that, estimates that
 * may exceed the true sums by at most the custom statistic {@value #WEIGHTED_TOP_VALUES_MAX_ERROR}, itself at most
 * the total weight / {@value WeightedFrequentItems#KEPT_AFTER_PURGE} (see {@link WeightedFrequentItems}).
 *
 * <p>A categorical INT or FLOAT feature (TFDV: {@code is_categorical} in its schema domain) is described the same
 * way, by the decimal strings of its values ({@code str(v)} in Python, see {@link NumberLabels}), and keeps its type
 * in the result, as TFDV does: its statistics carry {@code string_stats}, not {@code num_stats}.
 *
 * <pre>{@code
 * StringAccumulator route = new StringAccumulator("route", StatisticsOptions.DEFAULT);
 * route.add(column);
 * StringStatistics s = route.result(rows).getStringStats();
 * }</pre>
 */
public final class StringAccumulator implements FeatureAccumulator {
    /** Custom statistic present only when top values were sketched. */
    public static final String TOP_VALUES_MAX_ERROR = "veracity_top_values_max_count_error";
    /** Custom statistic present only when {@code unique} was estimated. */
    public static final String UNIQUE_RELATIVE_ERROR = "veracity_unique_relative_standard_error";
    /** Custom statistic present only when weighted top values were sketched: how far above the truth they may be. */
    public static final String WEIGHTED_TOP_VALUES_MAX_ERROR = "veracity_weighted_top_values_max_weight_error";
    /** TFDV's default {@code weighted_frequency_threshold}: smaller sums of weights are not listed. */
    public static final double WEIGHTED_FREQUENCY_THRESHOLD = 1.0;

    private final String name;
    private final FeatureType type;
    private final StatisticsOptions options;
    private final PresenceAccumulator presence;
    private final byte[] label = new byte[NumberLabels.MAX_LONG_LENGTH];
    private ValueFrequencies frequencies;
    private long valueCount;
    private long totalBytes;
    private long invalidUtf8Count;

    /** An accumulator of a STRING feature. */
    public StringAccumulator(String name, StatisticsOptions options) {
        this(name, FeatureType.STRING, options);
    }

    /**
     * An accumulator of a STRING feature, or of a categorical INT or FLOAT feature described by its decimal strings.
     *
     * @param type the feature's type, which its columns must have and its statistics report
     */
    public StringAccumulator(String name, FeatureType type, StatisticsOptions options) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.type = Objects.requireNonNull(type, "type is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.presence = new PresenceAccumulator(options.kllK());
        this.frequencies = new ValueFrequencies(options.maxExactDistinct(), options.isWeighted());
    }

    @Override
    public String name() {
        return name;
    }

    /** {@return the feature's type: STRING, or INT or FLOAT for a categorical number} */
    public FeatureType type() {
        return type;
    }

    /** {@return whether this accumulator computes TFDV's weighted statistics too} */
    public boolean isWeighted() {
        return options.isWeighted();
    }

    @Override
    public void add(Column column) {
        add(column, null);
    }

    @Override
    public void add(Column column, double[] rowWeights) {
        if (column.type() != type) {
            throw new IllegalArgumentException(
                    "feature " + name + ": expected a " + type + " column, found " + column.type());
        }
        NumericAccumulator.checkWeights(name, options, rowWeights);
        presence.add(column, rowWeights);
        if (column instanceof IntColumn ints) {
            addInts(ints, rowWeights);
        } else if (column instanceof FloatColumn floats) {
            addFloats(floats, rowWeights);
        } else {
            addStrings((StringColumn) column, rowWeights);
        }
        valueCount += column.valueCount();
    }

    private void addStrings(StringColumn strings, double[] rowWeights) {
        if (rowWeights == null && strings.dictionary() != null && addByDictionary(strings)) {
            return;
        }
        int[] offsets = strings.valueOffsets();
        int[] rowOffsets = strings.rowOffsets();
        byte[] bytes = strings.bytes();
        int rows = strings.rowCount();
        for (int r = 0; r < rows; r++) {
            double weight = rowWeights == null ? 0 : rowWeights[r];
            for (int v = rowOffsets[r], end = rowOffsets[r + 1]; v < end; v++) {
                int start = offsets[v];
                int length = offsets[v + 1] - start;
                boolean valid = Utf8.isValid(bytes, start, length);
                if (!valid) {
                    invalidUtf8Count++;
                }
                totalBytes += length;
                frequencies.add(bytes, start, length, valid, weight);
            }
        }
    }

    /**
     * Counts the values of a column by dictionary entry, then each entry's bytes once, new entries in the order of
     * their first value: the same table as value by value, provided every distinct entry fits in the exact counts.
     *
     * @return false (nothing added) if they might not fit: the caller counts value by value
     */
    private boolean addByDictionary(StringColumn strings) {
        DictionaryCodes dictionary = strings.dictionary();
        int[] codes = dictionary.codes();
        int values = strings.valueCount();
        long[] counts = new long[dictionary.entryCount()];
        int[] firstSeen = new int[Math.min(values, counts.length)];
        int distinct = 0;
        for (int v = 0; v < values; v++) {
            int code = codes[v];
            if (counts[code]++ == 0) {
                firstSeen[distinct++] = code;
            }
        }
        if (distinct > frequencies.exactRoom()) {
            return false;
        }
        int[] offsets = dictionary.entryOffsets();
        byte[] bytes = dictionary.entryBytes();
        for (int i = 0; i < distinct; i++) {
            int code = firstSeen[i];
            int start = offsets[code];
            int length = offsets[code + 1] - start;
            long count = counts[code];
            if (!Utf8.isValid(bytes, start, length)) {
                invalidUtf8Count += count;
            }
            totalBytes += length * count;
            frequencies.addCount(bytes, start, length, count);
        }
        return true;
    }

    private void addInts(IntColumn ints, double[] rowWeights) {
        long[] values = ints.values();
        int[] rowOffsets = ints.rowOffsets();
        for (int r = 0, rows = ints.rowCount(); r < rows; r++) {
            double weight = rowWeights == null ? 0 : rowWeights[r];
            for (int v = rowOffsets[r], end = rowOffsets[r + 1]; v < end; v++) {
                int length = NumberLabels.writeLong(values[v], label);
                totalBytes += length;
                frequencies.add(label, 0, length, true, weight);
            }
        }
    }

    private void addFloats(FloatColumn floats, double[] rowWeights) {
        double[] values = floats.values();
        int[] rowOffsets = floats.rowOffsets();
        for (int r = 0, rows = floats.rowCount(); r < rows; r++) {
            double weight = rowWeights == null ? 0 : rowWeights[r];
            for (int v = rowOffsets[r], end = rowOffsets[r + 1]; v < end; v++) {
                // One string per value: shortest round-trip digits need Double.toString. Categorical floats are rare.
                byte[] bytes = NumberLabels.ofDouble(values[v]).getBytes(StandardCharsets.US_ASCII);
                totalBytes += bytes.length;
                frequencies.add(bytes, 0, bytes.length, true, weight);
            }
        }
    }

    @Override
    public void merge(FeatureAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator into itself");
        }
        if (!(other instanceof StringAccumulator that) || that.type != type) {
            throw new IllegalArgumentException("feature " + name + ": cannot merge "
                    + NumericAccumulator.describe(other) + " into " + describe(this));
        }
        if (that.options.isWeighted() != options.isWeighted()) {
            throw new IllegalArgumentException("feature " + name + ": cannot merge weighted and unweighted statistics");
        }
        presence.merge(that.presence);
        frequencies.merge(that.frequencies);
        valueCount += that.valueCount;
        totalBytes += that.totalBytes;
        invalidUtf8Count += that.invalidUtf8Count;
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
        StringStatistics.Builder strings =
                StringStatistics.newBuilder().setCommonStats(common).setInvalidUtf8Count(invalidUtf8Count);
        FeatureNameStatistics.Builder feature = FeatureNameStatistics.newBuilder()
                .setPath(FeaturePaths.Path.newBuilder().addStep(name))
                .setType(
                        switch (type) {
                            case INT -> FeatureNameStatistics.Type.INT;
                            case FLOAT -> FeatureNameStatistics.Type.FLOAT;
                            case STRING -> FeatureNameStatistics.Type.STRING;
                        });
        if (valueCount > 0) {
            int ranked = Math.max(options.numTopValues(), options.numRankHistogramBuckets());
            ValueFrequencies.Frequencies f = frequencies.result(ranked);
            strings.setUnique(f.unique()).setAvgLength((float) ((double) totalBytes / valueCount));
            RankHistogram.Builder rank = strings.getRankHistogramBuilder();
            for (int i = 0; i < f.top().size(); i++) {
                ValueFrequencies.LabelCount value = f.top().get(i);
                if (i < options.numTopValues()) {
                    strings.addTopValuesBuilder().setValue(value.label()).setFrequency(value.count());
                }
                if (i < options.numRankHistogramBuckets()) {
                    rank.addBucketsBuilder()
                            .setLowRank(i)
                            .setHighRank(i)
                            .setLabel(value.label())
                            .setSampleCount(value.count());
                }
            }
            if (!f.exact()) {
                feature.addCustomStats(CustomStatistic.newBuilder()
                        .setName(TOP_VALUES_MAX_ERROR)
                        .setNum(f.maxCountError()));
                feature.addCustomStats(CustomStatistic.newBuilder()
                        .setName(UNIQUE_RELATIVE_ERROR)
                        .setNum(f.uniqueRelativeError()));
            }
            if (options.isWeighted()) {
                addWeighted(strings.getWeightedStringStatsBuilder(), feature, ranked);
            }
        }
        return feature.setStringStats(strings).build();
    }

    private void addWeighted(
            WeightedStringStatistics.Builder weighted, FeatureNameStatistics.Builder feature, int ranked) {
        ValueFrequencies.WeightedFrequencies f = frequencies.weightedResult(ranked, WEIGHTED_FREQUENCY_THRESHOLD);
        RankHistogram.Builder rank = weighted.getRankHistogramBuilder();
        for (int i = 0; i < f.top().size(); i++) {
            ValueFrequencies.LabelWeight value = f.top().get(i);
            if (i < options.numTopValues()) {
                weighted.addTopValuesBuilder().setValue(value.label()).setFrequency(value.weight());
            }
            if (i < options.numRankHistogramBuckets()) {
                rank.addBucketsBuilder()
                        .setLowRank(i)
                        .setHighRank(i)
                        .setLabel(value.label())
                        .setSampleCount(value.weight());
            }
        }
        if (!f.exact()) {
            feature.addCustomStats(CustomStatistic.newBuilder()
                    .setName(WEIGHTED_TOP_VALUES_MAX_ERROR)
                    .setNum(f.maxWeightError()));
        }
    }

    @Override
    public long retainedBytes() {
        return 64 + presence.retainedBytes() + frequencies.retainedBytes();
    }

    @Override
    public byte[] toBytes() {
        return AccumulatorCodec.write(this);
    }

    void writeState(DataOutput out) throws IOException {
        presence.write(out);
        out.writeLong(valueCount);
        out.writeLong(totalBytes);
        out.writeLong(invalidUtf8Count);
        frequencies.write(out);
        if (options.isWeighted()) {
            presence.writeWeighted(out);
        }
    }

    /** {@return "STRING", or "categorical INT" or "categorical FLOAT", for messages} */
    static String describe(StringAccumulator accumulator) {
        return accumulator.type == FeatureType.STRING ? "STRING" : "categorical " + accumulator.type;
    }

    static StringAccumulator readState(String name, FeatureType type, StatisticsOptions options, DataInput in)
            throws IOException {
        StringAccumulator a = new StringAccumulator(name, type, options);
        a.presence.merge(PresenceAccumulator.read(in, options.kllK()));
        a.valueCount = in.readLong();
        a.totalBytes = in.readLong();
        a.invalidUtf8Count = in.readLong();
        a.frequencies = ValueFrequencies.read(in, options.maxExactDistinct(), options.isWeighted());
        if (options.isWeighted()) {
            a.presence.readWeighted(in);
        }
        return a;
    }
}
