package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.SchemaFiles;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story from the command line on CSV files: statistics of a training split, an inferred schema, and an
 * evaluation split with a new category, a missing column, an out-of-range value and a drop in presence, each
 * reported once with its TFDV type; serving data without the label passes in the SERVING environment.
 */
class SchemaWorkflowTest {
    @TempDir
    Path dir;

    private Path schema;

    private Path csv(String name, String header, int rows, RowWriter row) throws IOException {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) {
            text.append(row.write(i)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private interface RowWriter {
        String write(int i);
    }

    private Path stats(Path csv) {
        Path out = dir.resolve(csv.getFileName().toString().replace(".csv", ".pb"));
        CommandRun run = CommandRun.of("stats", csv.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    private static final String[] COLORS = {"red", "green", "blue"};
    private static final String[] SIZES = {"S", "M", "L"};

    @BeforeEach
    void inferFromTraining() throws IOException {
        Path train = csv(
                "train.csv",
                "color,size,age,score,label",
                300,
                i -> COLORS[i % 3] + "," + SIZES[i % 3] + "," + (20 + i % 41) + "," + (i % 7) * 0.5 + "," + i % 2);
        schema = dir.resolve("schema.pbtxt");
        CommandRun run =
                CommandRun.of("infer-schema", stats(train).toString(), "--infer-ranges", "-o", schema.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("inferred 5 features");
    }

    @Test
    void inferredSchemaHasDomainsRangesAndPresence() throws IOException {
        Map<String, Feature> features =
                SchemaFiles.read(schema).getFeatureList().stream().collect(Collectors.toMap(Feature::getName, f -> f));
        assertThat(features.get("color").getDomain()).isEqualTo("color");
        assertThat(features.get("age").getIntDomain().getMin()).isEqualTo(16);
        assertThat(features.get("age").getIntDomain().getMax()).isEqualTo(64);
        assertThat(features.get("label").hasBoolDomain()).isTrue();
        assertThat(features.get("score").getPresence().getMinFraction()).isEqualTo(1.0);
    }

    @Test
    void evalWithFourProblemsReportsEachOnceWithItsType() throws IOException {
        Path eval = csv(
                "eval.csv",
                "color,age,score,label",
                100,
                i -> (i == 7 ? "purple" : COLORS[i % 3]) + "," + (i == 3 ? 95 : 30) + "," + (i % 10 == 0 ? "" : "1.5")
                        + "," + i % 2);
        Path anomaliesFile = dir.resolve("anomalies.json");

        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                stats(eval).toString(),
                "-o",
                anomaliesFile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ANOMALIES);
        Anomalies anomalies = AnomaliesFiles.read(anomaliesFile);
        Map<String, String> types = anomalies.getAnomalyInfoMap().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().getReasonList().stream()
                                .map(r -> r.getType().name())
                                .collect(Collectors.joining(","))));
        assertThat(types)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "color", "ENUM_TYPE_UNEXPECTED_STRING_VALUES",
                        "size", "SCHEMA_MISSING_COLUMN",
                        "age", "INT_TYPE_BIG_INT",
                        "score", "FEATURE_TYPE_LOW_FRACTION_PRESENT"));
        assertThat(anomalies.getAnomalyInfoOrThrow("color").getDescription()).contains("purple (~1%)");
        assertThat(anomalies.getAnomalyInfoOrThrow("age").getDescription()).contains("95 > int_domain.max = 64");
        assertThat(anomalies.getAnomalyInfoOrThrow("score").getDescription())
                .contains("presence.min_fraction = 1, actual = 0.9 (10 of 100 examples lack it)");
        assertThat(run.out()).contains("4 anomalies (4 errors, 0 warnings)").contains("SCHEMA_MISSING_COLUMN");
        String json = Files.readString(anomaliesFile);
        assertThat(json).contains("\"anomalyInfo\"").contains("\"ENUM_TYPE_UNEXPECTED_STRING_VALUES\"");
    }

    @Test
    void servingWithoutTheLabelPassesOnlyInTheServingEnvironment() throws IOException {
        Schema.Builder edited = SchemaFiles.read(schema).toBuilder()
                .addDefaultEnvironment("TRAINING")
                .addDefaultEnvironment("SERVING");
        edited.getFeatureBuilderList().stream()
                .filter(f -> f.getName().equals("label"))
                .findFirst()
                .orElseThrow()
                .addNotInEnvironment("SERVING");
        SchemaFiles.write(edited.build(), schema);
        Path serving = stats(
                csv("serving.csv", "color,size,age,score", 50, i -> COLORS[i % 3] + "," + SIZES[i % 3] + ",40,2.0"));

        CommandRun asServing = CommandRun.of(
                "validate", "--schema", schema.toString(), "--stats", serving.toString(), "--environment", "SERVING");
        CommandRun asTraining = CommandRun.of(
                "validate", "--schema", schema.toString(), "--stats", serving.toString(), "--environment", "TRAINING");

        assertThat(asServing.exitCode()).as(asServing.out() + asServing.err()).isZero();
        assertThat(asServing.out()).startsWith("No anomalies");
        assertThat(asTraining.exitCode()).isEqualTo(ExitCodes.ANOMALIES);
        assertThat(asTraining.out()).contains("label  ERROR").contains("SCHEMA_MISSING_COLUMN");
    }

    @Test
    void unknownEnvironmentIsAUsageError() throws IOException {
        Path serving = stats(csv("serving.csv", "color", 5, i -> "red"));

        CommandRun run = CommandRun.of(
                "validate", "--schema", schema.toString(), "--stats", serving.toString(), "--environment", "STAGING");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err()).contains("\"STAGING\"").contains("declares none").doesNotContain("Exception");
    }

    @Test
    void severityOverrideTurnsAnomaliesIntoWarningsAndExitsZero() throws IOException {
        Path eval = stats(csv(
                "eval.csv",
                "color,size,age,score,label,extra",
                30,
                i -> COLORS[i % 3] + "," + SIZES[i % 3] + ",30,1.0," + i % 2 + ",x"));

        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                eval.toString(),
                "--severity",
                "SCHEMA_NEW_COLUMN=warning");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("1 anomaly (0 errors, 1 warning)").contains("extra  WARNING");
    }

    @Test
    void updateSchemaAcceptsWhatValidationRejected() throws IOException {
        Path eval = stats(csv(
                "eval.csv",
                "color,size,age,score,label",
                40,
                i -> (i == 0 ? "purple" : COLORS[i % 3]) + "," + SIZES[i % 3] + "," + (i == 1 ? 99 : 30) + ",1.0,"
                        + i % 2));
        Path updated = dir.resolve("updated.pbtxt");

        CommandRun update = CommandRun.of(
                "update-schema", "--schema", schema.toString(), "--stats", eval.toString(), "-o", updated.toString());
        CommandRun before = CommandRun.of("validate", "--schema", schema.toString(), "--stats", eval.toString());
        CommandRun after = CommandRun.of("validate", "--schema", updated.toString(), "--stats", eval.toString());

        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(before.exitCode()).isEqualTo(ExitCodes.ANOMALIES);
        assertThat(after.exitCode()).as(after.out()).isZero();
        Schema relaxed = SchemaFiles.read(updated);
        assertThat(relaxed.getStringDomainList().stream()
                        .filter(d -> d.getName().equals("color"))
                        .findFirst()
                        .orElseThrow()
                        .getValueList())
                .containsExactly("blue", "green", "red", "purple");
    }

    @Test
    void malformedSchemaIsAnInputErrorNamingTheFile() throws IOException {
        Path broken = dir.resolve("broken.pbtxt");
        Files.writeString(broken, "feature {\n  name: \"x\"\n  type: NUMBER\n}\n");
        Path stats = stats(csv("x.csv", "x", 3, i -> "1"));

        CommandRun run = CommandRun.of("validate", "--schema", broken.toString(), "--stats", stats.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err())
                .contains("broken.pbtxt")
                .contains("line 3")
                .contains("NUMBER")
                .doesNotContain("\tat ");
    }
}
