package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veracity label weak} end to end on the bundled reviews, and its refusals. */
class LabelWeakCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "weak");

    @TempDir
    Path dir;

    private static CommandRun weak(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "label",
                "weak",
                "--functions",
                EXAMPLES.resolve("lfs.yaml").toString(),
                EXAMPLES.resolve("reviews.csv").toString()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void labelsTheExampleReviewsWithAnalysisAndGold() throws IOException {
        Path out = dir.resolve("labels.csv");
        Path analysis = dir.resolve("lf.json");
        CommandRun run = weak(
                "-o",
                out.toString(),
                "--analysis",
                analysis.toString(),
                "--id",
                "id",
                "--gold",
                EXAMPLES.resolve("gold.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("label-model: 1,000 rows, 6 functions, 2 labels")
                .contains("low_stars")
                .contains("gold: 150 rows; accuracy on them: label-model ");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(0))
                .isEqualTo("id,product,stars,text,legacy_model,label,label_confidence,p_negative,p_positive,functions");
        assertThat(lines.get(1)).startsWith("rv-0000,P-039,2,\"Color is grey, five stars.\",pos,");
        assertThat(lines.get(1)).endsWith(",low_stars|legacy_model");

        JsonNode json = new ObjectMapper().readTree(analysis.toFile());
        assertThat(json.get("rows").asInt()).isEqualTo(1000);
        assertThat(json.get("gold_rows").asInt()).isEqualTo(150);
        JsonNode first = json.get("functions").get(0);
        assertThat(first.get("name").asText()).isEqualTo("praise");
        assertThat(first.get("polarity").get(0).asText()).isEqualTo("positive");
        assertThat(first.get("correct").asLong() + first.get("incorrect").asLong())
                .isPositive();
        assertThat(first.get("incorrect_rows").size())
                .isEqualTo(first.get("incorrect").asInt());
        assertThat(first.has("learned_accuracy")).isTrue();
        assertThat(json.get("pairwise").get("overlaps").size()).isEqualTo(6);
        assertThat(json.get("model").get("method").asText()).isEqualTo("label-model");

        Path again = dir.resolve("again.csv");
        assertThat(weak("-o", again.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void majorityAndHumanRatingsInOnePosterior() throws IOException {
        Path out = dir.resolve("labels.csv");
        CommandRun run = weak(
                "-o",
                out.toString(),
                "--id",
                "id",
                "--ratings",
                EXAMPLES.resolve("ratings.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rater ann").contains("rater bob");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).endsWith(",functions,ratings");
        assertThat(lines.stream().filter(l -> l.endsWith(",2")).count()).isEqualTo(60);

        CommandRun majority = weak("-o", dir.resolve("majority.csv").toString(), "--model", "majority");
        assertThat(majority.exitCode()).as(majority.err()).isZero();
        assertThat(majority.out()).startsWith("majority: 1,000 rows");
        List<String> rows = Files.readAllLines(dir.resolve("majority.csv"));
        // A review where praise and low_stars disagree and nothing else votes is a tie: no label, 0.5 each.
        assertThat(rows.stream()
                        .filter(l -> l.contains(",,0.500000,0.500000,0.500000,"))
                        .count())
                .isPositive();
    }

    @Test
    void aFunctionOnAMissingColumnExitsTwoAndWritesNothing() throws IOException {
        Path lfs = Files.writeString(
                dir.resolve("lfs.yaml"),
                "labels: [negative, positive]\nfunctions:\n"
                        + "  - {name: f, column: body, label: positive, keywords: [great]}\n");
        Path out = dir.resolve("labels.csv");
        CommandRun run = CommandRun.of(
                "label",
                "weak",
                "--functions",
                lfs.toString(),
                EXAMPLES.resolve("reviews.csv").toString(),
                "-o",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err())
                .startsWith("veracity: error: ")
                .contains("expected a column body (labeling function f at " + lfs + ":3:5)");
        assertThat(out).doesNotExist();
    }

    @Test
    void aLabelOutsideTheLabelsExitsTwoAtItsLineAndColumn() throws IOException {
        Path lfs = Files.writeString(
                dir.resolve("lfs.yaml"),
                "labels: [negative, positive]\nfunctions:\n"
                        + "  - name: f\n    column: text\n    label: neutral\n    keywords: [ok]\n");
        CommandRun run = CommandRun.of(
                "label",
                "weak",
                "--functions",
                lfs.toString(),
                EXAMPLES.resolve("reviews.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("veracity: error: " + lfs
                        + ":5:12: expected one of the labels [negative, positive], found \"neutral\"\n");
    }

    @Test
    void aGoldLabelOutsideTheLabelsExitsTwoWithItsRecord() throws IOException {
        Path gold = Files.writeString(dir.resolve("gold.csv"), "id,label\nrv-0001,positive\nrv-0002,meh\n");
        Path out = dir.resolve("labels.csv");
        CommandRun run = weak("-o", out.toString(), "--id", "id", "--gold", gold.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("veracity: error: " + gold
                        + ": record 2: column label: expected one of the labels [negative, positive], found 'meh'\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void anInputLabelColumnIsRefusedUnlessTheOutputsIsRenamed() throws IOException {
        Path data = Files.writeString(dir.resolve("data.csv"), "text,label\ngreat,\nterrible,negative\n");
        Path out = dir.resolve("labels.csv");
        CommandRun clash = CommandRun.of(
                "label",
                "weak",
                "--functions",
                EXAMPLES.resolve("lfs.yaml").toString(),
                data.toString(),
                "-o",
                out.toString());
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("expected no column named label").contains("--label-column");
        assertThat(out).doesNotExist();
    }

    @Test
    void aRatingLabelOutsideTheLabelsExitsTwoNamingTheFile() throws IOException {
        Path ratings = Files.writeString(dir.resolve("ratings.csv"), "item,rater,label\nrv-0001,ann,meh\n");
        Path out = dir.resolve("labels.csv");
        CommandRun run = weak("-o", out.toString(), "--id", "id", "--ratings", ratings.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("veracity: error: " + ratings + ": rating of item rv-0001 by ann: expected one "
                        + "of the labels [negative, positive], found 'meh'\n");
        assertThat(out).doesNotExist();
    }
}
