package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesOneSelfContainedPageOfTheExampleRuns() throws IOException {
        Path train = stats("train");
        Path serving = stats("serving");
        Path schema = dir.resolve("schema.pbtxt");
        assertThat(CommandRun.of("infer-schema", train.toString(), "-o", schema.toString())
                        .exitCode())
                .isZero();
        Path anomalies = dir.resolve("anomalies.pbtxt");
        CommandRun validate = CommandRun.of(
                "validate", "--schema", schema.toString(), "--stats", serving.toString(), "-o", anomalies.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.ANOMALIES);
        Path html = dir.resolve("report.html");

        CommandRun run = CommandRun.of(
                "report",
                train.toString(),
                serving.toString(),
                "--names",
                "train,serving",
                "--schema",
                schema.toString(),
                "--anomalies",
                anomalies.toString(),
                "-o",
                html.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("report of 14 features in 2 datasets").contains(html.toString());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains(
                        "Content-Security-Policy",
                        "\"name\":\"serving\"",
                        "ENUM_TYPE_UNEXPECTED_STRING_VALUES",
                        "indoor track");
        assertThat(page)
                .as("no network at view time: nothing loaded by address (the SVG namespace is only a name)")
                .doesNotContain("src=", "href=", "@import", "url(", "https://")
                .contains("default-src 'none'");
    }

    @Test
    void theMetricHistoryAndTheModelQualityJoinThePage() throws IOException {
        Path db = dir.resolve("history.sqlite");
        double[] fares = {10, 11, 10, 12, 10, 11, 10, 11, 12, 10, 11, 10, 11, 10, 12, 40};
        Path last = null;
        for (int span = 0; span < fares.length; span++) {
            Path data = dir.resolve("day-" + span + ".csv");
            StringBuilder csv = new StringBuilder("fare\n");
            for (int i = 0; i < 10; i++) {
                csv.append(fares[span] + i % 2).append('\n');
            }
            Files.writeString(data, csv);
            last = dir.resolve("day-" + span + ".pb");
            assertThat(CommandRun.of("stats", data.toString(), "-o", last.toString())
                            .exitCode())
                    .isZero();
            assertThat(CommandRun.of("validate", "--stats", last.toString(), "--history", db.toString())
                            .exitCode())
                    .isZero();
        }
        Path perf = dir.resolve("perf.json");
        Path predictions = examples().resolve("predictions.csv");
        CommandRun performance = CommandRun.of(
                "performance",
                predictions.toString(),
                "--label",
                "completed",
                "--score",
                "score",
                "--time",
                "started_at",
                "--span",
                "day",
                "--max-drop",
                "0.1",
                "-o",
                perf.toString());
        assertThat(performance.exitCode()).as(performance.err()).isEqualTo(ExitCodes.ANOMALIES);
        Path html = dir.resolve("report.html");

        CommandRun run = CommandRun.of(
                "report",
                last.toString(),
                "--history",
                db.toString(),
                "--performance",
                perf.toString(),
                "-o",
                html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String page = Files.readString(html, StandardCharsets.UTF_8);
        // the series, with the last span flagged (index 15: 40 against a history near 11), and the quality
        assertThat(page)
                .contains("\"feature\":\"fare\",\"metric\":\"mean\"")
                .contains("\"anomalies\":[15,")
                .contains("\"quality\":{\"source\":\"perf.json\",\"task\":\"classification\"")
                .contains("\"rule\":\"drop\",\"metric\":\"accuracy\"");
        assertThat(CommandRun.of(
                                "report",
                                last.toString(),
                                "--history",
                                db.toString(),
                                "--pipeline",
                                dir.resolve("p.yaml").toString(),
                                "-o",
                                html.toString())
                        .err())
                .contains("expected --history DB or --pipeline FILE for the metric history, found both");
        CommandRun noStore = CommandRun.of(
                "report",
                last.toString(),
                "--history",
                dir.resolve("none.sqlite").toString(),
                "-o",
                html.toString());
        assertThat(noStore.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(noStore.err()).contains("--history: expected a metric history");
        assertThat(dir.resolve("none.sqlite")).doesNotExist();
        CommandRun notJson = CommandRun.of(
                "report",
                last.toString(),
                "--performance",
                last.toString(),
                "-o",
                dir.resolve("x.html").toString());
        assertThat(notJson.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(notJson.err()).startsWith("veracity: error: " + last).contains("expected JSON");
    }

    @Test
    void aWrongNumberOfNamesIsAUsageErrorAndWritesNothing() throws IOException {
        Path train = stats("train");
        Path html = dir.resolve("report.html");
        CommandRun run = CommandRun.of("report", train.toString(), "--names", "a,b", "-o", html.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err()).contains("--names: expected 1 names").doesNotContain("\tat ");
        assertThat(html).doesNotExist();
    }

    @Test
    void aFileThatIsNotStatisticsNamesTheFile() throws IOException {
        Path bogus = dir.resolve("bogus.pb");
        Files.writeString(bogus, "not a protobuf at all");
        CommandRun run = CommandRun.of(
                "report", bogus.toString(), "-o", dir.resolve("r.html").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err()).contains(bogus.toString()).contains("expected statistics");
    }

    private Path stats(String split) throws IOException {
        Path out = dir.resolve(split + ".pb");
        Path csv = examples().resolve(split + ".csv");
        assertThat(CommandRun.of("stats", csv.toString(), "-o", out.toString()).exitCode())
                .isZero();
        return out;
    }

    private static Path examples() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("examples/runs/train.csv"))) {
                return d.resolve("examples/runs");
            }
        }
        throw new IllegalStateException("examples/runs not found");
    }
}
