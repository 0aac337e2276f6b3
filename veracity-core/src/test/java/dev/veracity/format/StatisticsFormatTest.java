package dev.veracity.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.StringStatistics;
import dev.veracity.stats.DatasetAccumulator;
import dev.veracity.stats.StatisticsOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StatisticsFormatTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/small-dataset-statistics.pbtxt");

    /** Every kind of statistic, with NaN and infinities wherever a double or float may hold them. */
    private static DatasetFeatureStatisticsList specialValues() {
        FeatureNameStatistics numeric = FeatureNameStatistics.newBuilder()
                .setPath(FeaturePaths.Path.newBuilder().addStep("fare"))
                .setType(FeatureNameStatistics.Type.FLOAT)
                .setNumStats(NumericStatistics.newBuilder()
                        .setCommonStats(CommonStatistics.newBuilder()
                                .setNumNonMissing(7)
                                .setNumMissing(1)
                                .setMinNumValues(0)
                                .setMaxNumValues(70)
                                .setAvgNumValues(Float.NaN)
                                .setTotNumValues(Long.MAX_VALUE)
                                .setNumValuesHistogram(Histogram.newBuilder()
                                        .setType(Histogram.HistogramType.QUANTILES)
                                        .addBuckets(Histogram.Bucket.newBuilder()
                                                .setLowValue(0)
                                                .setHighValue(70)
                                                .setSampleCount(0.7))))
                        .setMean(Double.NaN)
                        .setStdDev(Double.NaN)
                        .setNumZeros(2)
                        .setMin(Double.NEGATIVE_INFINITY)
                        .setMax(Double.POSITIVE_INFINITY)
                        .setMedian(4.9e-324)
                        .addHistograms(Histogram.newBuilder()
                                .setNumNan(3)
                                .addBuckets(Histogram.Bucket.newBuilder()
                                        .setLowValue(Double.NEGATIVE_INFINITY)
                                        .setHighValue(Double.NEGATIVE_INFINITY)
                                        .setSampleCount(1))
                                .addBuckets(Histogram.Bucket.newBuilder()
                                        .setLowValue(-1e308)
                                        .setHighValue(4.9e-324)
                                        .setSampleCount(1e-3))
                                .addBuckets(Histogram.Bucket.newBuilder()
                                        .setLowValue(Double.POSITIVE_INFINITY)
                                        .setHighValue(Double.POSITIVE_INFINITY)
                                        .setSampleCount(Double.NaN))))
                .addCustomStats(CustomStatistic.newBuilder().setName("nan").setNum(Double.NaN))
                .addCustomStats(CustomStatistic.newBuilder().setName("inf").setNum(Double.NEGATIVE_INFINITY))
                .build();
        FeatureNameStatistics strings = FeatureNameStatistics.newBuilder()
                .setName("company \"quoted\" \\ \n")
                .setType(FeatureNameStatistics.Type.STRING)
                .setStringStats(StringStatistics.newBuilder()
                        .setCommonStats(CommonStatistics.newBuilder().setNumNonMissing(3))
                        .setUnique(3)
                        .setAvgLength(Float.POSITIVE_INFINITY)
                        .setInvalidUtf8Count(1)
                        .addTopValues(StringStatistics.FreqAndValue.newBuilder()
                                .setValue("日本 😀")
                                .setFrequency(2))
                        .addTopValues(StringStatistics.FreqAndValue.newBuilder()
                                .setValue("__BYTES_VALUE__")
                                .setFrequency(1))
                        .setRankHistogram(RankHistogram.newBuilder()
                                .addBuckets(RankHistogram.Bucket.newBuilder()
                                        .setLowRank(0)
                                        .setHighRank(0)
                                        .setLabel("日本 😀")
                                        .setSampleCount(2))))
                .build();
        return DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(DatasetFeatureStatistics.newBuilder()
                        .setName("All Examples")
                        .setNumExamples(8)
                        .setWeightedNumExamples(Double.NaN)
                        .addFeatures(numeric)
                        .addFeatures(strings))
                .addDatasets(DatasetFeatureStatistics.getDefaultInstance())
                .build();
    }

    /** Six rows of three features: few values, so every sketch is exact and the output deterministic. */
    private static DatasetFeatureStatisticsList smallDataset() {
        ColumnBuilder fare = ColumnBuilder.of("fare", FeatureType.FLOAT);
        fare.appendFloat(1.5);
        fare.appendFloat(0);
        fare.appendMissing();
        fare.startList();
        fare.addFloat(2.25);
        fare.addFloat(3);
        fare.endList();
        fare.appendFloat(Double.NaN);
        fare.appendFloat(-1);
        ColumnBuilder trips = ColumnBuilder.of("trips", FeatureType.INT);
        for (long v : new long[] {3, 1, 4, 1, 5, 9}) {
            trips.appendInt(v);
        }
        ColumnBuilder company = ColumnBuilder.of("company", FeatureType.STRING);
        for (String v : new String[] {"Taxi Co", "Flash", "Taxi Co", null, "日本"}) {
            if (v == null) {
                company.appendMissing();
            } else {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                company.appendString(bytes, 0, bytes.length);
            }
        }
        byte[] invalid = {(byte) 0xFF, 'x'};
        company.startList();
        company.addString(invalid, 0, invalid.length);
        company.addString(new byte[0], 0, 0);
        company.endList();
        DatasetAccumulator dataset = new DatasetAccumulator(StatisticsOptions.DEFAULT);
        dataset.add(new RecordBatch(6, List.of(fare.build(), trips.build(), company.build())));
        return DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(dataset.result(""))
                .build();
    }

    private static byte[] write(StatisticsFormat format, DatasetFeatureStatisticsList statistics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(statistics, out);
        return out.toByteArray();
    }

    private static DatasetFeatureStatisticsList read(StatisticsFormat format, byte[] bytes) throws IOException {
        return format.read(new ByteArrayInputStream(bytes));
    }

    @Nested
    class RoundTrip {
        @ParameterizedTest
        @EnumSource(StatisticsFormat.class)
        void keepsNanInfinitiesAndText(StatisticsFormat format) throws IOException {
            DatasetFeatureStatisticsList statistics = specialValues();
            assertThat(read(format, write(format, statistics))).isEqualTo(statistics);
        }

        @ParameterizedTest
        @EnumSource(StatisticsFormat.class)
        void keepsComputedStatistics(StatisticsFormat format) throws IOException {
            DatasetFeatureStatisticsList statistics = smallDataset();
            assertThat(read(format, write(format, statistics))).isEqualTo(statistics);
        }

        @ParameterizedTest
        @EnumSource(StatisticsFormat.class)
        void keepsAnEmptyList(StatisticsFormat format) throws IOException {
            DatasetFeatureStatisticsList empty = DatasetFeatureStatisticsList.getDefaultInstance();
            assertThat(read(format, write(format, empty))).isEqualTo(empty);
        }

        @ParameterizedTest
        @EnumSource(StatisticsFormat.class)
        void leavesTheStreamOpen(StatisticsFormat format) throws IOException {
            boolean[] closed = {false};
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            FilterOutputStream out = new FilterOutputStream(bytes) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            format.write(specialValues(), out);
            assertThat(closed[0]).isFalse();
            assertThat(bytes.size()).isPositive();
        }
    }

    @Nested
    class Encodings {
        @Test
        void binaryIsTheWireFormat() throws IOException {
            DatasetFeatureStatisticsList statistics = specialValues();
            assertThat(write(StatisticsFormat.BINARY, statistics)).isEqualTo(statistics.toByteArray());
        }

        /** NaN and infinities are spelled as Python's text_format spells them; text beyond ASCII stays readable. */
        @Test
        void textUsesTfdvFieldNamesAndPythonSpellings() throws IOException {
            String text = new String(write(StatisticsFormat.TEXT, specialValues()), StandardCharsets.UTF_8);
            assertThat(text)
                    .contains(
                            "num_examples: 8",
                            "mean: nan",
                            "min: -inf",
                            "max: inf",
                            "median: 5e-324",
                            "type: STRING",
                            "step: \"fare\"",
                            "value: \"日本 😀\"",
                            "avg_length: inf");
            assertThat(text).doesNotContain("NaN", "Infinity");
        }

        /** Files written by Java's or C++'s printers spell them NaN and Infinity: both spellings read back. */
        @ParameterizedTest
        @CsvSource({"nan, inf, -inf", "NaN, Infinity, -Infinity", "nan, infinity, -Inf"})
        void textReadsEverySpellingOfNanAndInfinities(String nan, String inf, String minusInf) throws IOException {
            String text =
                    "datasets { features { num_stats { mean: " + nan + " max: " + inf + " min: " + minusInf + " } } }";
            NumericStatistics numeric = read(StatisticsFormat.TEXT, text.getBytes(StandardCharsets.UTF_8))
                    .getDatasets(0)
                    .getFeatures(0)
                    .getNumStats();
            assertThat(numeric.getMean()).isNaN();
            assertThat(numeric.getMax()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(numeric.getMin()).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        void negativeZeroSurvivesBinaryAndTextButJsonReadsItAsZero() throws IOException {
            DatasetFeatureStatisticsList negativeZero = DatasetFeatureStatisticsList.newBuilder()
                    .addDatasets(DatasetFeatureStatistics.newBuilder()
                            .addFeatures(FeatureNameStatistics.newBuilder()
                                    .setNumStats(NumericStatistics.newBuilder()
                                            .setMin(-0.0)
                                            .setMedian(-0.0))))
                    .build();
            for (StatisticsFormat format : List.of(StatisticsFormat.BINARY, StatisticsFormat.TEXT)) {
                assertThat(read(format, write(format, negativeZero))).isEqualTo(negativeZero);
            }
            NumericStatistics json = read(StatisticsFormat.JSON, write(StatisticsFormat.JSON, negativeZero))
                    .getDatasets(0)
                    .getFeatures(0)
                    .getNumStats();
            assertThat(json.getMin()).isEqualTo(0.0);
            assertThat(json.getMedian()).isEqualTo(0.0);
        }

        @Test
        void jsonUsesTheStandardMapping() throws IOException {
            String json = new String(write(StatisticsFormat.JSON, specialValues()), StandardCharsets.UTF_8);
            assertThat(json)
                    .contains(
                            "\"numExamples\": \"8\"",
                            "\"mean\": \"NaN\"",
                            "\"min\": \"-Infinity\"",
                            "\"max\": \"Infinity\"",
                            "\"type\": \"STRING\"")
                    .endsWith("\n");
        }

        @ParameterizedTest
        @EnumSource(
                value = StatisticsFormat.class,
                names = {"TEXT", "JSON"})
        void malformedInputIsAnInvalidProtocolBuffer(StatisticsFormat format) {
            byte[] garbage = "datasets { num_examples: \"eight\" ".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> read(format, garbage)).isInstanceOf(InvalidProtocolBufferException.class);
        }

        @Test
        void truncatedBinaryIsAnInvalidProtocolBuffer() throws IOException {
            byte[] bytes = write(StatisticsFormat.BINARY, specialValues());
            byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
            assertThatThrownBy(() -> read(StatisticsFormat.BINARY, truncated))
                    .isInstanceOf(InvalidProtocolBufferException.class);
        }
    }

    @Nested
    class FileNames {
        @ParameterizedTest
        @CsvSource({
            "FeatureStats.pb, BINARY",
            "train.stats.PB, BINARY",
            "stats.pbtxt, TEXT",
            "STATS.PBTXT, TEXT",
            "stats.json, JSON",
            "stats.pb.json, JSON",
            "stats.json.pb, BINARY",
        })
        void pickTheFormatByExtension(String fileName, StatisticsFormat expected) {
            assertThat(StatisticsFormat.forFileName(fileName)).contains(expected);
        }

        @ParameterizedTest
        @CsvSource({"stats.txt", "stats.pb.gz", "pb", "stats", "stats.jsonl", "''"})
        void noFormatForOtherExtensions(String fileName) {
            assertThat(StatisticsFormat.forFileName(fileName)).isEqualTo(Optional.empty());
        }

        @Test
        void extensionsStartWithADot() {
            assertThat(StatisticsFormat.BINARY.extension()).isEqualTo(".pb");
            assertThat(StatisticsFormat.TEXT.extension()).isEqualTo(".pbtxt");
            assertThat(StatisticsFormat.JSON.extension()).isEqualTo(".json");
        }
    }

    /** Regenerate with {@code -Dveracity.golden.update=true}; otherwise the text must match byte for byte. */
    @Test
    void textOfASmallDatasetMatchesTheGoldenFile() throws IOException {
        String actual = new String(write(StatisticsFormat.TEXT, smallDataset()), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("veracity.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN)
                .as("golden file; create it with -Dveracity.golden.update=true")
                .exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        assertThat(read(StatisticsFormat.TEXT, Files.readAllBytes(GOLDEN))).isEqualTo(smallDataset());
    }
}
