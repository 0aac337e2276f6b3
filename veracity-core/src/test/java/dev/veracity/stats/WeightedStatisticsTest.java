package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.StringStatistics;
import dev.veracity.proto.WeightedCommonStatistics;
import dev.veracity.proto.WeightedNumericStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.WeightedAssertions;
import dev.veracity.testing.WeightedBruteForce;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeightedStatisticsTest {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT.withWeightFeature("w");

    private static Column floats(String name, double[]... rows) {
        return Rows.numericColumn(name, FeatureType.FLOAT, java.util.Arrays.asList(rows));
    }

    private static Column strings(String name, String[]... rows) {
        List<byte[][]> list = new ArrayList<>();
        for (String[] row : rows) {
            if (row == null) {
                list.add(null);
                continue;
            }
            byte[][] values = new byte[row.length][];
            for (int i = 0; i < row.length; i++) {
                values[i] = row[i].getBytes(StandardCharsets.UTF_8);
            }
            list.add(values);
        }
        return Rows.stringColumn(name, list);
    }

    private static double[] v(double... values) {
        return values;
    }

    private static String[] s(String... values) {
        return values;
    }

    /** Four examples: w = 1, 2, 3, 0.5; x = [1, 2], missing, [3], [NaN]; s = [a], [b, a], missing, [b, c]. */
    private static RecordBatch example() {
        return new RecordBatch(
                4,
                List.of(
                        floats("w", v(1), v(2), v(3), v(0.5)),
                        floats("x", v(1, 2), null, v(3), v(Double.NaN)),
                        strings("s", s("a"), s("b", "a"), null, s("b", "c"))));
    }

    private static DatasetFeatureStatistics exampleStatistics() {
        DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
        dataset.add(example());
        return dataset.result("");
    }

    @Nested
    class Options {
        @Test
        void noWeightFeatureByDefault() {
            assertThat(StatisticsOptions.DEFAULT.weightFeature()).isEmpty();
            assertThat(StatisticsOptions.DEFAULT.isWeighted()).isFalse();
            assertThat(StatisticsOptions.builder().build()).isEqualTo(StatisticsOptions.DEFAULT);
        }

        @Test
        void withWeightFeatureTurnsWeightsOnAndOtherWithersKeepIt() {
            assertThat(OPTIONS.isWeighted()).isTrue();
            assertThat(OPTIONS.weightFeature()).isEqualTo("w");
            assertThat(OPTIONS.withNumTopValues(3)
                            .withNumHistogramBuckets(4)
                            .withMaxExactDistinct(5)
                            .weightFeature())
                    .isEqualTo("w");
            assertThat(OPTIONS.withWeightFeature("").isWeighted()).isFalse();
            assertThatThrownBy(() -> OPTIONS.withWeightFeature(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void weightedRankErrorAddsAtMostAQuarterForRounding() {
            for (double epsilon : new double[] {0.001, 0.003, 0.01, 0.05, 0.1, 0.25, 0.5}) {
                StatisticsOptions options = StatisticsOptions.builder()
                        .quantilesRankError(epsilon)
                        .weightFeature("w")
                        .build();
                assertThat(options.weightedQuantilesRankError())
                        .as("epsilon %s", epsilon)
                        .isGreaterThan(epsilon)
                        .isLessThanOrEqualTo(1.25 * epsilon);
            }
            assertThat(WeightedQuantiles.significantBits(0.01)).isEqualTo(8);
            assertThat(OPTIONS.weightedQuantilesRankError())
                    .isCloseTo(0.01 + (1 / 256.0) / (2 * (255 / 256.0)), within(1e-15));
        }
    }

    /** The example worked by hand, TFDV's way. */
    @Nested
    class WorkedExample {
        @Test
        void weightedNumExamplesIsTheSumOfWeights() {
            DatasetFeatureStatistics stats = exampleStatistics();
            assertThat(stats.getNumExamples()).isEqualTo(4);
            assertThat(stats.getWeightedNumExamples()).isEqualTo(6.5);
            assertThat(stats.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0))
                    .containsExactly("w", "x", "s");
        }

        @Test
        void weightedCommonStatisticsSumTheWeightsOfExamples() {
            DatasetFeatureStatistics stats = exampleStatistics();
            assertThat(stats.getFeatures(1).getNumStats().getCommonStats().getWeightedCommonStats())
                    .isEqualTo(WeightedCommonStatistics.newBuilder()
                            .setNumNonMissing(4.5)
                            .setNumMissing(2)
                            .setTotNumValues(5.5)
                            .setAvgNumValues(5.5 / 4.5)
                            .build());
            assertThat(stats.getFeatures(2).getStringStats().getCommonStats().getWeightedCommonStats())
                    .isEqualTo(WeightedCommonStatistics.newBuilder()
                            .setNumNonMissing(3.5)
                            .setNumMissing(3)
                            .setTotNumValues(6)
                            .setAvgNumValues(6 / 3.5)
                            .build());
        }

        @Test
        void weightedNumericStatisticsLeaveOutNaN() {
            WeightedNumericStatistics w =
                    exampleStatistics().getFeatures(1).getNumStats().getWeightedNumericStats();
            assertThat(w.getMean()).isCloseTo(2.4, within(1e-15)); // (1 + 2 + 3 * 3) / 5
            assertThat(w.getStdDev()).isCloseTo(0.8, within(1e-15)); // sqrt((1.96 + 0.16 + 3 * 0.36) / 5)
            assertThat(w.getMedian()).isEqualTo(3); // ranks 0.2, 0.4, 1
            Histogram quantiles = w.getHistograms(1);
            assertThat(quantiles.getType()).isEqualTo(Histogram.HistogramType.QUANTILES);
            assertThat(quantiles.getNumNan()).isEqualTo(1);
            assertThat(quantiles.getBucketsList())
                    .extracting(Histogram.Bucket::getHighValue)
                    .containsExactly(1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0);
            assertThat(quantiles.getBucketsList())
                    .extracting(Histogram.Bucket::getSampleCount)
                    .containsOnly(0.5);
            Histogram standard = w.getHistograms(0);
            assertThat(standard.getType()).isEqualTo(Histogram.HistogramType.STANDARD);
            assertThat(standard.getNumNan()).isEqualTo(1);
            assertThat(standard.getBucketsList())
                    .extracting(Histogram.Bucket::getSampleCount)
                    .containsExactly(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 3.0);
        }

        @Test
        void weightedTopValuesSumWeightsAndLeaveOutSumsBelowOne() {
            StringStatistics strings = exampleStatistics().getFeatures(2).getStringStats();
            assertThat(strings.getWeightedStringStats().getTopValuesList())
                    .extracting(t -> t.getValue() + "=" + t.getFrequency())
                    .containsExactly("a=3.0", "b=2.5");
            assertThat(strings.getWeightedStringStats().getRankHistogram().getBucketsList())
                    .extracting(b -> b.getLowRank() + ":" + b.getLabel() + "=" + b.getSampleCount())
                    .containsExactly("0:a=3.0", "1:b=2.5");
            assertThat(strings.getTopValuesList()).extracting(t -> t.getValue()).containsExactly("b", "a", "c");
        }

        @Test
        void theWeightFeatureGetsItsOwnWeightedStatistics() {
            FeatureNameStatistics w = exampleStatistics().getFeatures(0);
            assertThat(w.getNumStats().getMean()).isEqualTo(1.625);
            WeightedNumericStatistics weighted = w.getNumStats().getWeightedNumericStats();
            assertThat(weighted.getMean()).isCloseTo(14.25 / 6.5, within(1e-15));
            assertThat(weighted.getMedian()).isEqualTo(2); // weight up to 0.5, 1, 2, 3: 0.5, 1.5, 3.5 of 6.5
            assertThat(w.getNumStats().getCommonStats().getWeightedCommonStats().getNumNonMissing())
                    .isEqualTo(6.5);
        }

        @Test
        void withoutAWeightFeatureThereAreNoWeightedFields() {
            DatasetAccumulator dataset = new DatasetAccumulator(StatisticsOptions.DEFAULT);
            dataset.add(example());
            DatasetFeatureStatistics stats = dataset.result("");
            assertThat(stats.getWeightedNumExamples()).isZero();
            for (FeatureNameStatistics feature : stats.getFeaturesList()) {
                assertThat(WeightedRows.withoutWeights(feature)).isEqualTo(feature);
            }
            assertThat(WeightedRows.withoutWeights(exampleStatistics())).isEqualTo(stats);
        }

        @Test
        void zeroWeightsGiveTfdvsZeros() {
            DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
            dataset.add(new RecordBatch(
                    2,
                    List.of(
                            floats("w", v(0), v(0)),
                            floats("x", v(5), v(7, Double.NaN)),
                            strings("s", s("a"), s("a")))));
            DatasetFeatureStatistics stats = dataset.result("");
            assertThat(stats.getWeightedNumExamples()).isZero();
            WeightedNumericStatistics x = stats.getFeatures(1).getNumStats().getWeightedNumericStats();
            assertThat(x)
                    .isEqualTo(WeightedNumericStatistics.newBuilder()
                            .addHistograms(Histogram.newBuilder().setNumNan(1))
                            .addHistograms(
                                    Histogram.newBuilder().setNumNan(1).setType(Histogram.HistogramType.QUANTILES))
                            .build());
            StringStatistics s = stats.getFeatures(2).getStringStats();
            assertThat(s.hasWeightedStringStats()).isTrue();
            assertThat(s.getWeightedStringStats().getTopValuesCount()).isZero();
        }

        @Test
        void integerWeightsWork() {
            DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
            dataset.add(new RecordBatch(
                    2,
                    List.of(Rows.numericColumn("w", FeatureType.INT, List.of(v(2), v(3))), floats("x", v(1), v(6)))));
            DatasetFeatureStatistics stats = dataset.result("");
            assertThat(stats.getWeightedNumExamples()).isEqualTo(5);
            assertThat(stats.getFeatures(1)
                            .getNumStats()
                            .getWeightedNumericStats()
                            .getMean())
                    .isEqualTo(4);
        }
    }

    @Nested
    class Slices {
        @Test
        void eachSliceSumsTheWeightsOfItsExamples() {
            SlicedStatistics sliced = new SlicedStatistics(OPTIONS, List.of(Slicing.of("s")), 10);
            sliced.add(example());
            Map<String, Double> weightByName = new java.util.HashMap<>();
            for (DatasetFeatureStatistics dataset : sliced.result("").getDatasetsList()) {
                weightByName.put(dataset.getName(), dataset.getWeightedNumExamples());
            }
            assertThat(weightByName)
                    .containsEntry(SlicedStatistics.ALL_EXAMPLES, 6.5)
                    .containsEntry("s_a", 3.0)
                    .containsEntry("s_b", 2.5)
                    .containsEntry("s_c", 0.5);
        }
    }

    @Nested
    class BadWeights {
        private void assertRefused(RecordBatch batch, String found) {
            DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
            dataset.add(example());
            DatasetFeatureStatistics before = dataset.result("");
            assertThatThrownBy(() -> dataset.add(batch))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageEndingWith(found)
                    .satisfies(
                            e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ErrorCode.INVALID_OPTION));
            assertThat(dataset.numExamples()).isEqualTo(4);
            assertThat(dataset.result("")).isEqualTo(before);
        }

        private RecordBatch withWeights(Column weights) {
            return new RecordBatch(weights.rowCount(), List.of(floats("x", v(1), v(2)), weights));
        }

        @Test
        void aMissingWeight() {
            assertRefused(
                    withWeights(floats("w", v(1), null)),
                    "weight feature \"w\": expected exactly one value per example, found a missing value");
        }

        @Test
        void aListOfWeights() {
            assertRefused(
                    withWeights(floats("w", v(1), v(1, 2))),
                    "weight feature \"w\": expected exactly one value per example, found 2 values");
            assertRefused(
                    withWeights(floats("w", v(), v(1))),
                    "weight feature \"w\": expected exactly one value per example, found an empty list");
        }

        @Test
        void aNegativeNanOrInfiniteWeight() {
            assertRefused(
                    withWeights(floats("w", v(1), v(-1.5))),
                    "weight feature \"w\": expected a finite weight >= 0, found -1.5");
            assertRefused(
                    withWeights(floats("w", v(Double.NaN), v(1))),
                    "weight feature \"w\": expected a finite weight >= 0, found NaN");
            assertRefused(
                    withWeights(floats("w", v(1), v(Double.POSITIVE_INFINITY))),
                    "weight feature \"w\": expected a finite weight >= 0, found Infinity");
            assertRefused(
                    withWeights(Rows.numericColumn("w", FeatureType.INT, List.of(v(-3), v(1)))),
                    "weight feature \"w\": expected a finite weight >= 0, found -3.0");
        }

        @Test
        void aStringWeightFeature() {
            assertRefused(
                    withWeights(strings("w", s("1"), s("2"))),
                    "weight feature \"w\": expected a numeric feature (INT or FLOAT), found STRING");
        }

        @Test
        void noWeightFeatureInABatchWithRows() {
            assertRefused(
                    new RecordBatch(2, List.of(floats("x", v(1), v(2)))),
                    "weight feature \"w\": expected a numeric feature with exactly one value per example, "
                            + "found no such feature");
        }

        @Test
        void anEmptyBatchNeedsNoWeights() {
            DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
            dataset.add(new RecordBatch(0, List.of(floats("x"))));
            assertThat(dataset.result("")
                            .getFeatures(0)
                            .getNumStats()
                            .getCommonStats()
                            .getWeightedCommonStats())
                    .isEqualTo(WeightedCommonStatistics.getDefaultInstance());
        }
    }

    @Nested
    class Misuse {
        @Test
        void weightsMustComeExactlyWithAWeightFeature() {
            Column x = floats("x", v(1));
            NumericAccumulator weighted = new NumericAccumulator("x", FeatureType.FLOAT, OPTIONS);
            assertThatThrownBy(() -> weighted.add(x))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("row weights are required");
            NumericAccumulator unweighted = new NumericAccumulator("x", FeatureType.FLOAT, StatisticsOptions.DEFAULT);
            assertThatThrownBy(() -> unweighted.add(x, new double[] {1})).isInstanceOf(IllegalArgumentException.class);
            StringAccumulator strings = new StringAccumulator("s", OPTIONS);
            assertThatThrownBy(() -> strings.add(strings("s", s("a")))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void weightedAndUnweightedDoNotMerge() {
            assertThatThrownBy(() -> new NumericAccumulator("x", FeatureType.FLOAT, OPTIONS)
                            .merge(new NumericAccumulator("x", FeatureType.FLOAT, StatisticsOptions.DEFAULT)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new StringAccumulator("s", StatisticsOptions.DEFAULT)
                            .merge(new StringAccumulator("s", OPTIONS)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new DatasetAccumulator(OPTIONS)
                            .merge(new DatasetAccumulator(OPTIONS.withWeightFeature("v"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"v\"");
        }

        @Test
        void aStandaloneAccumulatorTakesItsOwnWeightsAsTheDatasetsWeight() {
            StringAccumulator s = new StringAccumulator("s", OPTIONS);
            s.add(strings("s", s("a"), null), new double[] {2, 3});
            assertThat(s.result(2)
                            .getStringStats()
                            .getCommonStats()
                            .getWeightedCommonStats()
                            .getNumMissing())
                    .isEqualTo(3);
            assertThat(s.result(2, 10)
                            .getStringStats()
                            .getCommonStats()
                            .getWeightedCommonStats()
                            .getNumMissing())
                    .isEqualTo(8);
        }
    }

    @Nested
    class SerializedForm {
        private DatasetAccumulator unweighted() {
            DatasetAccumulator dataset = new DatasetAccumulator(StatisticsOptions.DEFAULT);
            dataset.add(example());
            return dataset;
        }

        private DatasetAccumulator weighted() {
            DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
            dataset.add(example());
            return dataset;
        }

        @Test
        void versionFiveDatasetOfVersionTwoFeatures() {
            assertThat(DatasetAccumulator.VERSION).isEqualTo(5);
            assertThat(AccumulatorCodec.VERSION).isEqualTo(2);
            assertThat(weighted().toBytes()[0]).isEqualTo((byte) 5);
        }

        @Test
        void weightedStateNeedsTheSameWeightFeature() {
            byte[] weighted = weighted().toBytes();
            byte[] unweighted = unweighted().toBytes();
            assertThatThrownBy(() -> DatasetAccumulator.fromBytes(weighted, StatisticsOptions.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("weighted by \"w\"");
            assertThatThrownBy(() -> DatasetAccumulator.fromBytes(weighted, OPTIONS.withWeightFeature("v")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DatasetAccumulator.fromBytes(unweighted, OPTIONS))
                    .isInstanceOf(IllegalArgumentException.class);
            byte[] feature = new NumericAccumulator("x", FeatureType.FLOAT, OPTIONS).toBytes();
            assertThatThrownBy(() -> FeatureAccumulator.fromBytes(feature, StatisticsOptions.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is weighted");
        }

        @Test
        void versionOneIsReadWithoutAWeightFeatureAndRefusedWithOne() throws IOException {
            DatasetAccumulator dataset = unweighted();
            byte[] versionOne = toVersionOne(dataset.toBytes());
            assertThat(versionOne[0]).isEqualTo((byte) 1);
            assertThat(DatasetAccumulator.fromBytes(versionOne, StatisticsOptions.DEFAULT)
                            .result("v1"))
                    .isEqualTo(dataset.result("v1"));
            assertThatThrownBy(() -> DatasetAccumulator.fromBytes(versionOne, OPTIONS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("format version 1");
        }

        @Test
        void truncatedWeightedBytesAreRefused() {
            byte[] bytes = weighted().toBytes();
            for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 97)) {
                byte[] truncated = java.util.Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> DatasetAccumulator.fromBytes(truncated, OPTIONS))
                        .as("first %d bytes", length)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }

        /** Rewrites an unweighted version-5 state as version 1 wrote it: no weight feature, no weighted flags. */
        private static byte[] toVersionOne(byte[] bytes) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            assertThat(in.readUnsignedByte()).isEqualTo(5);
            assertThat(in.readUTF()).isEmpty();
            out.writeByte(1);
            out.writeLong(in.readLong());
            assertThat(in.readDouble()).isZero();
            int count = in.readInt();
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                byte[] state = new byte[in.readInt()];
                in.readFully(state);
                DataInputStream feature = new DataInputStream(new ByteArrayInputStream(state));
                ByteArrayOutputStream featureBuffer = new ByteArrayOutputStream();
                DataOutputStream featureOut = new DataOutputStream(featureBuffer);
                assertThat(feature.readUnsignedByte()).isEqualTo(2);
                featureOut.writeByte(1);
                featureOut.writeByte(feature.readUnsignedByte());
                featureOut.writeUTF(feature.readUTF());
                assertThat(feature.readBoolean()).isFalse();
                featureOut.write(feature.readAllBytes());
                byte[] v1 = featureBuffer.toByteArray();
                out.writeInt(v1.length);
                out.write(v1);
            }
            assertThat(in.readInt()).as("sparse features").isZero();
            assertThat(in.readInt()).as("weighted features").isZero();
            assertThat(in.readInt()).as("natural-language features").isZero();
            assertThat(in.readInt()).as("image features").isZero();
            assertThat(in.readInt()).as("structs").isZero();
            assertThat(in.readInt()).as("nested features").isZero();
            assertThat(in.readInt()).as("bytes features").isZero();
            assertThat(in.readInt()).as("weight overrides").isZero();
            assertThat(in.available()).isZero();
            return buffer.toByteArray();
        }
    }

    /** Enough values that every sketch compacts: the bounds, not exactness, are what holds. */
    @Nested
    class Sketched {
        private List<double[]> rows(SplittableRandom random, int count) {
            List<double[]> rows = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                rows.add(random.nextInt(20) == 0 ? null : v(random.nextGaussian() * 100, random.nextInt(1000)));
            }
            return rows;
        }

        @Test
        void weightedQuantilesStayWithinTheirRankError() {
            for (WeightedRows.Kind kind : WeightedRows.Kind.values()) {
                SplittableRandom random = new SplittableRandom(kind.ordinal() + 71);
                int n = 40_000;
                List<double[]> rows = rows(random, n);
                double[] weights = WeightedRows.weights(random, kind, n);
                NumericAccumulator merged = new NumericAccumulator("x", FeatureType.FLOAT, OPTIONS);
                for (int from = 0; from < n; from += 10_000) {
                    NumericAccumulator part = new NumericAccumulator("x", FeatureType.FLOAT, OPTIONS);
                    for (int start = from; start < from + 10_000; start += 1_000) {
                        part.add(
                                Rows.numericColumn("x", FeatureType.FLOAT, rows.subList(start, start + 1_000)),
                                java.util.Arrays.copyOfRange(weights, start, start + 1_000));
                    }
                    merged.merge(part);
                }
                double total = WeightedBruteForce.sum(weights);
                FeatureNameStatistics result = merged.result(n, total);
                WeightedAssertions.assertNumeric(
                        result, WeightedBruteForce.numeric(rows, weights), BruteForceStatistics.numeric(rows), OPTIONS);
            }
        }

        @Test
        void weightedTopValuesPastTheExactCapStayWithinTheirError() {
            StatisticsOptions options = OPTIONS.withMaxExactDistinct(100);
            SplittableRandom random = new SplittableRandom(72);
            int n = 30_000;
            List<byte[][]> rows = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                int k = random.nextInt(3) == 0 ? random.nextInt(20_000) : (int) Math.exp(random.nextDouble() * 6);
                rows.add(new byte[][] {("v" + k).getBytes(StandardCharsets.UTF_8)});
            }
            double[] weights = WeightedRows.weights(random, WeightedRows.Kind.REALS, n);
            StringAccumulator merged = new StringAccumulator("s", options);
            for (int from = 0; from < n; from += 7_500) {
                StringAccumulator part = new StringAccumulator("s", options);
                part.add(
                        Rows.stringColumn("s", rows.subList(from, from + 7_500)),
                        java.util.Arrays.copyOfRange(weights, from, from + 7_500));
                merged.merge(part);
            }
            FeatureNameStatistics result = merged.result(n, WeightedBruteForce.sum(weights));
            double maxError = result.getCustomStatsList().stream()
                    .filter(c -> c.getName().equals(StringAccumulator.WEIGHTED_TOP_VALUES_MAX_ERROR))
                    .findFirst()
                    .orElseThrow()
                    .getNum();
            double total = WeightedBruteForce.sum(weights);
            assertThat(maxError).isPositive().isLessThanOrEqualTo(total / (WeightedFrequentItems.KEPT_AFTER_PURGE + 1));
            Map<String, Double> truth = WeightedBruteForce.byLabel(rows, weights);
            var top = result.getStringStats().getWeightedStringStats().getTopValuesList();
            assertThat(top).hasSize(20);
            for (var value : top) {
                double t = truth.get(value.getValue());
                assertThat(value.getFrequency())
                        .as(value.getValue())
                        .isBetween(t - 1e-9 * total, t + maxError + 1e-9 * total);
            }
            double smallestListed = top.get(top.size() - 1).getFrequency();
            var ranked = result.getStringStats()
                    .getWeightedStringStats()
                    .getRankHistogram()
                    .getBucketsList();
            java.util.Set<String> listed = new java.util.HashSet<>();
            ranked.forEach(b -> listed.add(b.getLabel()));
            double smallestRanked = ranked.get(ranked.size() - 1).getSampleCount();
            truth.forEach((label, t) -> {
                if (!listed.contains(label)) {
                    assertThat(t)
                            .as("unlisted %s", label)
                            .isLessThanOrEqualTo(
                                    Math.max(maxError, ranked.size() == 1000 ? smallestRanked : 1.0) + 1e-9 * total);
                }
            });
            assertThat(smallestListed).isGreaterThanOrEqualTo(StringAccumulator.WEIGHTED_FREQUENCY_THRESHOLD);
        }

        @Test
        void retainedBytesGrowWithTheWeightsRangeNotTheRows() {
            NumericAccumulator a = new NumericAccumulator("x", FeatureType.FLOAT, OPTIONS);
            SplittableRandom random = new SplittableRandom(73);
            long afterFew = 0;
            for (int batch = 0; batch < 200; batch++) {
                a.add(
                        Rows.numericColumn("x", FeatureType.FLOAT, rows(random, 1_000)),
                        WeightedRows.weights(random, WeightedRows.Kind.REALS, 1_000));
                if (batch == 10) {
                    afterFew = a.retainedBytes();
                }
            }
            assertThat(a.retainedBytes()).isLessThan(2 * afterFew).isLessThan(512 * 1024);
        }
    }
}
