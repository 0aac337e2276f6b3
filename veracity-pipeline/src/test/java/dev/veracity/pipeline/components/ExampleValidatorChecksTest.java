package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExampleValidator's {@code checks} parameter: custom checks in a pipeline, with the file's digest in the cache key. */
class ExampleValidatorChecksTest {
    @TempDir
    Path dir;

    private RunResult run(Path checks) throws IOException {
        Path data = dir.resolve("data/trips.csv");
        if (!Files.exists(data)) {
            Files.createDirectories(data.getParent());
            StringBuilder csv = new StringBuilder("fare,company\n");
            for (int i = 0; i < 60; i++) {
                csv.append(10 + i % 5)
                        .append(',')
                        .append(i % 3 == 0 ? "a" : "b")
                        .append('\n');
            }
            Files.writeString(data, csv);
        }
        Pipeline pipeline = Pipeline.builder("checks", dir.resolve("root"))
                .node("gen", new ExampleGen(), Map.of("input", data.toString()), Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "statistics.statistics"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("checks", checks.toString()),
                        Map.of("statistics", "statistics.statistics", "schema", "schema.schema"))
                .build();
        try (MetadataStore metadata = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(metadata, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }

    @Test
    void aFailedCheckBlocksTheRunWithACustomValidationAnomaly() throws IOException {
        Path checks = dir.resolve("checks.yaml");
        Files.writeString(checks, "checks: [{feature: fare, metric: mean, max: 5}]\n");
        RunResult result = run(checks);
        NodeResult validate = result.result("validate").orElseThrow();
        assertThat(validate.status()).isEqualTo(NodeStatus.BLOCKED);
        Path anomaliesDir = Path.of(validate.outputs().get("anomalies").get(0).uri());
        try (var files = Files.walk(anomaliesDir)) {
            Path file = files.filter(f -> f.getFileName().toString().equals("anomalies.pbtxt"))
                    .findFirst()
                    .orElseThrow();
            Anomalies anomalies = AnomaliesFiles.read(file);
            assertThat(anomalies.getAnomalyInfoOrThrow("fare").getReason(0).getType())
                    .isEqualTo(AnomalyInfo.Type.CUSTOM_VALIDATION);
        }
    }

    @Test
    void theChecksFileIsPartOfTheCacheKey() throws IOException {
        Path checks = dir.resolve("checks.yaml");
        Files.writeString(checks, "checks: [{feature: fare, metric: mean, max: 50}]\n");
        assertThat(run(checks).result("validate").orElseThrow().status()).isEqualTo(NodeStatus.EXECUTED);
        assertThat(run(checks).result("validate").orElseThrow().status()).isEqualTo(NodeStatus.CACHED);
        Files.writeString(checks, "checks: [{feature: fare, metric: mean, max: 5}]\n");
        assertThat(run(checks).result("validate").orElseThrow().status()).isEqualTo(NodeStatus.BLOCKED);
    }
}
