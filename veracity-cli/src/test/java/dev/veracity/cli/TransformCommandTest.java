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
    void inverseCacheAndBadRecordsOnTheCommandLine() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("s.yaml"),
                "transforms:\n  - {name: pace_z, op: scale_to_z_score, input: pace_min_per_km}\n"
                        + "  - {name: route_id, op: compute_and_apply_vocabulary, input: route}\n");
        Path tf = dir.resolve("tf");
        Path cache = dir.resolve("cache");
        String[] fit = {
            "transform",
            "fit",
            "--spec",
            spec.toString(),
            TRAIN.toString(),
            "--cache",
            cache.toString(),
            "-o",
            tf.toString()
        };
        CommandRun first = CommandRun.of(fit);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("1 file(s) read, 0 from the cache");
        CommandRun second = CommandRun.of(fit);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("0 file(s) read, 1 from the cache");

        Path transformed = dir.resolve("t.parquet");
        assertThat(CommandRun.of(
                                "transform",
                                "apply",
                                "--transform",
                                tf.toString(),
                                EVAL.toString(),
                                "-o",
                                transformed.toString())
                        .exitCode())
                .isZero();
        Path back = dir.resolve("back.csv");
        CommandRun inverse = CommandRun.of(
                "transform", "inverse", "--transform", tf.toString(), transformed.toString(), "-o", back.toString());
        assertThat(inverse.exitCode()).as(inverse.err()).isZero();
        List<String> lines = Files.readAllLines(back);
        assertThat(lines.get(0)).isEqualTo("pace_min_per_km,route");
        assertThat(lines).hasSizeGreaterThan(100);
        assertThat(lines.get(1)).matches("[0-9.]+,.+");

        List<String> eval = Files.readAllLines(EVAL);
        List<String> header = List.of(eval.get(0).split(",", -1));
        int pace = header.indexOf("pace_min_per_km");
        String[] cells = eval.get(1).split(",", -1);
        cells[pace] = "fast";
        Path bad = Files.writeString(
                dir.resolve("bad.csv"), eval.get(0) + "\n" + String.join(",", cells) + "\n" + eval.get(2) + "\n");
        Path out = dir.resolve("bad_t.csv");
        CommandRun failed =
                CommandRun.of("transform", "apply", "--transform", tf.toString(), bad.toString(), "-o", out.toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).startsWith("veracity: error: " + bad + ":2:" + (pace + 1));
        assertThat(out).doesNotExist();
        CommandRun skipped = CommandRun.of(
                "transform",
                "apply",
                "--transform",
                tf.toString(),
                bad.toString(),
                "-o",
                out.toString(),
                "--bad-records",
                "skip");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains("skipped 1 malformed record(s)").contains("1 examples");
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
    void aCacheNamedAsTheOutputIsRefusedBeforeAnythingIsWritten() {
        Path tf = dir.resolve("tf");
        CommandRun run = CommandRun.of(
                "transform",
                "fit",
                "--spec",
                SPEC.toString(),
                TRAIN.toString(),
                "--cache",
                tf.toString(),
                "-o",
                tf.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("veracity: error: ").contains("given twice");
        assertThat(tf).doesNotExist();
    }

    @Test
    void anEngineNotOnTheClassPathIsExit2NamingTheOnesThatAre() {
        Path tf = dir.resolve("tf");
        CommandRun run = CommandRun.of(
                "transform",
                "fit",
                "--spec",
                SPEC.toString(),
                TRAIN.toString(),
                "-o",
                tf.toString(),
                "--engine",
                "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("veracity: error: --engine nope: expected one of local");
        assertThat(tf).doesNotExist();
        CommandRun local = CommandRun.of(
                "transform",
                "fit",
                "--spec",
                SPEC.toString(),
                TRAIN.toString(),
                "-o",
                tf.toString(),
                "--engine",
                "local");
        assertThat(local.exitCode()).as(local.err()).isZero();
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
