package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veracity.ConfigException;
import dev.veracity.io.SchemaFiles;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Parameters;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.proto.Feature;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExampleGen, StatisticsGen, SchemaGen and FeatureSelection on the bundled runs data, run twice. */
class FeatureSelectionTest {
    private static final Path TRAIN = Path.of("../examples/runs/train.csv");

    @TempDir
    Path dir;

    @Test
    void ranksTheTrainSplitDeprecatesTheUnselectedAndIsCachedOnTheSecondRun() throws IOException {
        Path data = dir.resolve("data/train.csv");
        Files.createDirectories(data.getParent());
        Files.copy(TRAIN, data);
        Pipeline pipeline = pipeline(data, Map.of("label", "completed", "k", 3));
        MetadataConfig store = MetadataConfig.sqlite(dir.resolve("metadata.sqlite"));

        RunResult first = run(store, pipeline);
        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        NodeResult select = first.result("select").orElseThrow();
        assertThat(select.status()).isEqualTo(NodeStatus.EXECUTED);

        Path rankingFile = Path.of(select.outputs().get("ranking").get(0).uri()).resolve("ranking.json");
        JsonNode ranking = new ObjectMapper().readTree(rankingFile.toFile());
        assertThat(ranking.get("label").asText()).isEqualTo("completed");
        assertThat(ranking.get("task").asText()).isEqualTo("classification");
        assertThat(ranking.get("rows").asLong()).isPositive();
        List<String> selected = new ArrayList<>();
        List<String> unselected = new ArrayList<>();
        Map<String, String> kinds = new HashMap<>();
        for (JsonNode feature : ranking.get("features")) {
            String name = feature.get("name").asText();
            kinds.put(name, feature.get("kind").asText());
            (feature.get("selected").asBoolean() ? selected : unselected).add(name);
        }
        assertThat(selected).hasSize(3);
        assertThat(unselected).isNotEmpty().doesNotContain("completed");
        assertThat(kinds).containsEntry("distance_km", "numeric").containsEntry("surface", "categorical");

        Path curatedFile = Path.of(select.outputs().get("schema").get(0).uri()).resolve("schema.pbtxt");
        Schema curated = SchemaFiles.read(curatedFile);
        Schema inferred = SchemaFiles.read(Path.of(first.result("schema")
                        .orElseThrow()
                        .outputs()
                        .get("schema")
                        .get(0)
                        .uri())
                .resolve("schema.pbtxt"));
        assertThat(curated.getFeatureCount()).isEqualTo(inferred.getFeatureCount());
        Map<String, LifecycleStage> stages = new HashMap<>();
        for (Feature feature : curated.getFeatureList()) {
            stages.put(feature.getName(), feature.getLifecycleStage());
        }
        for (String name : selected) {
            assertThat(stages.get(name)).as(name).isNotEqualTo(LifecycleStage.DEPRECATED);
        }
        for (String name : unselected) {
            if (stages.containsKey(name)) {
                assertThat(stages.get(name)).as(name).isEqualTo(LifecycleStage.DEPRECATED);
            }
        }
        assertThat(stages.get("completed")).isNotEqualTo(LifecycleStage.DEPRECATED);
        byte[] rankingBytes = Files.readAllBytes(rankingFile);

        RunResult second = run(store, pipeline);
        assertThat(second.isSuccess()).as(second.toString()).isTrue();
        assertThat(second.count(NodeStatus.CACHED)).isEqualTo(4);
        assertThat(second.count(NodeStatus.EXECUTED)).isZero();
        NodeResult cached = second.result("select").orElseThrow();
        assertThat(cached.outputs().get("ranking").get(0).uri())
                .isEqualTo(select.outputs().get("ranking").get(0).uri());
        assertThat(Files.readAllBytes(rankingFile)).isEqualTo(rankingBytes);

        // Other parameters are another cache key: the selection runs again, the nodes before it stay cached.
        RunResult changed = run(store, pipeline(data, Map.of("label", "completed", "k", 2)));
        assertThat(changed.result("select").orElseThrow().status()).isEqualTo(NodeStatus.EXECUTED);
        assertThat(changed.count(NodeStatus.CACHED)).isEqualTo(3);
    }

    @Test
    void refusesBadParametersBeforeTheRun() {
        FeatureSelection component = new FeatureSelection();
        assertThatThrownBy(() -> component.validate(parameters(Map.of("label", "y", "task", "clustering"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter task")
                .hasMessageContaining("clustering");
        assertThatThrownBy(() -> component.validate(parameters(Map.of("label", "y", "k", -1))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter k");
        assertThatThrownBy(() -> component.validate(parameters(Map.of("label", "y", "min_score", 1.5))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter min_score");
        assertThatThrownBy(() -> component.validate(parameters(Map.of("label", "y", "methods", List.of("lasso")))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter methods")
                .hasMessageContaining("lasso");
        assertThatThrownBy(() -> parameters(Map.of("k", 3)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("label");
        component.validate(parameters(
                Map.of("label", "y", "task", "Regression", "k", 2, "min_score", 0.1, "methods", List.of("pearson"))));
    }

    @Test
    void aPipelineWithABadParameterIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> pipeline(dir.resolve("none.csv"), Map.of("label", "completed", "k", -2)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("select")
                .hasMessageContaining("parameter k");
    }

    private static Parameters parameters(Map<String, ?> raw) {
        return Parameters.of(new FeatureSelection().spec(), raw, "node select");
    }

    private Pipeline pipeline(Path data, Map<String, ?> selection) {
        return Pipeline.builder("selection", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", data.toString(), "splits", Map.of("train", "2", "eval", "1")),
                        Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node(
                        "schema",
                        new SchemaGen(),
                        Map.of("split", "train"),
                        Map.of("statistics", "statistics.statistics"))
                .node(
                        "select",
                        new FeatureSelection(),
                        selection,
                        Map.of("examples", "gen.examples", "schema", "schema.schema"))
                .build();
    }

    private static RunResult run(MetadataConfig config, Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(config)) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }
}
