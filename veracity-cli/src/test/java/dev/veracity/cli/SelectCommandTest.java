package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectCommandTest {
    private static final Path TRAIN = Path.of("..", "examples", "runs", "train.csv");

    @TempDir
    Path dir;

    private Path csv(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /** {@return a CSV of n rows: label yes/no; signal follows the label with noise; copy equals it; noise none} */
    private Path generated(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("signal,copy,noise,color,label");
        for (int i = 0; i < n; i++) {
            String label = i % 3 == 0 ? "yes" : "no";
            double signal = (label.equals("yes") ? 1 : 0) + ((i * 7919) % 100) / 50.0;
            lines.add(signal + "," + label + "," + ((i * 104729) % 97) + "," + (i % 4 == 0 ? "red" : "blue") + ","
                    + label);
        }
        return csv("generated.csv", lines.toArray(String[]::new));
    }

    @Nested
    class OnTheBundledExample {
        @Test
        void printsARankingTableAndWritesTheJsonContract() throws IOException {
            Path ranking = dir.resolve("ranking.json");
            CommandRun run = CommandRun.of(
                    "select", TRAIN.toString(), "--label", "completed", "-k", "5", "-o", ranking.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("Label completed (classification), 8000 labelled rows; 5 of 13 features")
                    .containsPattern("distance_km +numeric +[0-9.]+ +yes +F=")
                    .contains("started_at: id_like:")
                    .contains("run_id: id_like:");
            String json = Files.readString(ranking);
            assertThat(json)
                    .contains(
                            "\"label\" : \"completed\"",
                            "\"task\" : \"classification\"",
                            "\"rows\" : 8000",
                            "\"anova_f\" : {",
                            "\"chi2\" : {",
                            "\"dof\" :",
                            "\"mutual_information\" : {",
                            "\"value\" :",
                            "\"cramers_v\" : {",
                            "\"p_value\" :",
                            "\"selected\" : true")
                    .doesNotContain("NaN", "Infinity");
            assertThat(json.split("\"selected\" : true", -1)).hasSize(6);
            assertThat(json)
                    .containsPattern("\"name\" : \"run_id\",\\s+\"kind\" : \"numeric\",\\s+\"rank\" : \\d+,"
                            + "\\s+\"selected\" : false")
                    .containsPattern("id_like: about \\d+ distinct INT values on 8000 complete rows");
        }

        @Test
        void sameInputSameBytes() throws IOException {
            Path first = dir.resolve("first.json");
            Path second = dir.resolve("second.json");
            CommandRun.of("select", TRAIN.toString(), "--label", "completed", "-o", first.toString());
            CommandRun.of("select", TRAIN.toString(), "--label", "completed", "-o", second.toString());
            assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        }

        @Test
        void helpHasAnExampleAndFitsOneHundredColumns() {
            CommandRun run = CommandRun.of("select", "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("veracity select examples/runs/train.csv --label completed");
            assertThat(run.out().lines())
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        }
    }

    @Nested
    class Warnings {
        @Test
        void aCopyOfTheLabelIsFlaggedAsLeakageNotSelectedAndExitsOne() throws IOException {
            Path ranking = dir.resolve("ranking.json");
            CommandRun run =
                    CommandRun.of("select", generated(300).toString(), "--label", "label", "-o", ranking.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out())
                    .containsPattern("copy +categorical +[0-9.]+ +no")
                    .containsPattern("signal +numeric +[0-9.]+ +yes")
                    .contains("copy: leakage:");
        }

        @Test
        void aFeatureWithTooFewCompleteRowsGetsNoScoreAndAWarningNeverNaN() throws IOException {
            Path data = csv("few.csv", "x,rare,label", "1,5,a", "2,,b", "3,,a", "4,,b", "5,,a", "6,,b");
            Path ranking = dir.resolve("ranking.json");
            CommandRun run = CommandRun.of("select", data.toString(), "--label", "label", "-o", ranking.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            String json = Files.readString(ranking);
            assertThat(json)
                    .contains("too_few_rows: anova_f: needs at least 2 classes", "mostly_missing")
                    .doesNotContain("NaN", "Infinity");
        }

        @Test
        void aConstantFeatureIsWarnedAndNotSelected() throws IOException {
            Path data = csv("constant.csv", "same,x,label", "k,1,a", "k,2,b", "k,3,a", "k,4,b", "k,5,a");
            CommandRun run = CommandRun.of("select", data.toString(), "--label", "label");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .containsPattern("same +categorical +0\\.0000 +no")
                    .contains("same: constant:");
        }
    }

    @Nested
    class Redundancy {
        /** {@return n rows: signal and twin (2 signal + 1) follow the label; color and shade are one variable} */
        private Path twins(int n) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add("signal,twin,other,color,shade,label");
            for (int i = 0; i < n; i++) {
                boolean yes = i % 3 == 0;
                double signal = (yes ? 1 : 0) + ((i * 7919) % 100) / 50.0;
                double other = (yes ? 0.5 : 0) + ((i * 104729) % 89) / 20.0;
                boolean red = (i * 31) % 7 < 3 ^ (yes && i % 2 == 0);
                lines.add(signal + "," + (2 * signal + 1) + "," + other + "," + (red ? "red" : "blue") + ","
                        + (red ? "dark" : "light") + "," + (yes ? "yes" : "no"));
            }
            return csv("twins.csv", lines.toArray(String[]::new));
        }

        @Test
        void twoCopiesOfTheSameSignalAreNotBothSelectedInEitherOrder() throws IOException {
            Path data = twins(600);
            for (String order : List.of("relevance", "mrmr")) {
                Path ranking = dir.resolve(order + ".json");
                CommandRun run = CommandRun.of(
                        "select", data.toString(), "--label", "label", "--order", order, "-o", ranking.toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
                String json = Files.readString(ranking);
                assertThat(json)
                        .as(order)
                        .containsPattern(
                                "\"redundant_with\" : \\{\\s+\"name\" : \"(signal|twin)\",\\s+" + "\"value\" : 1\\.0")
                        .containsPattern(
                                "\"redundant_with\" : \\{\\s+\"name\" : \"(color|shade)\",\\s+" + "\"value\" : 1\\.0")
                        .contains("redundant: pearson r 1.0000 with ", "redundant: cramers_v 1.0000 with ");
                assertThat(json.split("\"selected\" : true", -1)).as(order).hasSize(4);
            }
        }

        private double stability(String json, String feature) {
            Matcher m = Pattern.compile("\"name\" : \"" + feature + "\",[^}]*?\"stability\" : ([0-9.E-]+),")
                    .matcher(json);
            assertThat(m.find()).as(feature).isTrue();
            return Double.parseDouble(m.group(1));
        }

        @Test
        void bootstrapStabilityIsDeterministicAndOneForAStrongFeature() throws IOException {
            Path data = twins(300);
            Path first = dir.resolve("first.json");
            Path second = dir.resolve("second.json");
            for (Path out : List.of(first, second)) {
                CommandRun run = CommandRun.of(
                        "select",
                        data.toString(),
                        "--label",
                        "label",
                        "--bootstrap",
                        "15",
                        "--seed",
                        "7",
                        "-o",
                        out.toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
            }
            assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
            String json = Files.readString(first);
            // other is always selected; of the two copies exactly one is, in every resample; shade never is.
            assertThat(stability(json, "other")).isEqualTo(1.0);
            assertThat(stability(json, "signal") + stability(json, "twin")).isCloseTo(1.0, within(1e-12));
            assertThat(stability(json, "shade")).isZero();
            assertThat(json.split("\"stability\" :", -1)).hasSize(6);
            Path plain = dir.resolve("plain.json");
            CommandRun.of("select", data.toString(), "--label", "label", "-o", plain.toString());
            assertThat(Files.readString(plain)).doesNotContain("stability");
            CommandRun bad = CommandRun.of("select", data.toString(), "--label", "label", "--bootstrap", "-1");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("--bootstrap: expected 0 to 10000 resamples, found -1");
        }

        @Test
        void aThresholdOfOneStillCatchesExactCopiesAndBadOptionsAreExitTwo() throws IOException {
            Path data = twins(200);
            CommandRun run = CommandRun.of("select", data.toString(), "--label", "label", "--max-redundancy", "1");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("redundant: pearson r 1.0000");
            CommandRun order = CommandRun.of("select", data.toString(), "--label", "label", "--order", "best");
            assertThat(order.exitCode()).isEqualTo(2);
            assertThat(order.err()).contains("veracity: error: --order: expected relevance or mrmr, found best");
            CommandRun zero = CommandRun.of("select", data.toString(), "--label", "label", "--max-redundancy", "0");
            assertThat(zero.exitCode()).isEqualTo(2);
            assertThat(zero.err()).contains("--max-redundancy: expected a value in (0, 1]");
        }
    }

    @Nested
    class Formats {
        @Test
        void jsonLinesGiveTheSameScoresAsCsv() throws IOException {
            Path data = generated(120);
            List<String> lines = Files.readAllLines(data);
            List<String> json = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                json.add("{\"signal\": " + f[0] + ", \"copy\": \"" + f[1] + "\", \"noise\": " + f[2] + ", \"color\": \""
                        + f[3] + "\", \"label\": \"" + f[4] + "\"}");
            }
            Path jsonl = dir.resolve("generated.jsonl");
            Files.write(jsonl, json);
            Path fromCsv = dir.resolve("csv.json");
            Path fromJson = dir.resolve("jsonl.json");
            CommandRun.of("select", data.toString(), "--label", "label", "-o", fromCsv.toString());
            CommandRun run = CommandRun.of("select", jsonl.toString(), "--label", "label", "-o", fromJson.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(Files.readString(fromJson)).isEqualTo(Files.readString(fromCsv));
        }
    }

    @Nested
    class Regression {
        @Test
        void aFloatLabelIsRegressionWithCorrelationsAndAnovaForCategories() throws IOException {
            Path ranking = dir.resolve("ranking.json");
            CommandRun run = CommandRun.of(
                    "select",
                    TRAIN.toString(),
                    "--label",
                    "pace_min_per_km",
                    "--methods",
                    "pearson,spearman,anova_f",
                    "--json",
                    "-o",
                    ranking.toString());
            assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
            String json = Files.readString(ranking);
            assertThat(json)
                    .contains("\"task\" : \"regression\"", "\"pearson\" : {", "\"spearman\" : {", "\"eta_squared\" :")
                    .doesNotContain("\"f_regression\"", "NaN");
            assertThat(run.out()).isEqualTo(json);
        }
    }

    @Nested
    class Schemas {
        @Test
        void schemaOutDeprecatesUnselectedFeaturesAndTheSchemaMakesAnIntCategorical() throws IOException {
            Path data = generated(200);
            Path schema = dir.resolve("schema.pbtxt");
            Files.writeString(
                    schema,
                    "feature { name: \"signal\" type: FLOAT }\n"
                            + "feature { name: \"noise\" type: INT int_domain { is_categorical: true } }\n"
                            + "feature { name: \"color\" type: BYTES }\n"
                            + "feature { name: \"label\" type: BYTES }\n");
            Path out = dir.resolve("selected.pbtxt");
            Path ranking = dir.resolve("ranking.json");
            CommandRun run = CommandRun.of(
                    "select",
                    data.toString(),
                    "--label",
                    "label",
                    "-k",
                    "1",
                    "--schema",
                    schema.toString(),
                    "--schema-out",
                    out.toString(),
                    "-o",
                    ranking.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).containsPattern("noise +categorical");
            String written = Files.readString(out);
            assertThat(written)
                    .containsPattern("name: \"color\"[^}]*lifecycle_stage: DEPRECATED")
                    .contains("is_categorical: true\n  }\n  lifecycle_stage: DEPRECATED");
            assertThat(written.split("lifecycle_stage: DEPRECATED", -1)).hasSize(3);
        }
    }

    @Nested
    class Serving {
        private final Path servingCsv = Path.of("..", "examples", "runs", "serving.csv");

        private Path servingStats() {
            Path stats = dir.resolve("serving.pb");
            CommandRun run = CommandRun.of("stats", servingCsv.toString(), "-o", stats.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            return stats;
        }

        @Test
        void aColumnServingLacksIsFlaggedNotSelectedAndExitsOne() throws IOException {
            Path stats = servingStats();
            CommandRun clean = CommandRun.of(
                    "select", TRAIN.toString(), "--label", "completed", "--serving-stats", stats.toString());
            assertThat(clean.exitCode()).as(clean.err()).isZero();
            assertThat(clean.out()).doesNotContain("absent_in_serving");

            Path ranking = dir.resolve("ranking.json");
            CommandRun run = CommandRun.of(
                    "select",
                    TRAIN.toString(),
                    "--label",
                    "suggested",
                    "--serving-stats",
                    stats.toString(),
                    "-o",
                    ranking.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("completed: absent_in_serving: not in the serving statistics");
            assertThat(Files.readString(ranking))
                    .containsPattern("\"name\" : \"completed\",[^}]*\"selected\" : false")
                    .contains("absent_in_serving: not in the serving statistics");
        }

        @Test
        void theSchemaEnvironmentFlagsAFeatureAndAnUndeclaredEnvironmentIsExitTwo() throws IOException {
            Path data = generated(60);
            Path schema = dir.resolve("schema.pbtxt");
            Files.writeString(
                    schema,
                    "default_environment: \"TRAINING\"\ndefault_environment: \"SERVING\"\n"
                            + "feature { name: \"signal\" type: FLOAT }\n"
                            + "feature { name: \"color\" type: BYTES not_in_environment: \"SERVING\" }\n");
            CommandRun run = CommandRun.of(
                    "select", data.toString(), "--label", "label", "--schema", schema.toString(), "--json");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out())
                    .containsPattern("\"name\" : \"color\",[^}]*\"selected\" : false")
                    .contains("absent_in_serving: the schema lists it not_in_environment SERVING");
            CommandRun other = CommandRun.of(
                    "select",
                    data.toString(),
                    "--label",
                    "label",
                    "--schema",
                    schema.toString(),
                    "--serving-environment",
                    "ONLINE");
            assertThat(other.exitCode()).isEqualTo(2);
            assertThat(other.err().strip())
                    .contains("--serving-environment: expected an environment of the schema's default_environment")
                    .doesNotContain("\n");
            assertThat(CommandRun.of("select", data.toString(), "--label", "label", "--serving-environment", "X")
                            .err())
                    .contains("--serving-environment: expected --schema too");
        }
    }

    @Nested
    class Lift {
        @Test
        void liftIsWrittenIntoTheStatisticsAndShowDisplaysIt() throws IOException {
            Path stats = dir.resolve("lift.pbtxt");
            CommandRun run = CommandRun.of(
                    "select", TRAIN.toString(), "--label", "completed", "--lift", "--stats-out", stats.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            String text = Files.readString(stats);
            assertThat(text)
                    .contains("cross_features {", "lift_series {", "y_int: 1", "x_string: \"trail\"")
                    .contains("name: \"Lift (Y=0)\"", "rank_histogram {");
            CommandRun show = CommandRun.of("show", stats.toString());
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out())
                    .contains("Lift of surface against completed: P(completed | value) / P(completed)")
                    .containsPattern("completed=0 \\([0-9,]+ examples\\)")
                    .containsPattern("trail +[0-9.]+ +[0-9,]+ of [0-9,]+ examples with it");
            assertThat(show.out().lines())
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        }

        @Test
        void liftNeedsStatsOutAndAClassificationLabel() throws IOException {
            Path data = csv("regression.csv", "x,y", "a,1.5", "b,2.5", "a,3.5", "b,0.5");
            CommandRun noOut = CommandRun.of("select", data.toString(), "--label", "y", "--lift");
            assertThat(noOut.exitCode()).isEqualTo(2);
            assertThat(noOut.err()).contains("--lift: expected --stats-out FILE too");
            CommandRun regression = CommandRun.of(
                    "select",
                    data.toString(),
                    "--label",
                    "y",
                    "--lift",
                    "--stats-out",
                    dir.resolve("s.pb").toString());
            assertThat(regression.exitCode()).isEqualTo(2);
            assertThat(regression.err().strip())
                    .contains("--lift: expected a categorical label")
                    .doesNotContain("\n");
        }
    }

    @Nested
    class BadInput {
        @Test
        void aMissingLabelColumnIsExitTwoOneLine() {
            CommandRun run = CommandRun.of("select", TRAIN.toString(), "--label", "nope");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .startsWith("veracity: error:")
                    .contains("expected a column nope")
                    .doesNotContain("\n");
        }

        @Test
        void aConstantLabelIsExitTwo() throws IOException {
            Path data = csv("constant.csv", "x,label", "1,a", "2,a", "3,a");
            CommandRun run = CommandRun.of("select", data.toString(), "--label", "label");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip()).contains("found it constant (a)").doesNotContain("\n");
        }

        @Test
        void aLabelMissingEverywhereIsExitTwo() throws IOException {
            Path data = csv("missing.csv", "x,label", "1,", "2,", "3,");
            CommandRun run = CommandRun.of("select", data.toString(), "--label", "label");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .contains("found it missing on every row")
                    .doesNotContain("\n");
        }

        @Test
        void regressionOnATextLabelAndBadOptionsAreExitTwo() throws IOException {
            Path data = generated(30);
            assertThat(CommandRun.of("select", data.toString(), "--label", "label", "--task", "regression")
                            .exitCode())
                    .isEqualTo(2);
            assertThat(CommandRun.of("select", data.toString(), "--label", "label", "--methods", "lasso")
                            .err())
                    .contains("--methods: expected anova_f");
            assertThat(CommandRun.of("select", data.toString(), "--label", "label", "--min-score", "2")
                            .exitCode())
                    .isEqualTo(2);
        }
    }
}
