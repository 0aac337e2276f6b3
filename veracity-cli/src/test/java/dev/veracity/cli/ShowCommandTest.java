package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.StringStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
    @TempDir
    Path dir;

    @Test
    void showsNumericAndCategoricalTablesWithinOneHundredColumns() throws IOException {
        DatasetFeatureStatisticsList stats = DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(DatasetFeatureStatistics.newBuilder()
                        .setName("train")
                        .setNumExamples(8000)
                        .addFeatures(FeatureNameStatistics.newBuilder()
                                .setPath(FeaturePaths.Path.newBuilder()
                                        .addStep("a_very_long_feature_name_that_overflows"))
                                .setNumStats(NumericStatistics.newBuilder()
                                        .setCommonStats(CommonStatistics.newBuilder()
                                                .setNumNonMissing(7456)
                                                .setNumMissing(544)
                                                .setTotNumValues(7456))
                                        .setMean(17031345678.25)
                                        .setStdDev(-0.000012)
                                        .setNumZeros(12)
                                        .setMin(Double.NEGATIVE_INFINITY)
                                        .setMedian(5.123456789)
                                        .setMax(-123456.789)))
                        .addFeatures(FeatureNameStatistics.newBuilder()
                                .setName("notes")
                                .setType(FeatureNameStatistics.Type.STRING)
                                .setStringStats(StringStatistics.newBuilder()
                                        .setCommonStats(CommonStatistics.newBuilder()
                                                .setNumNonMissing(800)
                                                .setNumMissing(7200)
                                                .setTotNumValues(800))
                                        .setUnique(751)
                                        .setAvgLength(23.5f)
                                        .addTopValues(StringStatistics.FreqAndValue.newBuilder()
                                                .setValue("felt great,\nthen \"rain\" for the whole way home")
                                                .setFrequency(12)))))
                .build();
        Path file = dir.resolve("s.pb");
        StatisticsFiles.write(stats, file);

        CommandRun run = CommandRun.of("show", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Dataset train: 8,000 examples, 2 features")
                .contains("Numeric features (1)")
                .contains("Categorical features (1)")
                .contains("a_very_long_feature_n…")
                .contains("7,456")
                .contains("6.8%")
                .contains("1.703e+10")
                .contains("-inf")
                .contains("felt great,\\nthen")
                .contains("751")
                .contains("90.0%");
        assertThat(run.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void showsTfxFixturesNamedByPath() throws IOException {
        // TFX's own fixture, a test resource of veracity-core (see its README and NOTICE there).
        Path fixture = repositoryRoot()
                .resolve(
                        "veracity-core/src/test/resources/conformance/tfx-chicago-taxi/statistics/train/FeatureStats.pb");
        assertThat(fixture).isRegularFile();

        CommandRun run = CommandRun.of("show", fixture.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("10,036 examples, 18 features")
                .contains("payment_type")
                .contains("Cash")
                .contains("6,675")
                .contains("fare")
                .contains("700.07")
                .contains("trip_start_hour");
        assertThat(run.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void aFileThatIsNotStatisticsIsAClearError() throws IOException {
        Path file = dir.resolve("garbage.pb");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01});
        CommandRun run = CommandRun.of("show", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("garbage.pb: expected statistics").doesNotContain("\tat ");
    }

    @Test
    void aMissingFileIsAClearError() {
        CommandRun run = CommandRun.of("show", dir.resolve("none.pb").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("none.pb: no such file");
    }

    @Test
    void showsASchemaAsTfdvDisplaysIt() throws IOException {
        Path file = dir.resolve("curated.pbtxt");
        Files.writeString(file, """
                feature { name: "payment_type" value_count { min: 1 max: 1 } type: BYTES domain: "payment_type"
                          presence { min_fraction: 1.0 min_count: 1 } }
                feature { name: "tips" value_count { min: 1 } type: FLOAT float_domain { min: 0 max: 500 }
                          presence { min_count: 1 } not_in_environment: "SERVING" }
                feature { name: "legacy" type: INT lifecycle_stage: DEPRECATED }
                string_domain { name: "payment_type" value: "Cash" value: "Credit Card" }
                default_environment: "TRAINING" default_environment: "SERVING"
                """);

        CommandRun run = CommandRun.of("show", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Schema: 3 features, 1 string domains, environments TRAINING, SERVING");
        assertThat(run.out().lines())
                .anySatisfy(line -> assertThat(line).matches("payment_type +STRING +required +single +'payment_type'"));
        assertThat(run.out().lines())
                .anySatisfy(line -> assertThat(line)
                        .matches("tips +FLOAT +optional +\\[1,inf\\) +\\[0\\.0, 500\\.0] +not in SERVING"));
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).matches("legacy +INT .* deprecated"));
        assertThat(run.out()).contains("2: 'Cash', 'Credit Card'");
    }

    @Test
    void showsAnomaliesByTheirName() throws IOException {
        Path file = dir.resolve("anomalies.pbtxt");
        Files.writeString(file, """
                anomaly_info { key: "route" value { severity: ERROR short_description: "Unexpected string values"
                  reason { type: ENUM_TYPE_UNEXPECTED_STRING_VALUES short_description: "Unexpected string values"
                           description: "Examples contain values missing from the schema: X (<1%)." } } }
                """);

        CommandRun run = CommandRun.of("show", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("1 anomaly (1 error, 0 warnings)")
                .contains("route  ERROR")
                .contains("ENUM_TYPE_UNEXPECTED_STRING_VALUES")
                .contains("X (<1%)");
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    @Test
    void showsSemanticDomainsImagesLengthHistogramsCompositesAndStructs() throws IOException {
        Path file = dir.resolve("semantic.pb");
        StatisticsFiles.write(dev.veracity.testing.SemanticStatisticsFixture.statistics(), file);

        CommandRun run = CommandRun.of("show", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Semantic domain day: time_domain {string_format: '%Y-%m-%d'} (95.0% of values match)")
                .contains("Semantic domain note: natural_language_domain {} (90.0% of values match)")
                .contains("Semantic domain photo: image_domain {}")
                .contains("Images photo: UNKNOWN 10, jpeg 120, png 70; largest 640 x 480")
                .contains("Natural language note: coverage 0.9700")
                .contains("  token length (equal mass, 2 buckets): [1, 3] 40, [3, 11] 38")
                .contains("  sequence length (equal mass, 2 buckets): [2, 5] 95, [5, 9] 95")
                .contains("Sparse feature ad: missing_value 1, missing_index ad_index:0, max_length_diff ad_index:3,\n"
                        + "    min_length_diff ad_index:0")
                .contains("Weighted feature weighted_term: missing_weight 2")
                .contains("Struct trip: 180 present, 10.0% missing")
                .doesNotContain("Other feature");
        assertThat(run.out()
                        .lines()
                        .dropWhile(line -> !line.startsWith("Struct trip"))
                        .skip(1)
                        .limit(3))
                .containsExactly(
                        "  fare                         numeric      170 present, 5.6% missing",
                        "  stops                        struct       150 present, 16.7% missing",
                        "    city                       categorical  150 present, 0.0% missing");
        assertThat(run.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }
}
