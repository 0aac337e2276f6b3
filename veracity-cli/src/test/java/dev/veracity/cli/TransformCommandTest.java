package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformCommandTest {
    private static final Path SPEC = Path.of("..", "examples", "transform.yaml");
    private static final Path TRAIN = Path.of("..", "examples", "runs", "train.csv");
    private static final Path EVAL = Path.of("..", "examples", "runs", "eval.csv");

    @TempDir
    Path dir;

    @Test
    void fitApplyAndVerifyTheBundledExample() throws IOException {
        Path tf = dir.resolve("runs_tf");
        CommandRun fit =
                CommandRun.of("transform", "fit", "--spec", SPEC.toString(), TRAIN.toString(), "-o", tf.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(fit.err()).contains("analyzed 8,000 examples for 15 transforms");
        assertThat(tf.resolve("transform.json")).exists();
        assertThat(tf.resolve("output_schema.pbtxt")).content().contains("name: \"route_id\"");

        Path out = dir.resolve("eval_t.jsonl");
        Path stats = dir.resolve("eval_t.pb");
        CommandRun apply = CommandRun.of(
                "transform",
                "apply",
                "--transform",
                tf.toString(),
                EVAL.toString(),
                "-o",
                out.toString(),
                "--stats-out",
                stats.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0))
                .startsWith("{\"pace_z\":")
                .contains("\"surface_onehot\":[")
                .endsWith("}");
        assertThat(stats).isNotEmptyFile();

        CommandRun verify = CommandRun.of("transform", "verify", "--transform", tf.toString(), EVAL.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith(String.format("identical: %,d rows", lines.size()));
    }

    @Test
    void aSpecErrorIsExit2WithFileLineAndColumn() throws IOException {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), "transforms:\n  - {name: a, op: nope, input: x}\n");
        CommandRun run = CommandRun.of(
                "transform",
                "fit",
                "--spec",
                spec.toString(),
                TRAIN.toString(),
                "-o",
                dir.resolve("tf").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList())
                .containsExactly("veracity: error: " + spec + ":2:19: expected an op, found \"nope\"");
        assertThat(dir.resolve("tf")).doesNotExist();
    }

    @Test
    void aDamagedTransformDirectoryIsRefused() throws IOException {
        Path tf = dir.resolve("tf");
        Path spec = Files.writeString(
                dir.resolve("s.yaml"), "transforms: [{name: z, op: scale_to_z_score, input: pace_min_per_km}]\n");
        assertThat(CommandRun.of("transform", "fit", "--spec", spec.toString(), TRAIN.toString(), "-o", tf.toString())
                        .exitCode())
                .isZero();
        Files.writeString(
                tf.resolve("constants.json"),
                Files.readString(tf.resolve("constants.json")).replace("mean", "mean "));
        CommandRun run = CommandRun.of(
                "transform",
                "apply",
                "--transform",
                tf.toString(),
                EVAL.toString(),
                "-o",
                dir.resolve("o.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("constants.json: expected SHA-256 ").contains("fit the transform again");
    }
}
