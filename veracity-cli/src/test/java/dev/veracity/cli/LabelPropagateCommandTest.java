package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veracity label propagate} on the bundled flowers and on bad input. */
class LabelPropagateCommandTest {
    private static final Path FLOWERS = Path.of("..", "examples", "labeling", "flowers.csv");
    private static final String FEATURES = "sepal_length,sepal_width,petal_length,petal_width";

    @TempDir
    Path dir;

    @Test
    void labelsEveryFlowerAndMostAsTheHiddenSpecies() throws IOException {
        Path out = dir.resolve("labeled.csv");
        CommandRun run = CommandRun.of(
                "label",
                "propagate",
                FLOWERS.toString(),
                "--label",
                "species",
                "--features",
                FEATURES,
                "-o",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("150 rows").contains("given").contains("propagated");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("id," + FEATURES + ",species,label,label_confidence,label_source");
        assertThat(lines).hasSize(151);
        // Iris is ordered by species, 50 each: the propagated labels must mostly be right.
        int right = 0;
        for (int i = 1; i <= 150; i++) {
            String[] cells = lines.get(i).split(",", -1);
            String truth = i <= 50 ? "setosa" : i <= 100 ? "versicolor" : "virginica";
            assertThat(cells[8]).isIn("given", "propagated");
            right += cells[6].equals(truth) ? 1 : 0;
        }
        assertThat(right).isGreaterThan(135);
    }

    @Test
    void aNonNumericFeatureExitsTwoNamingTheRow() throws IOException {
        Path data = Files.writeString(dir.resolve("d.csv"), "x,kind\n1,a\n2,\nbig,b\n");
        Path out = dir.resolve("out.csv");
        CommandRun run = CommandRun.of(
                "label", "propagate", data.toString(), "--label", "kind", "--features", "x", "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("veracity: error: ")
                .contains("d.csv:4:x: expected a number")
                .doesNotContain("\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void noLabeledRowAndBadOptionsExitTwo() throws IOException {
        Path data = Files.writeString(dir.resolve("d.csv"), "x,kind\n1,\n2,\n3,\n");
        Path out = dir.resolve("out.csv");
        CommandRun none = CommandRun.of("label", "propagate", data.toString(), "--label", "kind", "-o", out.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("all unlabeled");
        CommandRun missing =
                CommandRun.of("label", "propagate", data.toString(), "--label", "nope", "-o", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("expected a column nope (--label)");
        CommandRun method = CommandRun.of(
                "label", "propagate", data.toString(), "--label", "kind", "--method", "magic", "-o", out.toString());
        assertThat(method.exitCode()).isEqualTo(2);
        assertThat(method.err()).contains("--method: expected spreading or propagation, found 'magic'");
        assertThat(out).doesNotExist();
    }
}
