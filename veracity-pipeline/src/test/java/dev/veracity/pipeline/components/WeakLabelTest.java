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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WeakLabel with two functions that never vote on the same row (a city value, a lookup list of cities): every row's
 * label is the one function that fired, or none; the lookup list is an external input, so changing it re-runs the
 * node (and only it).
 */
class WeakLabelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void labelsAreTheVotesAndTheLookupListJoinsTheCacheKey() throws IOException {
        Path data = LifecycleFixture.people(dir.resolve("people.csv"), 90);
        Files.writeString(dir.resolve("cities.txt"), "# hard cities\nLima\n");
        Path lfs = Files.writeString(dir.resolve("lfs.yaml"), """
                labels: [easy, hard]
                functions:
                  - {name: north, column: city, label: easy, values: [Oslo]}
                  - {name: south, column: city, label: hard, lookup: cities.txt}
                """);
        Pipeline pipeline = Pipeline.builder("weak", dir.resolve("root"))
                .node("gen", new ExampleGen(), Map.of("input", data.toString()), Map.of())
                .node(
                        "weak",
                        new WeakLabel(),
                        Map.of("labeling_functions", lfs.toString(), "model", "majority"),
                        Map.of("examples", "gen.examples"))
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "weak.examples"))
                .build();
        Path store = dir.resolve("metadata.sqlite");

        RunResult first = LifecycleFixture.run(store, pipeline);

        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        assertThat(labels(first, Map.of("Oslo", "easy", "Lima", "hard"))).isEqualTo(60);
        assertThat(LifecycleFixture.output(first, "weak", "examples").property("summary.weak_labels"))
                .contains(Value.of(60L));
        assertThat(LifecycleFixture.run(store, pipeline).count(NodeStatus.CACHED))
                .isEqualTo(3);

        Files.writeString(dir.resolve("cities.txt"), "Rome\n");
        RunResult changed = LifecycleFixture.run(store, pipeline);
        assertThat(changed.result("gen").orElseThrow().status()).isEqualTo(NodeStatus.CACHED);
        assertThat(changed.result("weak").orElseThrow().status()).isEqualTo(NodeStatus.EXECUTED);
        assertThat(labels(changed, Map.of("Oslo", "easy", "Rome", "hard"))).isEqualTo(60);
    }

    /** Checks each row's label against its city; {@return the rows labeled} */
    private static long labels(RunResult result, Map<String, String> byCity) throws IOException {
        Path raw = LifecycleFixture.directory(result, "gen", "examples");
        Path weak = LifecycleFixture.directory(result, "weak", "examples");
        long labeled = 0;
        for (String split : new String[] {"train", "eval"}) {
            var before = Files.readAllLines(raw.resolve("Split-" + split + "/data.jsonl"));
            var after = Files.readAllLines(weak.resolve("Split-" + split + "/data.jsonl"));
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < after.size(); i++) {
                JsonNode row = JSON.readTree(after.get(i));
                assertThat(row.get("id").asText())
                        .isEqualTo(JSON.readTree(before.get(i)).get("id").asText());
                String expected = byCity.get(row.get("city").asText());
                if (expected == null) {
                    assertThat(row.has("label")).as(row.toString()).isFalse();
                } else {
                    assertThat(row.get("label").asText()).as(row.toString()).isEqualTo(expected);
                    labeled++;
                }
            }
        }
        return labeled;
    }

    @Test
    void parameterErrorsNameTheParameter() {
        WeakLabel weak = new WeakLabel();
        assertThatThrownBy(() -> weak.validate(Parameters.of(
                        weak.spec(), Map.of("labeling_functions", "lfs.yaml", "model", "snorkel"), "node w")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter model");
        assertThatThrownBy(() -> weak.validate(Parameters.of(weak.spec(), Map.of("labeling_functions", " "), "w")))
                .hasMessageContaining("parameter labeling_functions");
    }
}
