package dev.veracity.labeling.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example logs ({@code examples/labeling}) against golden files: the labeling report and the head of the
 * labeled CSV. Regenerate with {@code -Dveracity.golden.update=true}; otherwise they must match byte for byte.
 */
class ExampleLogsGoldenTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "labeling");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path dir;

    @Test
    void theExampleLogsGiveTheGoldenReportAndRows() throws IOException {
        FeedbackSpec spec = FeedbackSpec.of("prediction_id", "ts", "converted_at", Duration.ofHours(24))
                .withOutcomeArrival("logged_at")
                .withGrace(Duration.ofHours(2))
                .withMissing(MissingOutcome.NEGATIVE);
        Path labeled = dir.resolve("labeled.csv");
        Path report = dir.resolve("report.json");
        LabelingReportJson.write(
                FeedbackJoiner.of(spec)
                        .withMemoryBudget(64L << 20)
                        .join(
                                List.of(EXAMPLES.resolve("predictions.jsonl")),
                                List.of(EXAMPLES.resolve("outcomes.csv")),
                                labeled),
                report);
        List<String> lines = Files.readAllLines(labeled);
        String head = String.join("\n", lines.subList(0, 12)) + "\n";
        check("labeling-report.json", Files.readString(report));
        check("labeled-head.csv", head);
        assertThat(lines).hasSize(2_001);
    }

    private static void check(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("veracity.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden)
                .as("golden file; create it with -Dveracity.golden.update=true")
                .exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
