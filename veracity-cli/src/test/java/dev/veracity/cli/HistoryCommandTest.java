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

/** {@code validate --history} records metrics per span; {@code history show} and {@code history check} read them. */
class HistoryCommandTest {
    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void recordFiveSpans() throws IOException {
        db = dir.resolve("history.sqlite");
        double[] fares = {10, 11, 10, 12, 40};
        for (int span = 0; span < fares.length; span++) {
            Path data = dir.resolve("day-" + span + ".csv");
            StringBuilder csv = new StringBuilder("fare\n");
            for (int i = 0; i < 10; i++) {
                csv.append(fares[span]).append('\n');
            }
            Files.writeString(data, csv);
            Path stats = dir.resolve("day-" + span + ".pb");
            assertThat(CommandRun.of("stats", data.toString(), "-o", stats.toString())
                            .exitCode())
                    .isZero();
            CommandRun run = CommandRun.of("validate", "--stats", stats.toString(), "--history", db.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("of span day-" + span + " in ");
        }
    }

    @Test
    void showPrintsTheSeriesOldestSpanFirst() {
        CommandRun run = CommandRun.of("history", "show", "--metadata", db.toString(), "fare", "mean");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("span   value\nday-0  10\nday-1  11\nday-2  10\nday-3  12\nday-4  40\n");
        assertThat(CommandRun.of("history", "show", "--metadata", db.toString(), "-", "num_examples")
                        .out())
                .contains("day-4  10");
    }

    @Test
    void anUnknownSeriesNamesTheCloseOnes() {
        CommandRun run = CommandRun.of("history", "show", "--metadata", db.toString(), "fare", "meen");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("veracity: error: metric history").contains("did you mean mean");
        CommandRun feature = CommandRun.of("history", "show", "--metadata", db.toString(), "fair", "mean");
        assertThat(feature.err()).contains("found \"fair\"; did you mean fare?");
    }

    @Test
    void checkFlagsTheJumpOfTheNewestSpanAndExitsOne() throws IOException {
        Path out = dir.resolve("anomalies.pbtxt");
        CommandRun run = CommandRun.of(
                "history",
                "check",
                "--metadata",
                db.toString(),
                "--strategy",
                "relative",
                "--max-increase",
                "2",
                "--feature",
                "fare",
                "-o",
                out.toString());
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
        Anomalies anomalies = AnomaliesFiles.read(out);
        AnomalyInfo fare = anomalies.getAnomalyInfoOrThrow("fare");
        assertThat(fare.getReasonList()).allMatch(r -> r.getType() == AnomalyInfo.Type.CUSTOM_VALIDATION);
        assertThat(fare.getDescription())
                .contains("History of mean of fare: expected a value in [0, 24] by ratio to the previous span in "
                        + "[0, 2], found 40 on span day-4.");
        CommandRun calm = CommandRun.of(
                "history",
                "check",
                "--metadata",
                db.toString(),
                "--strategy",
                "absolute",
                "--max-increase",
                "100",
                "--max-decrease",
                "-100");
        assertThat(calm.exitCode()).as(calm.err() + calm.out()).isZero();
    }

    @Test
    void absoluteNeedsABound() {
        CommandRun run = CommandRun.of("history", "check", "--metadata", db.toString(), "--strategy", "absolute");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected --max-increase or --max-decrease, found neither");
    }

    @Test
    void theSpanIsTheStatisticsFileNameWithoutItsLastExtension() {
        assertThat(ValidateCommand.spanOf(Path.of("runs/2024-05-01.stats.pb"))).isEqualTo("2024-05-01.stats");
        assertThat(ValidateCommand.spanOf(Path.of("eval"))).isEqualTo("eval");
    }
}
