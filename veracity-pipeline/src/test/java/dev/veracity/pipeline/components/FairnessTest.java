package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veracity.ConfigException;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Parameters;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fairness on generated runners where Rome never completes: the group sizes and positive rates of each split equal
 * a count of the split's rows, the label-rate gap of Rome is found, fail_on ERROR blocks, NEVER records; cached.
 */
class FairnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void groupCountsMatchTheRowsAndTheGapIsFound() throws IOException {
        Path data = LifecycleFixture.people(dir.resolve("people.csv"), 300);
        Map<String, Object> parameters =
                Map.of("group", List.of("city"), "label", "completed", "positive", "1", "fail_on", "NEVER");
        Pipeline pipeline = Pipeline.builder("fair", dir.resolve("root"))
                .node("gen", new ExampleGen(), Map.of("input", data.toString()), Map.of())
                .node("fairness", new Fairness(), parameters, Map.of("examples", "gen.examples"))
                .build();
        Path store = dir.resolve("metadata.sqlite");

        RunResult first = LifecycleFixture.run(store, pipeline);

        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        Path examples = LifecycleFixture.directory(first, "gen", "examples");
        Path fairness = LifecycleFixture.directory(first, "fairness", "fairness");
        long findings = 0;
        for (String split : List.of("train", "eval")) {
            Map<String, long[]> expected = new HashMap<>(); // city -> rows, positives
            for (String line : Files.readAllLines(examples.resolve("Split-" + split + "/data.jsonl"))) {
                JsonNode row = JSON.readTree(line);
                long[] counts = expected.computeIfAbsent(row.get("city").asText(), c -> new long[2]);
                counts[0]++;
                counts[1] += row.get("completed").asLong();
            }
            JsonNode report = JSON.readTree(fairness.resolve("Split-" + split)
                    .resolve(Fairness.REPORT_FILE)
                    .toFile());
            Map<String, long[]> actual = new HashMap<>();
            for (JsonNode group : report.get("groups")) {
                long rows = group.get("rows").asLong();
                actual.put(group.get("group").asText(), new long[] {
                    rows, Math.round(group.get("positive_rate").asDouble() * rows)
                });
            }
            assertThat(actual).containsOnlyKeys(expected.keySet().toArray(new String[0]));
            expected.forEach(
                    (city, counts) -> assertThat(actual.get(city)).as(city).containsExactly(counts));
            assertThat(report.get("findings").toString()).contains("Rome");
            assertThat(fairness.resolve("Split-" + split).resolve(Fairness.ANOMALIES_FILE))
                    .exists();
            findings += report.get("findings").size();
        }
        assertThat(LifecycleFixture.output(first, "fairness", "fairness").property("summary.fairness_alarms"))
                .contains(Value.of(findings));
        assertThat(LifecycleFixture.run(store, pipeline).count(NodeStatus.CACHED))
                .isEqualTo(2);

        Pipeline strict = Pipeline.builder("fair", dir.resolve("root"))
                .node("gen", new ExampleGen(), Map.of("input", data.toString()), Map.of())
                .node(
                        "fairness",
                        new Fairness(),
                        Map.of("group", List.of("city"), "label", "completed", "positive", "1"),
                        Map.of("examples", "gen.examples"))
                .build();
        RunResult blocked = LifecycleFixture.run(store, strict);
        assertThat(blocked.result("fairness").orElseThrow().status()).isEqualTo(NodeStatus.BLOCKED);
    }

    @Test
    void aPiiGroupIsRefusedAndParameterErrorsNameTheParameter() throws IOException {
        Path data = LifecycleFixture.people(dir.resolve("people.csv"), 60);
        Pipeline pipeline = Pipeline.builder("fair", dir.resolve("root"))
                .node("gen", new ExampleGen(), Map.of("input", data.toString()), Map.of())
                .node("pii", new PiiProtect(), Map.of(), Map.of("examples", "gen.examples"))
                .node(
                        "fairness",
                        new Fairness(),
                        Map.of("group", List.of("name"), "label", "completed", "fail_on", "NEVER"),
                        Map.of("examples", "gen.examples", "schema", "pii.schema"))
                .build();
        RunResult result = LifecycleFixture.run(dir.resolve("metadata.sqlite"), pipeline);
        assertThat(result.result("fairness").orElseThrow().status()).isEqualTo(NodeStatus.FAILED);
        assertThat(result.result("fairness").orElseThrow().message())
                .contains("feature name")
                .contains("PII");

        Fairness fairness = new Fairness();
        assertThatThrownBy(() -> fairness.validate(Parameters.of(
                        fairness.spec(), Map.of("group", List.of("city"), "label", "x", "max_dpl", 3.0), "node f")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter max_dpl");
        assertThatThrownBy(() -> fairness.validate(Parameters.of(
                        fairness.spec(),
                        Map.of("group", List.of("city"), "label", "x", "fail_on", "WARNING"),
                        "node f")))
                .hasMessageContaining("parameter fail_on");
    }
}
