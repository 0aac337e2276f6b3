package dev.veracity.pipeline.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.ExampleValidator;
import dev.veracity.pipeline.components.SchemaGen;
import dev.veracity.pipeline.components.StatisticsGen;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.proto.DatasetFeatureStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenLineage events written with the real client's file transport, read back as JSON. */
class OpenLineageEventsTest {
    @TempDir
    Path dir;

    @Test
    void eachExecutionHasAStartAndAnEndWithQualityFacets() throws Exception {
        Files.writeString(dir.resolve("train.csv"), "id,user,value\n1,a,1.5\n2,b,\n3,a,4.0\n4,c,2.0\n");
        Files.writeString(dir.resolve("serving.csv"), "id,user,value\n1,a,1.5\n2,zed,3.0\n");
        Pipeline pipeline = Pipeline.builder("ol", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("train.csv").toString(), "splits", Map.of("train", "1")),
                        Map.of())
                .node(
                        "serving_gen",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("serving.csv").toString(), "splits", Map.of("serving", "1")),
                        Map.of())
                .node("stats", new StatisticsGen(), Map.of(), Map.of("examples", "gen.examples"))
                .node("serving_stats", new StatisticsGen(), Map.of(), Map.of("examples", "serving_gen.examples"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "stats.statistics"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("fail_on", "NEVER"),
                        Map.of("statistics", "serving_stats.statistics", "schema", "schema.schema"))
                .build();
        Path file = dir.resolve("events.jsonl");
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("m.sqlite")))) {
            RunResult result = new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
            assertThat(OpenLineageEvents.emit(store, result.runId(), file)).isEqualTo(12);
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            events.add(json.readTree(line));
        }
        assertThat(events).hasSize(12);
        assertThat(events).extracting(e -> e.path("eventType").asText()).containsOnly("START", "COMPLETE");
        assertThat(events)
                .extracting(e -> e.path("job").path("namespace").asText())
                .containsOnly("veracity");
        for (int i = 0; i < events.size(); i += 2) {
            assertThat(events.get(i).path("run").path("runId").asText())
                    .isEqualTo(events.get(i + 1).path("run").path("runId").asText());
        }
        JsonNode validate = events.stream()
                .filter(e -> e.path("job").path("name").asText().equals("ol.validate")
                        && e.path("eventType").asText().equals("COMPLETE"))
                .findFirst()
                .orElseThrow();
        JsonNode statistics = null;
        for (JsonNode input : validate.path("inputs")) {
            if (input.path("inputFacets").has("dataQualityMetrics")) {
                statistics = input;
            }
        }
        assertThat(statistics).isNotNull();
        DatasetFeatureStatistics serving = StatisticsFiles.read(
                        Path.of(statistics.path("name").asText()).resolve("Split-serving/FeatureStats.pb"))
                .getDatasets(0);
        JsonNode metrics = statistics.path("inputFacets").path("dataQualityMetrics");
        assertThat(metrics.path("rowCount").asLong())
                .isEqualTo(serving.getNumExamples())
                .isEqualTo(2);
        assertThat(metrics.path("columnMetrics").path("value").path("max").asDouble())
                .isEqualTo(3.0);
        JsonNode assertions =
                statistics.path("inputFacets").path("dataQualityAssertions").path("assertions");
        assertThat(assertions).anySatisfy(a -> {
            assertThat(a.path("column").asText()).isEqualTo("user");
            assertThat(a.path("success").asBoolean()).isFalse();
            assertThat(a.path("assertion").asText()).isEqualTo("ENUM_TYPE_UNEXPECTED_STRING_VALUES");
        });
        assertThat(validate.path("run")
                        .path("facets")
                        .path("parent")
                        .path("job")
                        .path("name")
                        .asText())
                .isEqualTo("ol");
        JsonNode gen = events.stream()
                .filter(e -> e.path("job").path("name").asText().equals("ol.gen")
                        && e.path("eventType").asText().equals("COMPLETE"))
                .findFirst()
                .orElseThrow();
        assertThat(gen.path("inputs").get(0).path("name").asText()).endsWith("train.csv");
        assertThat(gen.path("outputs")
                        .get(0)
                        .path("outputFacets")
                        .path("outputStatistics")
                        .path("rowCount")
                        .asLong())
                .isEqualTo(4);
    }
}
