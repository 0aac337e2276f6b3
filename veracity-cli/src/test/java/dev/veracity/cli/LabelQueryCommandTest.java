package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.labeling.project.Assignment;
import dev.veracity.labeling.project.LabelingProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veracity label query} on the bundled flowers, its bad input, and the loop query -> project assign. */
class LabelQueryCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "labeling");
    private static final String MODEL_A =
            EXAMPLES.resolve("flowers-model-a.csv").toString();
    private static final String MODEL_B =
            EXAMPLES.resolve("flowers-model-b.csv").toString();

    @TempDir
    Path dir;

    private static CommandRun ok(String... args) {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void everyStrategyWritesARankedQueueOnTheExamples() throws IOException {
        String[][] strategies = {
            {"least-confidence"},
            {"margin"},
            {"entropy"},
            {"vote-entropy", "--predictions", MODEL_B},
            {"kl-to-consensus", "--predictions", MODEL_B},
            {"k-center", "--data", EXAMPLES.resolve("flowers.csv").toString(), "--features", "petal_length,petal_width"
            },
            {
                "uncertainty-diverse",
                "--data",
                EXAMPLES.resolve("flowers.csv").toString(),
                "--features",
                "sepal_length,sepal_width,petal_length,petal_width"
            },
            {"random", "--seed", "3"}
        };
        for (String[] s : strategies) {
            Path out = dir.resolve(s[0] + ".csv");
            String[] base = {
                "label",
                "query",
                "--predictions",
                MODEL_A,
                "--id",
                "id",
                "--strategy",
                s[0],
                "--budget",
                "10",
                "-o",
                out.toString()
            };
            String[] args = new String[base.length + s.length - 1];
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(s, 1, args, base.length, s.length - 1);
            CommandRun run = ok(args);
            assertThat(run.out()).contains("10 items queued of 122");
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).as(s[0]).hasSize(11);
            assertThat(lines.get(0)).isEqualTo("id,score,rank");
            assertThat(lines.get(1)).matches("f\\d{3},[0-9.e+-]+,1");
            assertThat(lines.get(10)).endsWith(",10");
        }
    }

    @Test
    void predictionsThatDoNotSumToOneExitTwoWithTheRow() throws IOException {
        Path bad = Files.writeString(dir.resolve("p.csv"), "id,p_a,p_b\nx,0.5,0.5\ny,0.7,0.7\n");
        Path out = dir.resolve("q.csv");
        CommandRun run = CommandRun.of(
                "label",
                "query",
                "--predictions",
                bad.toString(),
                "--id",
                "id",
                "--strategy",
                "entropy",
                "--budget",
                "1",
                "-o",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("veracity: error: ")
                .contains("p.csv:3: expected probabilities summing to 1")
                .doesNotContain("\n");
        assertThat(out).doesNotExist();
        CommandRun committee = CommandRun.of(
                "label",
                "query",
                "--predictions",
                MODEL_A,
                "--id",
                "id",
                "--strategy",
                "vote-entropy",
                "--budget",
                "1",
                "-o",
                out.toString());
        assertThat(committee.exitCode()).isEqualTo(2);
        assertThat(committee.err()).contains("expected a committee");
    }

    @Test
    void theQueueGoesToRatersThroughProjectAssign() throws IOException {
        String project = dir.resolve("proj").toString();
        ok("label", "project", "init", project, "--labels", "setosa,versicolor,virginica", "--overlap", "2");
        ok("label", "project", "add-raters", project, "ann", "bob", "cid");
        ok(
                "label",
                "project",
                "add-tasks",
                project,
                EXAMPLES.resolve("flowers.csv").toString(),
                "--gold-column",
                "none");
        Path queue = dir.resolve("queue.csv");
        ok(
                "label",
                "query",
                "--predictions",
                MODEL_A,
                "--predictions",
                MODEL_B,
                "--id",
                "id",
                "--strategy",
                "kl-to-consensus",
                "--budget",
                "5",
                "-o",
                queue.toString());
        List<String> queued = Files.readAllLines(queue).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertThat(ok("label", "project", "assign", project, "--from-queue", queue.toString())
                        .out())
                .startsWith("10 new assignments");
        List<Assignment> assignments = LabelingProject.open(Path.of(project)).assignments();
        assertThat(assignments).hasSize(10);
        assertThat(assignments.stream().map(Assignment::task).distinct().toList())
                .containsExactlyElementsOf(queued);
        CommandRun unknown = CommandRun.of(
                "label",
                "project",
                "assign",
                project,
                "--from-queue",
                Files.writeString(dir.resolve("u.csv"), "id,score,rank\nnope,1,1\n")
                        .toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("task nope: expected an ordinary task of the project");
    }
}
