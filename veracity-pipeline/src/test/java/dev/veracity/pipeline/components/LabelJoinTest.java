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
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predictions and outcomes through two ExampleGens into LabelJoin: each prediction gets the label a brute-force join
 * of the generated events gives (an outcome within the window labels it 1, none or a late one 0), whichever split the
 * outcome landed in; the output is in ExampleGen's layout, StatisticsGen reads it, and a second run is cached.
 */
class LabelJoinTest {
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyPredictionGetsTheLabelOfABruteForceJoin() throws IOException {
        StringBuilder predictions = new StringBuilder("suggestion_id,suggested_at,route\n");
        StringBuilder outcomes = new StringBuilder("suggestion_id,finished_at\n");
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 90; i++) {
            Instant at = START.plusSeconds(600L * i);
            predictions
                    .append("s")
                    .append(i)
                    .append(',')
                    .append(at)
                    .append(",r")
                    .append(i % 4)
                    .append('\n');
            long delay = switch (i % 3) {
                case 0 -> 1800; // inside the hour: labeled 1
                case 1 -> 7200; // too late: no label from it
                default -> -1; // no outcome
            };
            if (delay >= 0) {
                outcomes.append("s")
                        .append(i)
                        .append(',')
                        .append(at.plusSeconds(delay))
                        .append('\n');
            }
            expected.put("s" + i, i % 3 == 0 ? "1" : "0");
        }
        Files.writeString(dir.resolve("predictions.csv"), predictions);
        Files.writeString(dir.resolve("outcomes.csv"), outcomes);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("key", "suggestion_id");
        parameters.put("prediction_time", "suggested_at");
        parameters.put("outcome_time", "finished_at");
        parameters.put("window", "1h");
        parameters.put("missing", "negative");
        parameters.put("as_of", "2026-12-03T00:00:00Z");
        Pipeline pipeline = Pipeline.builder("labels", dir.resolve("root"))
                .node(
                        "suggestions",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("predictions.csv").toString()),
                        Map.of())
                .node(
                        "outcomes",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("outcomes.csv").toString()),
                        Map.of())
                .node(
                        "labels",
                        new LabelJoin(),
                        parameters,
                        Map.of("examples", "suggestions.examples", "outcomes", "outcomes.examples"))
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "labels.examples"))
                .build();
        Path store = dir.resolve("metadata.sqlite");

        RunResult first = LifecycleFixture.run(store, pipeline);

        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        Path examples = LifecycleFixture.directory(first, "labels", "examples");
        assertThat(examples.resolve("Split-train/data.jsonl")).exists();
        assertThat(examples.resolve("Split-eval/data.jsonl")).exists();
        Map<String, String> labels = new HashMap<>();
        for (String line : LifecycleFixture.lines(examples)) {
            JsonNode row = JSON.readTree(line);
            assertThat(labels.put(
                            row.get("suggestion_id").asText(), row.get("label").asText()))
                    .as("one row per prediction")
                    .isNull();
            assertThat(row.get("route").asText()).startsWith("r");
        }
        assertThat(labels).isEqualTo(expected);
        assertThat(LifecycleFixture.output(first, "labels", "examples").property("summary.labels_joined"))
                .contains(Value.of(90L));
        assertThat(LifecycleFixture.output(first, "labels", "examples").property("span"))
                .contains(Value.of(0L));
        Path reports = LifecycleFixture.directory(first, "labels", "report");
        long matched = 0;
        for (String split : new String[] {"train", "eval"}) {
            JsonNode report = JSON.readTree(reports.resolve("Split-" + split)
                    .resolve(LabelJoin.REPORT_FILE)
                    .toFile());
            matched += report.get("predictions").get("matched").asLong();
            assertThat(report.get("outcomes").get("read").asLong())
                    .as("every outcome split")
                    .isEqualTo(60);
        }
        assertThat(matched).isEqualTo(30);
        assertThat(LifecycleFixture.directory(first, "statistics", "statistics").resolve("Split-train/FeatureStats.pb"))
                .exists();

        RunResult second = LifecycleFixture.run(store, pipeline);
        assertThat(second.count(NodeStatus.CACHED)).as(second.toString()).isEqualTo(4);
        assertThat(LifecycleFixture.output(second, "labels", "examples").property("summary.labels_joined"))
                .contains(Value.of(90L));
    }

    @Test
    void aParameterThatDoesNotParseIsNamedAtBuildTime() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("key", "id");
        parameters.put("prediction_time", "t");
        parameters.put("outcome_time", "u");
        parameters.put("window", "a day");
        LabelJoin join = new LabelJoin();
        assertThatThrownBy(() -> join.validate(Parameters.of(join.spec(), parameters, "node labels")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter window")
                .hasMessageContaining("a day");
        parameters.put("window", "1h");
        parameters.put("rule", "median");
        assertThatThrownBy(() -> join.validate(Parameters.of(join.spec(), parameters, "node labels")))
                .hasMessageContaining("parameter rule");
    }
}
