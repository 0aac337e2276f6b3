package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Parameters;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SkewCheck on training and serving logs where serving reports {@code distance} in metres for every fourth id: the
 * pairs where it differs, summed over the splits, are exactly those ids (counted in the test), and only
 * {@code distance} alarms.
 */
class SkewCheckTest {
    private static final int ROWS = 400;

    @TempDir
    Path dir;

    private Pipeline pipeline(Map<String, Object> parameters) throws IOException {
        StringBuilder training = new StringBuilder("id,route,distance\n");
        StringBuilder serving = new StringBuilder("id,route,distance\n");
        for (int i = 0; i < ROWS; i++) {
            int km = 3 + i % 9;
            training.append(i).append(",r").append(i % 5).append(',').append(km).append('\n');
            serving.append(i)
                    .append(",r")
                    .append(i % 5)
                    .append(',')
                    .append(i % 4 == 0 ? km * 1000 : km)
                    .append('\n');
        }
        Files.createDirectories(dir.resolve("t"));
        Files.createDirectories(dir.resolve("s"));
        Files.writeString(dir.resolve("t/train.csv"), training);
        Files.writeString(dir.resolve("s/serving.csv"), serving);
        return Pipeline.builder("skew", dir.resolve("root"))
                .node(
                        "train",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("t/train.csv").toString(), "partition_feature", "id"),
                        Map.of())
                .node(
                        "serve",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("s/serving.csv").toString(), "partition_feature", "id"),
                        Map.of())
                .node(
                        "skew",
                        new SkewCheck(),
                        parameters,
                        Map.of("training", "train.examples", "serving", "serve.examples"))
                .build();
    }

    private RunResult run(Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }

    @Test
    void flagsTheFeatureWhoseUnitChangedInServing() throws IOException {
        Pipeline pipeline = pipeline(Map.of("key", List.of("id")));
        RunResult result = run(pipeline);
        NodeResult skew = result.result("skew").orElseThrow();
        assertThat(skew.status()).as(result.toString()).isEqualTo(NodeStatus.EXECUTED);
        Artifact artifact = skew.outputs().get("skew").get(0);
        assertThat(artifact.property("summary.skew_alarms")).contains(Value.of("distance"));
        long expected = 0;
        for (int i = 0; i < ROWS; i++) {
            expected += i % 4 == 0 ? 1 : 0;
        }
        assertThat(Splits.of(artifact)).containsExactly("train", "eval");
        long diff = 0;
        long routeDiff = 0;
        for (String split : Splits.of(artifact)) {
            String json = Files.readString(
                    Splits.directory(Path.of(artifact.uri()), split).resolve("skew.json"));
            diff += diffCount(json, "distance");
            routeDiff += diffCount(json, "route");
        }
        assertThat(diff).isEqualTo(expected);
        assertThat(routeDiff).isZero();

        RunResult again = run(pipeline);
        assertThat(again.results()).allMatch(r -> r.status() == NodeStatus.CACHED, again.toString());

        // A feature may differ in up to 30% of the pairs: 25% raises nothing; fail_on: ERROR blocks on an alarm.
        assertThat(run(pipeline(Map.of("key", List.of("id"), "thresholds", Map.of("distance", "0.3"))))
                        .result("skew")
                        .orElseThrow()
                        .outputs()
                        .get("skew")
                        .get(0)
                        .property("summary.skew_alarms"))
                .contains(Value.of(""));
        assertThat(run(pipeline(Map.of("key", List.of("id"), "fail_on", "ERROR")))
                        .result("skew")
                        .orElseThrow()
                        .status())
                .isEqualTo(NodeStatus.BLOCKED);
    }

    @Test
    void aPiiKeyOrFeatureKeepsItsValuesOutOfTheReport() throws IOException {
        Path schema = dir.resolve("schema.pbtxt");
        Files.writeString(
                schema,
                "feature { name: \"id\" type: INT annotation { tag: \"veracity:pii\" } }\n"
                        + "feature { name: \"route\" type: BYTES annotation { tag: \"veracity:pii=ROUTE\" } }\n"
                        + "feature { name: \"distance\" type: INT }\n");
        pipeline(Map.of("key", List.of("id"))); // writes the data files
        Pipeline pipeline = Pipeline.builder("skew-pii", dir.resolve("root-pii"))
                .node(
                        "train",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("t/train.csv").toString(), "partition_feature", "id"),
                        Map.of())
                .node(
                        "serve",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("s/serving.csv").toString(), "partition_feature", "id"),
                        Map.of())
                .node("schema", new SchemaGen(), Map.of("import", schema.toString()), Map.of())
                .node(
                        "skew",
                        new SkewCheck(),
                        Map.of("key", List.of("id")),
                        Map.of("training", "train.examples", "serving", "serve.examples", "schema", "schema.schema"))
                .build();
        RunResult result = run(pipeline);
        Artifact artifact =
                result.result("skew").orElseThrow().outputs().get("skew").get(0);
        assertThat(artifact.property("summary.skew_alarms"))
                .as(result.toString())
                .contains(Value.of("distance"));
        for (String split : Splits.of(artifact)) {
            String json = Files.readString(
                    Splits.directory(Path.of(artifact.uri()), split).resolve("skew.json"));
            assertThat(json)
                    .contains("\"features_to_ignore\" : [ \"route\" ]")
                    .contains("\"skew_pairs\" : [ ]")
                    .doesNotContain("\"feature_name\" : \"route\"")
                    .doesNotContain("3000");
        }
    }

    @Test
    void refusesBadParametersNamingThem() {
        SkewCheck component = new SkewCheck();
        assertThatThrownBy(() -> component.validate(parameters(Map.of("key", List.of("id"), "threshold", 1.5))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter threshold");
        assertThatThrownBy(() -> component.validate(parameters(Map.of("key", List.of("id"), "samples", -1))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter samples");
        assertThatThrownBy(() -> component.validate(parameters(Map.of("key", List.of("id"), "ignore", List.of("id")))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ignore");
    }

    private static long diffCount(String json, String feature) {
        Matcher matcher = Pattern.compile("\"feature_name\" ?: ?\"" + feature + "\"[^}]*?\"diff_count\" ?: ?(\\d+)")
                .matcher(json);
        long total = 0;
        while (matcher.find()) {
            total += Long.parseLong(matcher.group(1));
        }
        return total;
    }

    private static Parameters parameters(Map<String, ?> raw) {
        return Parameters.of(new SkewCheck().spec(), raw, "node skew");
    }
}
