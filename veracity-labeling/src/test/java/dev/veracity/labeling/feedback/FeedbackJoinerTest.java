package dev.veracity.labeling.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackJoinerTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Nested
    class Spilling {
        @Test
        void aTinyBudgetSpillsAndGivesTheInMemoryResult() throws IOException {
            SplittableRandom random = new SplittableRandom(7);
            StringBuilder predictions = new StringBuilder("id,ts,score\n");
            StringBuilder outcomes = new StringBuilder("id,ts,y\n");
            for (int i = 0; i < 5_000; i++) {
                long t = 1_714_521_600L + random.nextInt(86_400);
                predictions
                        .append("p")
                        .append(i % 3_000)
                        .append(',')
                        .append(t)
                        .append(',')
                        .append(random.nextInt(100))
                        .append('\n');
                if (random.nextInt(3) == 0) {
                    outcomes.append("p")
                            .append(i % 3_000)
                            .append(',')
                            .append(t + random.nextInt(7_200))
                            .append(',')
                            .append(random.nextInt(4))
                            .append('\n');
                }
            }
            Path p = write("p.csv", predictions.toString());
            Path o = write("o.csv", outcomes.toString());
            FeedbackSpec spec = FeedbackSpec.of("id", "ts", "ts", Duration.ofHours(1))
                    .withOutcomeLabel("y")
                    .withMissing(MissingOutcome.NEGATIVE);
            Path inMemory = dir.resolve("memory.csv");
            Path spilled = dir.resolve("spilled.jsonl");
            Path spilledCsv = dir.resolve("spilled.csv");
            LabelingReport memoryReport = FeedbackJoiner.of(spec)
                    .withMemoryBudget(1L << 30)
                    .withTmp(dir)
                    .join(List.of(p), List.of(o), inMemory);
            LabelingReport spilledReport = FeedbackJoiner.of(spec)
                    .withMemoryBudget(64 << 10)
                    .withTmp(dir)
                    .join(List.of(p), List.of(o), spilledCsv);
            FeedbackJoiner.of(spec).withMemoryBudget(64 << 10).withTmp(dir).join(List.of(p), List.of(o), spilled);

            assertThat(memoryReport.engine().partitions()).isEqualTo(1);
            assertThat(memoryReport.engine().spilledBytes()).isZero();
            assertThat(spilledReport.engine().partitions()).isGreaterThan(1);
            assertThat(spilledReport.engine().spilledBytes()).isPositive();
            assertThat(Files.readString(spilledCsv)).isEqualTo(Files.readString(inMemory));
            assertThat(spilledReport.predictions()).isEqualTo(memoryReport.predictions());
            assertThat(spilledReport.outcomes()).isEqualTo(memoryReport.outcomes());
            assertThat(spilledReport.delays()).isEqualTo(memoryReport.delays());
            assertThat(spilledReport.labels()).isEqualTo(memoryReport.labels());
            assertThat(Files.readAllLines(spilled)).hasSize(5_000);
            try (var left = Files.list(dir)) {
                assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("veracity-label-"));
            }
        }
    }

    @Nested
    class Semantics {
        private Path predictions;

        @org.junit.jupiter.api.BeforeEach
        void writePredictions() throws IOException {
            predictions = write("predictions.jsonl", """
                    {"@timestamp":"2024-05-01T10:00:01Z","id":"a","ts":"2024-05-01T10:00:00Z","score":0.9}
                    {"@timestamp":"2024-05-01T10:00:01Z","id":"a","ts":"2024-05-01T10:00:00Z","score":0.9}
                    {"@timestamp":"2024-05-01T11:00:01Z","id":"b","ts":"2024-05-01T11:00:00+0000","score":0.2}
                    {"@timestamp":"2024-05-01T12:00:01Z","id":"c","ts":"2024-05-01 12:00:00","score":0.5}
                    {"@timestamp":"2024-05-02T09:00:01Z","id":"d","ts":"2024-05-02T09:00:00Z","score":0.7}
                    """);
        }

        @Test
        void windowGraceRuleAndMissingOutcome() throws IOException {
            Path outcomes = write("outcomes.csv", """
                    id,at,logged,y
                    a,2024-05-01T10:30:00Z,2024-05-01T10:30:05Z,buy
                    a,2024-05-01T10:45:00Z,2024-05-01T10:45:05Z,return
                    a,2024-05-01T09:00:00Z,2024-05-01T09:00:05Z,early
                    b,2024-05-01T11:50:00Z,2024-05-01T12:20:00Z,late
                    c,2024-05-01T12:10:00Z,2024-05-01T14:00:00Z,toolate
                    zz,2024-05-01T12:10:00Z,2024-05-01T12:10:00Z,orphan
                    """);
            FeedbackSpec spec = FeedbackSpec.of("id", "ts", "at", Duration.ofHours(1))
                    .withOutcomeArrival("logged")
                    .withOutcomeLabel("y")
                    .withGrace(Duration.ofMinutes(30))
                    .withMissing(MissingOutcome.NEGATIVE)
                    .withLabels("yes", "no")
                    .withAsOf(1_714_644_000_000L); // 2024-05-02T10:00:00Z
            Path out = dir.resolve("labeled.csv");
            LabelingReport report = FeedbackJoiner.of(spec).join(List.of(predictions), List.of(outcomes), out);
            assertThat(Files.readAllLines(out))
                    .containsExactly(
                            "@timestamp,id,ts,score,label,label_status,label_outcome_time,label_delay_seconds,label_as_of",
                            "2024-05-01T10:00:01Z,a,2024-05-01T10:00:00Z,0.9,buy,matched,2024-05-01T10:30:00Z,1800,"
                                    + "2024-05-02T10:00:00Z",
                            "2024-05-01T11:00:01Z,b,2024-05-01T11:00:00+0000,0.2,late,matched,2024-05-01T11:50:00Z,3000,"
                                    + "2024-05-02T10:00:00Z",
                            "2024-05-01T12:00:01Z,c,2024-05-01 12:00:00,0.5,no,negative,,,2024-05-02T10:00:00Z",
                            "2024-05-02T09:00:01Z,d,2024-05-02T09:00:00Z,0.7,,pending,,,2024-05-02T10:00:00Z");
            assertThat(report.predictions()).isEqualTo(new LabelingReport.Predictions(5, 0, 1, 4, 2, 1, 1, 0, 1));
            assertThat(report.outcomes()).isEqualTo(new LabelingReport.Outcomes(6, 0, 0, 3, 1, 2, 0));
            assertThat(report.labels())
                    .containsEntry("buy", 1L)
                    .containsEntry("late", 1L)
                    .containsEntry("no", 1L)
                    .hasSize(3);
            assertThat(report.delays().buckets().get(3).count()).isEqualTo(2); // 30 and 50 minutes: 15m-1h
            assertThat(report.predictions().matchRate()).isEqualTo(0.5);
            assertThat(report.predictions().matureMatchRate()).isEqualTo(2.0 / 3);

            LabelingReport last = FeedbackJoiner.of(spec.withRule(OutcomeRule.LAST))
                    .join(List.of(predictions), List.of(outcomes), out);
            assertThat(Files.readAllLines(out).get(1)).contains(",return,matched,2024-05-01T10:45:00Z,2700,");
            assertThat(last.labels()).containsEntry("return", 1L);
            FeedbackJoiner.of(spec.withRule(OutcomeRule.ANY).withMissing(MissingOutcome.CENSORED))
                    .join(List.of(predictions), List.of(outcomes), out);
            assertThat(Files.readAllLines(out))
                    .extracting(l -> l.split(",", -1)[4] + "/" + l.split(",", -1)[5])
                    .containsExactly("label/label_status", "yes/matched", "yes/matched", "/censored", "/pending");
        }

        @Test
        void aTimeThatDoesNotParseNamesFileRecordAndColumn() throws IOException {
            Path outcomes = write("outcomes.csv", "id,at\na,2024-05-01T10:30:00Z\nb,yesterday\n");
            FeedbackSpec spec = FeedbackSpec.of("id", "ts", "at", Duration.ofHours(1));
            assertThatThrownBy(() ->
                            FeedbackJoiner.of(spec).join(List.of(predictions), List.of(outcomes), dir.resolve("x.csv")))
                    .isInstanceOf(InputException.class)
                    .hasMessage(outcomes + ": record 2: column at: expected a timestamp (ISO-8601 such as "
                            + "2024-05-01T10:00:00Z, or epoch seconds or milliseconds), found 'yesterday'")
                    .satisfies(
                            e -> assertThat(((InputException) e).errorCode()).isEqualTo(ErrorCode.LABEL_EVENT_INVALID));
            assertThat(dir.resolve("x.csv")).doesNotExist();
        }

        @Test
        void aMissingKeyFailsOrIsCountedWhenSkipped() throws IOException {
            Path outcomes = write("outcomes.csv", "id,at\n,2024-05-01T10:30:00Z\na,2024-05-01T10:31:00Z\n");
            FeedbackSpec spec = FeedbackSpec.of("id", "ts", "at", Duration.ofHours(1));
            assertThatThrownBy(() ->
                            FeedbackJoiner.of(spec).join(List.of(predictions), List.of(outcomes), dir.resolve("x.csv")))
                    .hasMessageStartingWith(outcomes + ": record 1: column id: expected a value, found none");
            LabelingReport report = FeedbackJoiner.of(spec.withBadRecords(dev.veracity.io.BadRecords.SKIP))
                    .join(List.of(predictions), List.of(outcomes), dir.resolve("x.csv"));
            assertThat(report.outcomes().invalid()).isEqualTo(1);
            assertThat(report.outcomes().matched()).isEqualTo(1);
        }

        @Test
        void aMissingColumnIsNamed() throws IOException {
            Path outcomes = write("outcomes.csv", "id,when\na,2024-05-01T10:30:00Z\n");
            FeedbackSpec spec = FeedbackSpec.of("id", "ts", "at", Duration.ofHours(1));
            assertThatThrownBy(() ->
                            FeedbackJoiner.of(spec).join(List.of(predictions), List.of(outcomes), dir.resolve("x.csv")))
                    .hasMessage(outcomes + ": expected a column at (the outcome time), found only [id, when]");
        }

        @Test
        void listsAndCommasSurviveInCsv() throws IOException {
            Path logs = write("tagged.jsonl", """
                    {"id":"a","ts":"2024-05-01T10:00:00Z","tags":["x","y, z"],"note":"say \\"hi\\""}
                    {"id":"b","ts":"2024-05-01T10:00:01Z","tags":[]}
                    """);
            Path outcomes = write("outcomes.csv", "id,at\na,2024-05-01T10:30:00Z\n");
            Path out = dir.resolve("labeled.csv");
            FeedbackJoiner.of(FeedbackSpec.of("id", "ts", "at", Duration.ofHours(1)))
                    .join(List.of(logs), List.of(outcomes), out);
            assertThat(Files.readAllLines(out))
                    .containsExactly(
                            "id,ts,tags,note,label,label_status,label_outcome_time,label_delay_seconds,label_as_of",
                            "a,2024-05-01T10:00:00Z,\"[\"\"x\"\",\"\"y, z\"\"]\",\"say \"\"hi\"\"\",1,matched,"
                                    + "2024-05-01T10:30:00Z,1800,2024-05-01T10:30:00Z",
                            "b,2024-05-01T10:00:01Z,,,,pending,,,2024-05-01T10:30:00Z");
        }

        @Test
        void jsonLinesOutputKeepsTypes() throws IOException {
            Path outcomes = write("outcomes.csv", "id,at\na,2024-05-01T10:30:00Z\n");
            Path out = dir.resolve("labeled.jsonl");
            FeedbackJoiner.of(FeedbackSpec.of("id", "ts", "at", Duration.ofHours(1)))
                    .join(List.of(predictions), List.of(outcomes), out);
            assertThat(Files.readAllLines(out).get(0))
                    .isEqualTo("{\"@timestamp\":\"2024-05-01T10:00:01Z\","
                            + "\"id\":\"a\",\"ts\":\"2024-05-01T10:00:00Z\",\"score\":0.9,\"label\":1,"
                            + "\"label_status\":\"matched\",\"label_outcome_time\":\"2024-05-01T10:30:00Z\","
                            + "\"label_delay_seconds\":1800.0,\"label_as_of\":\"2024-05-02T09:00:00Z\"}");
        }
    }
}
