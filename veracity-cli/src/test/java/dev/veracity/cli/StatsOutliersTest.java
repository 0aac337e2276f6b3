package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stats --outliers} writes the counts as custom statistics that {@code validate --checks} bounds. */
class StatsOutliersTest {
    @TempDir
    Path dir;

    @Test
    void theCountsAreCustomStatisticsThatChecksBound() throws IOException {
        StringBuilder csv = new StringBuilder("fare\n");
        for (int i = 0; i < 500; i++) {
            csv.append(10 + i % 7).append('\n');
        }
        csv.append("900\n");
        Path data = dir.resolve("fares.csv");
        Files.writeString(data, csv);
        Path stats = dir.resolve("fares.pbtxt");
        CommandRun run = CommandRun.of("stats", data.toString(), "--outliers", "-o", stats.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(stats))
                .containsPattern("outliers_tukey_1_5\"\\s+num: 1.0")
                .containsPattern("outliers_tukey_3\"\\s+num: 1.0");
        Path checks = dir.resolve("checks.yaml");
        Files.writeString(checks, "checks:\n  - {feature: fare, metric: outliers_tukey_3, max: 0}\n");
        CommandRun validate = CommandRun.of("validate", "--stats", stats.toString(), "--checks", checks.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.ANOMALIES);
        assertThat(validate.out()).contains("CUSTOM_VALIDATION");
        CommandRun bad = CommandRun.of(
                "stats",
                data.toString(),
                "--outliers",
                "--outlier-z",
                "0",
                "-o",
                dir.resolve("x.pb").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.err()).contains("--outliers: expected local files and --outlier-z above 0");
    }

    @Test
    void freshnessOfTheExampleRunsAtAGivenRunTime() throws IOException {
        Path eval = Path.of("..", "examples", "runs", "eval.csv");
        Path stats = dir.resolve("eval.pb");
        CommandRun run = CommandRun.of("stats", eval.toString(), "--newest-time", "-o", stats.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path checks = dir.resolve("checks.yaml");
        Files.writeString(checks, "checks:\n  - {metric: freshness, feature: started_at, max_age: 36h}\n");
        // eval ends on 2024-05-31 (local times, read as UTC): a day later it is fresh, a week later stale
        CommandRun fresh = CommandRun.of(
                "validate",
                "--stats",
                stats.toString(),
                "--checks",
                checks.toString(),
                "--now",
                "2024-06-01T12:00:00Z");
        assertThat(fresh.exitCode()).as(fresh.out() + fresh.err()).isZero();
        CommandRun stale = CommandRun.of(
                "validate", "--stats", stats.toString(), "--checks", checks.toString(), "--now", "2024-06-07T00:00:00");
        assertThat(stale.exitCode()).isEqualTo(ExitCodes.ANOMALIES);
        assertThat(stale.out()).contains("freshness (age in seconds) of started_at");
        CommandRun badNow = CommandRun.of(
                "validate", "--stats", stats.toString(), "--checks", checks.toString(), "--now", "yesterday");
        assertThat(badNow.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(badNow.err()).contains("--now: expected an ISO-8601 time");
    }
}
