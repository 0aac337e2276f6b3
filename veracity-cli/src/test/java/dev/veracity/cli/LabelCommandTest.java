package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The label commands end to end on the bundled examples. */
class LabelCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "labeling");

    @TempDir
    Path dir;

    @Nested
    class Join {
        private CommandRun join(Path predictions, Path outcomes, Path out, String... more) {
            List<String> args = new ArrayList<>(List.of(
                    "label",
                    "join",
                    "--predictions",
                    predictions.toString(),
                    "--outcomes",
                    outcomes.toString(),
                    "--key",
                    "prediction_id",
                    "--prediction-time",
                    "ts",
                    "--outcome-time",
                    "converted_at",
                    "--arrival-time",
                    "logged_at",
                    "--window",
                    "24h",
                    "--grace",
                    "2h",
                    "--missing",
                    "negative",
                    "-o",
                    out.toString()));
            args.addAll(List.of(more));
            return CommandRun.of(args.toArray(String[]::new));
        }

        @Test
        void labelsTheExampleLogsAndTheStatsCommandReadsTheResult() throws IOException {
            Path out = dir.resolve("labeled.csv");
            Path report = dir.resolve("report.json");
            CommandRun run = join(
                    EXAMPLES.resolve("predictions.jsonl"),
                    EXAMPLES.resolve("outcomes.csv"),
                    out,
                    "--report",
                    report.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("match rate", "label delay", "label distribution");
            assertThat(Files.readAllLines(out).get(0))
                    .endsWith(",label,label_status,label_outcome_time,label_delay_seconds,label_as_of");
            assertThat(Files.readString(report)).contains("\"match_rate\"", "\"histogram\"", "\"label_distribution\"");
            Path stats = dir.resolve("labeled.pb");
            CommandRun statsRun = CommandRun.of("stats", out.toString(), "-o", stats.toString());
            assertThat(statsRun.exitCode()).as(statsRun.err()).isZero();
            assertThat(CommandRun.of("show", stats.toString()).out()).contains("label_status", "label_delay_seconds");
        }

        @Test
        void shuffledLogsGiveTheSameLabels() throws IOException {
            Path out = dir.resolve("labeled.csv");
            assertThat(join(EXAMPLES.resolve("predictions.jsonl"), EXAMPLES.resolve("outcomes.csv"), out)
                            .exitCode())
                    .isZero();
            List<String> predictions = new ArrayList<>(Files.readAllLines(EXAMPLES.resolve("predictions.jsonl")));
            Collections.shuffle(predictions, new Random(1));
            List<String> outcomes = new ArrayList<>(Files.readAllLines(EXAMPLES.resolve("outcomes.csv")));
            List<String> rows = new ArrayList<>(outcomes.subList(1, outcomes.size()));
            Collections.shuffle(rows, new Random(2));
            rows.add(0, outcomes.get(0));
            Path p = Files.write(dir.resolve("p.jsonl"), predictions);
            Path o = Files.write(dir.resolve("o.csv"), rows);
            Path shuffled = dir.resolve("shuffled.csv");
            assertThat(join(p, o, shuffled, "--memory", "64k", "--tmp", dir.toString())
                            .exitCode())
                    .isZero();
            assertThat(Files.readString(shuffled)).isEqualTo(Files.readString(out));
        }

        @Test
        void aBadOptionOrInputIsOneLineAndExitTwo() throws IOException {
            Path out = dir.resolve("labeled.csv");
            CommandRun run = join(
                    EXAMPLES.resolve("predictions.jsonl"), EXAMPLES.resolve("outcomes.csv"), out, "--memory", "lots");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .isEqualTo("veracity: error: --memory: expected a size such as 64m, 2g or 500000 "
                            + "(bytes), found 'lots'" + System.lineSeparator());
            Path bad = Files.writeString(
                    dir.resolve("bad.csv"),
                    "prediction_id,converted_at,logged_at\n" + "p-1,2024-05-01T10:00:00Z,soon\n");
            run = join(EXAMPLES.resolve("predictions.jsonl"), bad, out);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("veracity: error: " + bad + ": record 1: column logged_at: expected a " + "timestamp");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(out).doesNotExist();
        }
    }

    @Nested
    class ConsensusAndAgreement {
        @Test
        void dawidSkeneWritesLabelsAndQueue() throws IOException {
            Path labels = dir.resolve("labels.csv");
            Path queue = dir.resolve("queue.csv");
            CommandRun run = CommandRun.of(
                    "label",
                    "consensus",
                    EXAMPLES.resolve("annotations.csv").toString(),
                    "--method",
                    "dawid-skene",
                    "--confidence",
                    "0.9",
                    "-o",
                    labels.toString(),
                    "--queue",
                    queue.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("dawid-skene: 300 items, 900 ratings by 6 raters", "rater accuracy");
            assertThat(Files.readAllLines(labels))
                    .hasSize(301)
                    .first()
                    .isEqualTo("item,label,confidence,ratings,status,p_neg,p_neu,p_pos");
            long queued = Files.readAllLines(labels).stream()
                    .filter(l -> l.contains(",adjudicate,"))
                    .count();
            assertThat(Files.readAllLines(queue)).hasSize((int) queued + 1);
        }

        @Test
        void agreementPerVersionAndPair() {
            CommandRun run = CommandRun.of(
                    "label", "agreement", EXAMPLES.resolve("annotations.csv").toString(), "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"krippendorff_alpha\"", "\"v1\"", "\"v2\"", "\"cohen_kappa\"");
            CommandRun interval = CommandRun.of(
                    "label", "agreement", EXAMPLES.resolve("annotations.csv").toString(), "--level", "interval");
            assertThat(interval.exitCode()).isEqualTo(2);
            assertThat(interval.err()).contains("interval alpha: expected numeric labels, found 'neg'");
        }
    }
}
