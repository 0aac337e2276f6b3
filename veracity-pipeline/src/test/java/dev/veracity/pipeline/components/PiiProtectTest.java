package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veracity.ConfigException;
import dev.veracity.io.SchemaFiles;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Parameters;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.PiiTags;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExampleGen then PiiProtect on generated runners: the columns built from e-mail addresses and names (and no other)
 * are marked with their entity, the redacted copy has every row with those values tagged, the e-mail addresses in a
 * free-text column are cut out, the other values are as ExampleGen wrote them; a second run is cached.
 */
class PiiProtectTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void marksTheGeneratedPiiColumnsAndRedactsACopy() throws IOException {
        Path data = LifecycleFixture.people(dir.resolve("people.csv"), 120);
        Pipeline pipeline = Pipeline.builder("pii", dir.resolve("root"))
                .node("gen", new ExampleGen(), Map.of("input", data.toString()), Map.of())
                .node("pii", new PiiProtect(), Map.of(), Map.of("examples", "gen.examples"))
                .node(
                        "statistics",
                        new StatisticsGen(),
                        Map.of("threads", 1),
                        Map.of("examples", "pii.examples", "schema", "pii.schema"))
                .build();
        Path store = dir.resolve("metadata.sqlite");

        RunResult first = LifecycleFixture.run(store, pipeline);

        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        Schema schema = SchemaFiles.read(
                LifecycleFixture.directory(first, "pii", "schema").resolve("schema.pbtxt"));
        assertThat(PiiTags.features(schema))
                .isEqualTo(
                        Map.of("email", Optional.of(PiiEntity.EMAIL_ADDRESS), "name", Optional.of(PiiEntity.PERSON)));
        assertThat(schema.getFeatureList()).extracting(f -> f.getName()).contains("id", "city", "notes", "completed");
        assertThat(LifecycleFixture.output(first, "pii", "examples").property("summary.pii_features"))
                .contains(Value.of(2L));

        Map<String, JsonNode> raw = rows(LifecycleFixture.directory(first, "gen", "examples"));
        Map<String, JsonNode> redacted = rows(LifecycleFixture.directory(first, "pii", "examples"));
        assertThat(redacted.keySet()).isEqualTo(raw.keySet()).hasSize(120);
        for (Map.Entry<String, JsonNode> entry : redacted.entrySet()) {
            JsonNode before = raw.get(entry.getKey());
            JsonNode after = entry.getValue();
            assertThat(after.get("email").asText()).isEqualTo("<EMAIL_ADDRESS>");
            assertThat(after.get("name").asText()).isEqualTo("<PERSON>");
            for (String same : List.of("city", "age", "completed", "started_at")) {
                assertThat(after.get(same).asText())
                        .as(same)
                        .isEqualTo(before.get(same).asText());
            }
            String notes = before.get("notes").asText();
            assertThat(after.get("notes").asText())
                    .isEqualTo(notes.startsWith("write to ") ? "write to <EMAIL_ADDRESS>" : notes);
        }
        Path report = LifecycleFixture.directory(first, "pii", "report").resolve("Split-train/pii_scan.json");
        assertThat(JSON.readTree(report.toFile()).get("features")).isNotEmpty();

        RunResult second = LifecycleFixture.run(store, pipeline);
        assertThat(second.count(NodeStatus.CACHED)).as(second.toString()).isEqualTo(3);
    }

    @Test
    void parameterErrorsNameTheParameter() {
        PiiProtect pii = new PiiProtect();
        assertThatThrownBy(() -> pii.validate(Parameters.of(pii.spec(), Map.of("operator", "hash"), "node pii")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter operator");
        assertThatThrownBy(() -> pii.validate(Parameters.of(pii.spec(), Map.of("min_fraction", 2.0), "node pii")))
                .hasMessageContaining("parameter min_fraction");
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("features", Map.of("email", "scramble"));
        assertThatThrownBy(() -> pii.validate(Parameters.of(pii.spec(), features, "node pii")))
                .hasMessageContaining("parameter features");
    }

    /** {@return the rows of every split by id} */
    static Map<String, JsonNode> rows(Path examples) throws IOException {
        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : LifecycleFixture.lines(examples)) {
            JsonNode row = JSON.readTree(line);
            assertThat(rows.put(row.get("id").asText(), row)).isNull();
        }
        return rows;
    }
}
