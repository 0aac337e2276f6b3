package dev.veracity.labeling.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;

/**
 * The joiner against a brute-force oracle (every prediction against every outcome), on random logs with duplicates,
 * late arrivals and shared keys: labels, statuses and counts agree; shuffling the input lines, splitting them over
 * files, and a memory budget that forces spilling all give byte-identical output.
 */
class FeedbackJoinerProperties {
    private static final long BASE = 1_714_521_600_000L; // 2024-05-01T00:00:00Z, as epoch milliseconds

    @TempDir
    Path dir;

    record Prediction(String key, long time, int score) {}

    record Outcome(String key, long time, long arrival, String label) {}

    record Expected(String key, long time, int score, String label, LabelStatus status) {}

    @SeededProperty(tries = 30)
    void labelsMatchTheOracleWhateverTheOrderAndBudget(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int keys = Gen.between(random, 1, 12);
        List<Prediction> predictions = new ArrayList<>();
        for (int i = Gen.size(random, 0, 40); i > 0; i--) {
            Prediction p = new Prediction("k" + random.nextInt(keys), BASE + random.nextInt(10_000), random.nextInt(3));
            predictions.add(p);
            if (Gen.oneIn(random, 5)) {
                predictions.add(p);
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = Gen.size(random, 0, 40); i > 0; i--) {
            long time = BASE + random.nextInt(12_000) - 1_000;
            Outcome o = new Outcome(
                    "k" + random.nextInt(keys + 2),
                    time,
                    time + random.nextInt(4_000),
                    Gen.oneOf(random, "a", "b", "c"));
            outcomes.add(o);
            if (Gen.oneIn(random, 5)) {
                outcomes.add(o);
            }
        }
        OutcomeRule rule = Gen.oneOf(random, OutcomeRule.values());
        MissingOutcome missing = Gen.oneOf(random, MissingOutcome.values());
        boolean deduplicate = random.nextBoolean();
        FeedbackSpec spec = FeedbackSpec.of("id", "ts", "at", Duration.ofMillis(random.nextInt(3_000)))
                .withOutcomeArrival("logged")
                .withOutcomeLabel("y")
                .withRule(rule)
                .withMissing(missing)
                .withGrace(Duration.ofMillis(random.nextInt(2_000)))
                .withDeduplicate(deduplicate)
                .withAsOf(BASE + random.nextInt(14_000))
                .withLabels("pos", "neg");

        Path inOrder = dir.resolve("in-order.csv");
        LabelingReport report = join(spec, predictions, outcomes, 1, inOrder, Long.MAX_VALUE);
        List<Expected> expected = oracle(spec, predictions, outcomes);
        assertThat(readRows(inOrder)).isEqualTo(expected);
        assertThat(report.predictions().labeled()).isEqualTo(expected.size());
        assertThat(report.predictions().matched())
                .isEqualTo(expected.stream()
                        .filter(e -> e.status() == LabelStatus.MATCHED)
                        .count());
        assertThat(report.predictions().pending())
                .isEqualTo(expected.stream()
                        .filter(e -> e.status() == LabelStatus.PENDING)
                        .count());
        assertThat(report.predictions().duplicates()).isEqualTo(predictions.size() - expected.size());
        assertThat(report.outcomes().read()).isEqualTo(outcomes.size());
        assertThat(report.outcomes().duplicates()
                        + report.outcomes().matched()
                        + report.outcomes().droppedLate()
                        + report.outcomes().unmatched()
                        + report.outcomes().afterAsOf())
                .isEqualTo(outcomes.size());

        Collections.shuffle(predictions, new java.util.Random(random.nextLong()));
        Collections.shuffle(outcomes, new java.util.Random(random.nextLong()));
        Path shuffled = dir.resolve("shuffled.csv");
        LabelingReport shuffledReport =
                join(spec, predictions, outcomes, Gen.between(random, 1, 3), shuffled, Gen.between(random, 1, 2_000));
        assertThat(Files.readString(shuffled)).isEqualTo(Files.readString(inOrder));
        assertThat(withoutEngine(shuffledReport)).isEqualTo(withoutEngine(report));
    }

    private static LabelingReport withoutEngine(LabelingReport report) {
        LabelingReport.Outcomes o = report.outcomes(); // the placeholder lines of empty files are invalid outcomes
        LabelingReport.Outcomes outcomes = new LabelingReport.Outcomes(
                o.read(), 0, o.duplicates(), o.matched(), o.droppedLate(), o.unmatched(), o.afterAsOf());
        return new LabelingReport(
                report.spec(),
                report.asOfMillis(),
                report.predictions(),
                outcomes,
                report.delays(),
                report.labels(),
                new LabelingReport.Engine(0, 0));
    }

    private LabelingReport join(
            FeedbackSpec spec,
            List<Prediction> predictions,
            List<Outcome> outcomes,
            int files,
            Path output,
            long budget)
            throws IOException {
        List<Path> predictionFiles = new ArrayList<>();
        List<Path> outcomeFiles = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            StringBuilder csv = new StringBuilder("id,ts,score\n");
            for (int i = f; i < predictions.size(); i += files) {
                Prediction p = predictions.get(i);
                csv.append(p.key())
                        .append(',')
                        .append(p.time())
                        .append(',')
                        .append(p.score())
                        .append('\n');
            }
            Path file = dir.resolve("predictions-" + f + ".csv");
            Files.writeString(file, csv);
            predictionFiles.add(file);
            StringBuilder jsonl = new StringBuilder();
            for (int i = f; i < outcomes.size(); i += files) {
                Outcome o = outcomes.get(i);
                jsonl.append("{\"id\":\"")
                        .append(o.key())
                        .append("\",\"at\":\"")
                        .append(java.time.Instant.ofEpochMilli(o.time()))
                        .append("\",\"logged\":")
                        .append(o.arrival())
                        .append(",\"y\":\"")
                        .append(o.label())
                        .append("\"}\n");
            }
            if (jsonl.isEmpty()) {
                jsonl.append("{\"id\":null,\"at\":null,\"logged\":null,\"y\":null}\n");
            }
            file = dir.resolve("outcomes-" + f + ".jsonl");
            Files.writeString(file, jsonl);
            outcomeFiles.add(file);
        }
        return FeedbackJoiner.of(spec.withBadRecords(dev.veracity.io.BadRecords.SKIP))
                .withMemoryBudget(budget)
                .withTmp(dir)
                .join(predictionFiles, outcomeFiles, output);
    }

    /** Every prediction checked against every outcome, straight from the definitions. */
    private static List<Expected> oracle(FeedbackSpec spec, List<Prediction> predictions, List<Outcome> outcomes) {
        List<Prediction> unique =
                spec.deduplicate() ? predictions.stream().distinct().toList() : predictions;
        List<Outcome> outcomeSet =
                spec.deduplicate() ? outcomes.stream().distinct().toList() : outcomes;
        long window = spec.window().toMillis();
        long grace = spec.grace().toMillis();
        List<Expected> expected = new ArrayList<>();
        for (Prediction p : unique) {
            List<Outcome> usable = outcomeSet.stream()
                    .filter(o -> o.key().equals(p.key())
                            && o.time() >= p.time()
                            && o.time() <= p.time() + window
                            && o.arrival() <= p.time() + window + grace
                            && o.arrival() <= spec.asOfMillis())
                    .sorted(Comparator.comparingLong(Outcome::time)
                            .thenComparingLong(Outcome::arrival)
                            .thenComparing(Outcome::label))
                    .toList();
            String label;
            LabelStatus status;
            if (!usable.isEmpty()) {
                status = LabelStatus.MATCHED;
                label = switch (spec.rule()) {
                    case FIRST -> usable.get(0).label();
                    case LAST -> usable.get(usable.size() - 1).label();
                    case ANY -> spec.positiveLabel();
                };
            } else if (p.time() + window + grace > spec.asOfMillis()) {
                status = LabelStatus.PENDING;
                label = "";
            } else if (spec.missing() == MissingOutcome.NEGATIVE) {
                status = LabelStatus.NEGATIVE;
                label = spec.negativeLabel();
            } else {
                status = LabelStatus.CENSORED;
                label = "";
            }
            expected.add(new Expected(p.key(), p.time(), p.score(), label, status));
        }
        expected.sort(Comparator.comparingLong(Expected::time)
                .thenComparing(Expected::key)
                .thenComparingInt(Expected::score));
        return expected;
    }

    private static List<Expected> readRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .isEqualTo("id,ts,score,label,label_status,label_outcome_time,label_delay_seconds," + "label_as_of");
        List<Expected> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.add(new Expected(
                    f[0],
                    Long.parseLong(f[1]),
                    Integer.parseInt(f[2]),
                    f[3],
                    LabelStatus.valueOf(f[4].toUpperCase(java.util.Locale.ROOT))));
        }
        return rows;
    }
}
