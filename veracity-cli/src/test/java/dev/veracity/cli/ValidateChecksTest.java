package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --checks}: custom checks with and without a schema, their exit codes and file errors. */
class ValidateChecksTest {
    @TempDir
    Path dir;

    private Path today;
    private Path yesterday;

    @BeforeEach
    void statistics() throws IOException {
        today = stats("today", "fare,company\n10,a\n20,b\n30,a\n,c\n");
        yesterday = stats("yesterday", "fare,company\n10,a\n10,b\n10,a\n10,c\n");
    }

    private Path stats(String name, String csv) throws IOException {
        Path data = dir.resolve(name + ".csv");
        Files.writeString(data, csv);
        Path out = dir.resolve(name + ".pb");
        CommandRun run = CommandRun.of("stats", data.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    private Path checks(String yaml) throws IOException {
        Path file = dir.resolve("checks.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void passingChecksWithoutASchemaExitZero() throws IOException {
        Path checks = checks("""
                checks:
                  - {feature: fare, metric: mean, min: 20, max: 20}
                  - {feature: fare, metric: missing_fraction, max: 0.25}
                  - {metric: num_examples, min: 4}
                  - {feature: company, metric: unique, max: 3}
                """);
        CommandRun run = CommandRun.of("validate", "--stats", today.toString(), "--checks", checks.toString());
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    }

    @Test
    void aFailedErrorCheckExitsOneAndIsWrittenAsCustomValidation() throws IOException {
        Path checks = checks("""
                checks:
                  - {feature: fare, metric: mean, max: 15}
                """);
        Path out = dir.resolve("anomalies.pbtxt");
        CommandRun run = CommandRun.of(
                "validate", "--stats", today.toString(), "--checks", checks.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        AnomalyInfo fare = AnomaliesFiles.read(out).getAnomalyInfoOrThrow("fare");
        assertThat(fare.getReason(0).getType()).isEqualTo(AnomalyInfo.Type.CUSTOM_VALIDATION);
        assertThat(fare.getDescription())
                .isEqualTo("Check mean of fare <= 15 (" + checks + ":2:5) failed: expected <= 15, found 20.");
        assertThat(run.out()).contains("CUSTOM_VALIDATION");
    }

    @Test
    void aFailedWarningCheckExitsZero() throws IOException {
        Path checks = checks("checks: [{feature: fare, metric: mean, max: 15, severity: WARNING}]\n");
        CommandRun run = CommandRun.of("validate", "--stats", today.toString(), "--checks", checks.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("CUSTOM_VALIDATION");
    }

    @Test
    void changeIsCheckedAgainstPrevious() throws IOException {
        Path checks = checks("checks: [{feature: fare, metric: mean, change: {max_relative: 0.5}}]\n");
        CommandRun run = CommandRun.of(
                "validate",
                "--stats",
                today.toString(),
                "--previous",
                yesterday.toString(),
                "--checks",
                checks.toString());
        assertThat(run.exitCode()).isEqualTo(1); // 10 -> 20 is a relative change of 1
        assertThat(run.out()).contains("relative change of at most 0.5 from the previous 10, found 20");
        CommandRun without = CommandRun.of("validate", "--stats", today.toString(), "--checks", checks.toString());
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err())
                .isEqualTo("veracity: error: " + checks + ":1:10: expected previous statistics (--previous) for the "
                        + "change of mean of fare, found none\n");
    }

    @Test
    void withASchemaBothKindsOfAnomaliesAreMerged() throws IOException {
        Path schema = dir.resolve("schema.pbtxt");
        assertThat(CommandRun.of("infer-schema", yesterday.toString(), "-o", schema.toString())
                        .exitCode())
                .isZero();
        Path checks = checks("checks: [{feature: fare, metric: max, max: 25}]\n");
        Path out = dir.resolve("anomalies.json");
        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                today.toString(),
                "--checks",
                checks.toString(),
                "-o",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        Anomalies anomalies = AnomaliesFiles.read(out);
        assertThat(anomalies.getAnomalyInfoOrThrow("fare").getReasonList())
                .extracting(AnomalyInfo.Reason::getType)
                .containsExactly(
                        AnomalyInfo.Type.FEATURE_TYPE_LOW_FRACTION_PRESENT, AnomalyInfo.Type.CUSTOM_VALIDATION);
    }

    @Test
    void aChecksFileErrorExitsTwoWithOneLineAtTheLineAndColumn() throws IOException {
        Path checks = checks("checks:\n  - {feature: fare, metric: meen, max: 1}\n");
        CommandRun run = CommandRun.of("validate", "--stats", today.toString(), "--checks", checks.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("veracity: error: " + checks
                        + ":2:29: expected a metric, found \"meen\"; did you mean mean, min?\n");
    }

    @Test
    void anUnknownFeatureNamesTheCloseOnes() throws IOException {
        Path checks = checks("checks:\n  - {feature: fair, metric: mean, max: 1}\n");
        CommandRun run = CommandRun.of("validate", "--stats", today.toString(), "--checks", checks.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).endsWith("found \"fair\"; did you mean fare?\n");
    }

    @Test
    void rowRulesAreSkippedWithOneNote() throws IOException {
        Path checks = checks("""
                checks:
                  - {metric: num_examples, min: 1}
                  - {feature: company, rule: regex, pattern: "[a-z]"}
                """);
        CommandRun run = CommandRun.of("validate", "--stats", today.toString(), "--checks", checks.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("note: 1 row-level rule in").contains("skipped");
    }

    @Test
    void neitherSchemaNorChecksIsAUsageError() {
        CommandRun run = CommandRun.of("validate", "--stats", today.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected --schema SCHEMA, --checks FILE or --history DB, found none");
    }
}
