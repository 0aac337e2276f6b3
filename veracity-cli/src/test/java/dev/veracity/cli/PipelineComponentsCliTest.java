package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.components.DriftCheck;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.ExampleValidator;
import dev.veracity.pipeline.components.Report;
import dev.veracity.pipeline.components.Resolver;
import dev.veracity.pipeline.components.SchemaGen;
import dev.veracity.pipeline.components.SkewCheck;
import dev.veracity.pipeline.components.StatisticsGen;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle components make what the commands make: on the artifact files of a pipeline run, {@code veracity
 * drift}, {@code skew}, {@code validate-examples --quarantine --examples-out} and {@code report} write byte for byte
 * the DriftCheck, SkewCheck, ExampleValidator (quarantine) and Report artifacts.
 */
class PipelineComponentsCliTest {
    @TempDir
    Path dir;

    private void span(int span, int distanceOffset, boolean faulty) throws IOException {
        StringBuilder runs = new StringBuilder("id,route,distance\n");
        StringBuilder serving = new StringBuilder("id,route,distance\n");
        for (int i = 0; i < 300; i++) {
            String route = faulty && i % 25 == 0 ? "r9" : "r" + i % 3;
            int distance = distanceOffset + i % 20;
            runs.append(i)
                    .append(',')
                    .append(route)
                    .append(',')
                    .append(distance)
                    .append('\n');
            serving.append(i)
                    .append(',')
                    .append(route)
                    .append(',')
                    .append(i % 4 == 0 ? distance * 1000 : distance)
                    .append('\n');
        }
        write(dir.resolve("data/span-" + span + "/runs.csv"), runs.toString());
        write(dir.resolve("serving/span-" + span + "/serving.csv"), serving.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Pipeline pipeline(Path curated) {
        Map<String, Object> gen = Map.of("splits", Map.of("train", "1"), "partition_feature", "id");
        return Pipeline.builder("lifecycle", dir.resolve("root"))
                .node("gen", new ExampleGen(), with(gen, dir.resolve("data/span-{SPAN}/runs.csv")), Map.of())
                .node("serve", new ExampleGen(), with(gen, dir.resolve("serving/span-{SPAN}/serving.csv")), Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node("schema", new SchemaGen(), Map.of("import", curated.toString()), Map.of())
                .node(
                        "previous",
                        new Resolver(),
                        Map.of("artifact_type", "ExampleStatistics", "producer", "statistics"),
                        Map.of("current", "gen.examples"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("quarantine", true, "fail_on", "NEVER"),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "schema", "schema.schema",
                                "examples", "gen.examples"))
                .node(
                        "drift",
                        new DriftCheck(),
                        Map.of(),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "previous", "previous.result",
                                "schema", "schema.schema"))
                .node(
                        "skew",
                        new SkewCheck(),
                        Map.of("key", List.of("id")),
                        Map.of("training", "gen.examples", "serving", "serve.examples"))
                .node(
                        "report",
                        new Report(),
                        Map.of(),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "schema", "schema.schema",
                                "anomalies", "validate.anomalies"))
                .build();
    }

    private static Map<String, Object> with(Map<String, Object> parameters, Path input) {
        Map<String, Object> all = new java.util.HashMap<>(parameters);
        all.put("input", input.toString());
        return all;
    }

    private RunResult run(Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }

    private static Path output(RunResult result, String node, String output) {
        return Path.of(
                result.result(node).orElseThrow().outputs().get(output).get(0).uri());
    }

    @Test
    void componentsWriteWhatTheCommandsWrite() throws IOException {
        Path curated = dir.resolve("curated.pbtxt");
        write(
                curated,
                "feature { name: \"id\" type: INT }\n"
                        + "feature { name: \"route\" type: BYTES domain: \"route\" }\n"
                        + "feature { name: \"distance\" type: INT }\n"
                        + "string_domain { name: \"route\" value: \"r0\" value: \"r1\" value: \"r2\" }\n");
        span(1, 10, false);
        RunResult first = run(pipeline(curated));
        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        span(2, 60, true);
        RunResult second = run(pipeline(curated));
        assertThat(second.result("validate").orElseThrow().status())
                .as(second.toString())
                .isEqualTo(NodeStatus.EXECUTED);
        Path schema = output(second, "schema", "schema").resolve("schema.pbtxt");
        Path current = output(second, "statistics", "statistics").resolve("Split-train/FeatureStats.pb");
        Path before = output(first, "statistics", "statistics").resolve("Split-train/FeatureStats.pb");
        Path cli = dir.resolve("cli");
        Files.createDirectories(cli);

        CommandRun drift = CommandRun.of(
                "drift",
                before.toString(),
                current.toString(),
                "--schema",
                schema.toString(),
                "-o",
                cli + "/drift.json");
        assertThat(drift.exitCode()).as(drift.err()).isIn(0, 1);
        assertThat(Files.readString(cli.resolve("drift.json")))
                .isEqualTo(Files.readString(output(second, "drift", "drift").resolve("Split-train/drift.json")));

        Path training = output(second, "gen", "examples").resolve("Split-train/data.jsonl");
        Path serving = output(second, "serve", "examples").resolve("Split-train/data.jsonl");
        CommandRun skew = CommandRun.of(
                "skew",
                "--training",
                training.toString(),
                "--serving",
                serving.toString(),
                "--key",
                "id",
                "-o",
                cli + "/skew.json");
        assertThat(skew.exitCode()).as(skew.err()).isEqualTo(1);
        assertThat(Files.readString(cli.resolve("skew.json")))
                .isEqualTo(Files.readString(output(second, "skew", "skew").resolve("Split-train/skew.json")));

        CommandRun quarantine = CommandRun.of(
                "validate-examples",
                "--schema",
                schema.toString(),
                training.toString(),
                "-o",
                cli + "/anomalous.pb",
                "--quarantine",
                cli + "/q",
                "--examples-out",
                cli + "/reasons.jsonl",
                "--threads",
                "1");
        assertThat(quarantine.exitCode()).as(quarantine.err()).isEqualTo(1);
        Path bad = output(second, "validate", "quarantine").resolve("Split-train");
        assertThat(Files.readString(cli.resolve("q/quarantine.jsonl")))
                .isNotEmpty()
                .isEqualTo(Files.readString(bad.resolve("quarantine.jsonl")));
        assertThat(Files.readString(cli.resolve("reasons.jsonl")))
                .isEqualTo(Files.readString(bad.resolve("reasons.jsonl")));
        assertThat(Files.readString(cli.resolve("q/clean.jsonl")))
                .isEqualTo(Files.readString(
                        output(second, "validate", "clean_examples").resolve("Split-train/data.jsonl")));

        CommandRun report = CommandRun.of(
                "report",
                current.toString(),
                "--names",
                "train",
                "--schema",
                schema.toString(),
                "--anomalies",
                output(second, "validate", "anomalies")
                        .resolve("Split-train/anomalies.pbtxt")
                        .toString(),
                "--title",
                "lifecycle · span 2",
                "-o",
                cli + "/report.html");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readAllBytes(cli.resolve("report.html")))
                .isEqualTo(Files.readAllBytes(output(second, "report", "report").resolve("index.html")));
    }
}
