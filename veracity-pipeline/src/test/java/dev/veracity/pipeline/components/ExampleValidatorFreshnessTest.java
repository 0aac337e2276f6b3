package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExampleValidator measures freshness checks at the run's time: the end of a date span ({@code {YYYY}{MM}{DD}}),
 * else the run's start, or the parameter {@code now}; stated as the anomalies' {@code checked_at}.
 */
class ExampleValidatorFreshnessTest {
    /** 2024-05-06T11:00:00Z, in the span of 2024-05-06 (which ends 2024-05-07T00:00:00Z, 13 hours later). */
    private static final long MAY_6_11H = 1714993200L;

    @TempDir
    Path dir;

    private NodeResult validate(String input, long newest, Map<String, Object> parameters) throws IOException {
        Path checks = dir.resolve("checks.yaml");
        Files.writeString(checks, "checks: [{metric: freshness, feature: at, max_age: 36h}]\n");
        Map<String, Object> validateParameters = new HashMap<>(parameters);
        validateParameters.put("checks", checks.toString());
        StringBuilder csv = new StringBuilder("at,fare\n");
        for (int i = 0; i < 40; i++) {
            csv.append(newest - 600L * i).append(',').append(10 + i % 7).append('\n');
        }
        Path data = dir.resolve(input.replace("{YYYY}{MM}{DD}", "20240506"));
        Files.createDirectories(data.getParent());
        Files.writeString(data, csv);
        Pipeline pipeline = Pipeline.builder("fresh", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", dir.resolve(input).toString()),
                        Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "statistics.statistics"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        validateParameters,
                        Map.of("statistics", "statistics.statistics", "schema", "schema.schema"))
                .build();
        try (MetadataStore metadata = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(metadata, RunOptions.DEFAULT, RunListener.NONE)
                    .run(pipeline)
                    .result("validate")
                    .orElseThrow();
        }
    }

    private static String checkedAt(NodeResult result) {
        return result.outputs()
                .get("anomalies")
                .get(0)
                .property("checked_at")
                .map(Value::stringValue)
                .orElseThrow();
    }

    @Test
    void aDateSpanIsCheckedAtItsEnd() throws IOException {
        NodeResult fresh = validate("data/{YYYY}{MM}{DD}/trips.csv", MAY_6_11H, Map.of());
        assertThat(checkedAt(fresh)).isEqualTo("2024-05-07T00:00:00Z");
        assertThat(fresh.status()).isEqualTo(NodeStatus.EXECUTED);
    }

    @Test
    void theParameterNowOverridesTheSpan() throws IOException {
        NodeResult stale = validate("data/{YYYY}{MM}{DD}/trips.csv", MAY_6_11H, Map.of("now", "2024-05-09T00:00:00"));
        assertThat(checkedAt(stale)).isEqualTo("2024-05-09T00:00:00Z");
        assertThat(stale.status()).isEqualTo(NodeStatus.BLOCKED); // 61 hours old
    }

    @Test
    void withoutADateSpanTheRunsStartIsTheTime() throws IOException {
        Instant before = Instant.now();
        NodeResult fresh = validate("data/trips.csv", before.getEpochSecond() - 3600, Map.of());
        Instant after = Instant.now();
        assertThat(Instant.parse(checkedAt(fresh))).isBetween(before, after);
        assertThat(fresh.status()).isEqualTo(NodeStatus.EXECUTED);
    }

    @Test
    void oldDataWithoutADateSpanIsStaleAtTheRunsStart() throws IOException {
        assertThat(validate("data/trips.csv", MAY_6_11H, Map.of()).status()).isEqualTo(NodeStatus.BLOCKED);
    }
}
