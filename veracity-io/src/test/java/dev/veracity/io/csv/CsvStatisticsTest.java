package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.FeatureType;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Veracity;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.StringStatistics;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.StatisticsAssertions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** End to end, from fixed CSV files to statistics, checked by hand and against the brute-force oracle. */
class CsvStatisticsTest {
    private static final FeatureType INT = FeatureType.INT;
    private static final FeatureType FLOAT = FeatureType.FLOAT;
    private static final FeatureType STRING = FeatureType.STRING;
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    /** Five columns of every kind; the writer must quote some names and values. */
    private static final CsvTable TABLE = CsvTable.ofText(
            List.of("trips", "fare, usd", "city", "nothing", "mixed"),
            List.of(INT, FLOAT, STRING, INT, FLOAT),
            List.of(
                    List.of("3", "", "-9223372036854775808", "0", " 12 ", "9223372036854775807", "-4"),
                    List.of("2.5", "nan", "-inf", "", "1e-5", "-0.0", "Infinity"),
                    List.of("Überlingen", "a,b", "say \"hi\"", "two\r\nlines", "", " Łazienki ", "Überlingen"),
                    List.of("", "", "", "", "", "", ""),
                    List.of("1", "2.25", "", "-7", "1e3", "9223372036854775807", "0.1")));

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("data.csv"), bytes);
    }

    private Path write(String text) throws IOException {
        return write(text.getBytes(UTF_8));
    }

    private static DatasetFeatureStatistics statistics(Path file, CsvOptions csv) throws IOException {
        ComputedStatistics computed =
                Veracity.statistics(file).withCsvOptions(csv).compute();
        assertThat(computed.skippedRecords()).isZero();
        assertThat(computed.statistics().getDatasetsCount()).isEqualTo(1);
        return computed.statistics().getDatasets(0);
    }

    private static DatasetFeatureStatistics statistics(Path file) throws IOException {
        return statistics(file, CsvOptions.DEFAULT);
    }

    /** {@return the bytes of the parts: a String as UTF-8, a byte[] as it is} */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof String s ? s.getBytes(UTF_8) : (byte[]) part);
        }
        return out.toByteArray();
    }

    /** {@return a one-column table of byte cells} */
    private static CsvTable column(String name, FeatureType type, byte[]... cells) {
        return new CsvTable(List.of(name), List.of(type), List.of(List.of(cells)));
    }

    @Nested
    class Columns {
        @Test
        void infersEachColumnTypeAndKeepsTheHeaderOrder() throws IOException {
            DatasetFeatureStatistics statistics =
                    statistics(TABLE.write(dir.resolve("data.csv"), CsvTable.Style.PLAIN));

            assertThat(statistics.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0))
                    .containsExactly("trips", "fare, usd", "city", "nothing", "mixed");
            assertThat(statistics.getFeaturesList())
                    .extracting(FeatureNameStatistics::getType)
                    .containsExactly(
                            FeatureNameStatistics.Type.INT,
                            FeatureNameStatistics.Type.FLOAT,
                            FeatureNameStatistics.Type.STRING,
                            FeatureNameStatistics.Type.INT,
                            FeatureNameStatistics.Type.FLOAT);
            TABLE.assertMatches(statistics, OPTIONS);
        }

        @Test
        void readsIntsOfTheWholeRangeWithZerosSignsSpacesAndMissingCells() throws IOException {
            Path file = write("trips\n9223372036854775807\n-9223372036854775808\n0\n-0\n+0\n 42 \n\"\"\n-7\n007\n");

            DatasetFeatureStatistics statistics = statistics(file);

            NumericStatistics s = statistics.getFeatures(0).getNumStats();
            assertThat(s.getCommonStats().getNumNonMissing()).isEqualTo(8);
            assertThat(s.getCommonStats().getNumMissing()).isEqualTo(1);
            assertThat(s.getNumZeros()).isEqualTo(3);
            assertThat(s.getMin()).isEqualTo((double) Long.MIN_VALUE);
            assertThat(s.getMax()).isEqualTo((double) Long.MAX_VALUE);
            column(
                            "trips",
                            INT,
                            "9223372036854775807".getBytes(UTF_8),
                            "-9223372036854775808".getBytes(UTF_8),
                            bytes("0"),
                            bytes("-0"),
                            bytes("+0"),
                            bytes(" 42 "),
                            bytes(""),
                            bytes("-7"),
                            bytes("007"))
                    .assertMatches(statistics, OPTIONS);
        }

        @Test
        void readsFloatsAsJavaParsesThemWithPythonSpellingsOfInfinityAndNan() throws IOException {
            Path file = write("fare\r\nNaN\r\ninf\r\n-inf\r\nInfinity\r\n-INFINITY\r\n0\r\n-0.0\r\n1e-5\r\n"
                    + "0.1000000000000000055511151231257827\r\n\"\"\r\n 2.5 \r\n1e309\r\n4.9e-324\r\n");

            DatasetFeatureStatistics statistics = statistics(file);

            NumericStatistics s = statistics.getFeatures(0).getNumStats();
            assertThat(statistics.getFeatures(0).getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
            assertThat(s.getNumZeros()).isEqualTo(2);
            assertThat(s.getHistograms(0).getNumNan()).isEqualTo(1);
            assertThat(s.getMin()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(s.getMax()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(s.getMean()).isNaN();
            assertThat(s.getHistograms(0).getBuckets(0))
                    .isEqualTo(Histogram.Bucket.newBuilder()
                            .setLowValue(Double.NEGATIVE_INFINITY)
                            .setHighValue(Double.NEGATIVE_INFINITY)
                            .setSampleCount(2)
                            .build());
            column(
                            "fare",
                            FLOAT,
                            bytes("NaN"),
                            bytes("inf"),
                            bytes("-inf"),
                            bytes("Infinity"),
                            bytes("-INFINITY"),
                            bytes("0"),
                            bytes("-0.0"),
                            bytes("1e-5"),
                            bytes("0.1000000000000000055511151231257827"),
                            bytes(""),
                            bytes(" 2.5 "),
                            bytes("1e309"),
                            bytes("4.9e-324"))
                    .assertMatches(statistics, OPTIONS);
        }

        @Test
        void typesAColumnOfIntsAndFloatsAsFloat() throws IOException {
            Path file = write("mixed\n1\n2.25\n-7\n1e3\n9223372036854775807\n");

            DatasetFeatureStatistics statistics = statistics(file);

            assertThat(statistics.getFeatures(0).getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
            assertThat(statistics.getFeatures(0).getNumStats().getMax()).isEqualTo(9.223372036854775807e18);
            column("mixed", FLOAT, bytes("1"), bytes("2.25"), bytes("-7"), bytes("1e3"), bytes("9223372036854775807"))
                    .assertMatches(statistics, OPTIONS);
        }

        @Test
        void keepsStringsAsTheirRawBytes() throws IOException {
            byte[] invalid = {(byte) 0xFF};
            byte[] truncated = {'a', (byte) 0xC3, 'b'};
            Path file = write(bytes(
                    "\uFEFFcity\r\nÜberlingen\r\n\"Łazienki\"\r\n😀\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n",
                    "\"two\nlines\"\r\n\"two\r\nlines\"\r\n\"cr\ronly\"\r\n  padded  \r\n",
                    invalid,
                    "\r\n",
                    truncated,
                    "\r\nÜberlingen\r\n\"\"\r\n"));

            DatasetFeatureStatistics statistics = statistics(file);

            StringStatistics s = statistics.getFeatures(0).getStringStats();
            assertThat(statistics.getNumExamples()).isEqualTo(13);
            assertThat(s.getCommonStats().getNumMissing()).isEqualTo(1);
            assertThat(s.getUnique()).isEqualTo(11);
            assertThat(s.getInvalidUtf8Count()).isEqualTo(2);
            // 11 + 9 + 4 + 3 + 8 + 9 + 10 + 7 + 10 + 1 + 3 + 11 bytes in 12 values
            assertThat(s.getAvgLength()).isEqualTo((float) (86.0 / 12));
            assertThat(s.getTopValues(0).getValue()).isEqualTo("Überlingen");
            assertThat(s.getTopValues(0).getFrequency()).isEqualTo(2);
            assertThat(s.getTopValuesList())
                    .extracting(StringStatistics.FreqAndValue::getValue)
                    .contains(BruteForceStatistics.BYTES_VALUE_LABEL, "two\r\nlines", "cr\ronly", "  padded  ");
            column(
                            "city",
                            STRING,
                            bytes("Überlingen"),
                            bytes("Łazienki"),
                            bytes("😀"),
                            bytes("a,b"),
                            bytes("say \"hi\""),
                            bytes("two\nlines"),
                            bytes("two\r\nlines"),
                            bytes("cr\ronly"),
                            bytes("  padded  "),
                            invalid,
                            truncated,
                            bytes("Überlingen"),
                            bytes(""))
                    .assertMatches(statistics, OPTIONS);
        }

        @Test
        void typesAColumnWithoutValuesAsIntWithEveryRowMissing() throws IOException {
            Path file = write("a,nothing,b\n1,,x\n2,\"\",y\n3,,z\n");

            DatasetFeatureStatistics statistics = statistics(file);

            FeatureNameStatistics nothing = statistics.getFeatures(1);
            assertThat(nothing.getType()).isEqualTo(FeatureNameStatistics.Type.INT);
            assertThat(nothing.getNumStats())
                    .isEqualTo(NumericStatistics.newBuilder()
                            .setCommonStats(CommonStatistics.newBuilder().setNumMissing(3))
                            .build());
            CsvTable.ofText(
                            List.of("a", "nothing", "b"),
                            List.of(INT, INT, STRING),
                            List.of(List.of("1", "2", "3"), List.of("", "", ""), List.of("x", "y", "z")))
                    .assertMatches(statistics, OPTIONS);
        }

        @Test
        void countsNoExamplesButReportsTheColumnsOfAHeaderOnlyFile() throws IOException {
            var dataset = statistics(write("a,b\r\n"));
            assertThat(dataset.getNumExamples()).isZero();
            assertThat(dataset.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0) + ":" + f.getType())
                    .containsExactly("a:INT", "b:INT");
            assertThat(dataset.getFeatures(0).getNumStats().getCommonStats().getNumNonMissing())
                    .isZero();
        }
    }

    @Nested
    class Layout {
        static Stream<CsvTable.Style> styles() {
            List<CsvTable.Style> styles = new ArrayList<>();
            for (String lineEnd : List.of("\n", "\r\n")) {
                for (boolean bom : new boolean[] {false, true}) {
                    for (boolean finalLineEnd : new boolean[] {false, true}) {
                        styles.add(new CsvTable.Style(lineEnd, bom, finalLineEnd, bom ? 1 : 0.5, 0.2, 7));
                    }
                }
            }
            return styles.stream();
        }

        @ParameterizedTest
        @MethodSource("styles")
        void lineEndsByteOrderMarkQuotesAndBlankLinesDoNotChangeTheStatistics(CsvTable.Style style) throws IOException {
            DatasetFeatureStatistics plain = statistics(TABLE.write(dir.resolve("plain.csv"), CsvTable.Style.PLAIN));

            DatasetFeatureStatistics styled = statistics(TABLE.write(dir.resolve("styled.csv"), style));

            TABLE.assertMatches(styled, OPTIONS);
            assertSameExactFields(styled, plain);
        }

        @Test
        void batchesOfAFewRowsMergeToTheStatisticsOfOneBatch() throws IOException {
            Path file = TABLE.write(dir.resolve("data.csv"), CsvTable.Style.PLAIN.withLineEnd("\r\n"));
            DatasetFeatureStatistics whole = statistics(file);

            for (int batchSize : new int[] {1, 2, 3, 6}) {
                DatasetFeatureStatistics merged = statistics(file, CsvOptions.DEFAULT.withBatchSize(batchSize));

                TABLE.assertMatches(merged, OPTIONS);
                assertSameExactFields(merged, whole);
            }
        }

        private static void assertSameExactFields(DatasetFeatureStatistics actual, DatasetFeatureStatistics expected) {
            assertThat(actual.getNumExamples()).isEqualTo(expected.getNumExamples());
            assertThat(actual.getFeaturesList())
                    .extracting(StatisticsAssertions::exactPart)
                    .containsExactlyElementsOf(expected.getFeaturesList().stream()
                            .map(StatisticsAssertions::exactPart)
                            .toList());
        }
    }
}
