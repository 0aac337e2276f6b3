package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.io.AnomaliesFiles;
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
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DriftCheck over two spans where only {@code distance} moved (the other features have the very same values per id,
 * so their distances are 0): exactly that feature is flagged, by TFDV's Jensen-Shannon comparator; the first span
 * raises nothing and says it had nothing to compare with; a re-run is cached.
 */
class DriftCheckTest {
    @TempDir
    Path dir;

    private void span(int span, int distanceOffset) throws IOException {
        span(span, distanceOffset, 600);
    }

    private void span(int span, int distanceOffset, int rows) throws IOException {
        StringBuilder csv = new StringBuilder("id,route,distance,pace\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i)
                    .append(',')
                    .append("r")
                    .append(i % 3)
                    .append(',')
                    .append(distanceOffset + i % 20)
                    .append(',')
                    .append(4.5 + (i % 7) / 10.0)
                    .append('\n');
        }
        Path file = dir.resolve("data/span-" + span + "/runs.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    private Pipeline pipeline(Map<String, Object> parameters) {
        return pipeline(parameters, null);
    }

    private Pipeline pipeline(Map<String, Object> parameters, Path baseline) {
        Map<String, String> inputs = new java.util.HashMap<>(Map.of(
                "statistics", "statistics.statistics",
                "previous", "previous.result",
                "schema", "schema.schema"));
        Pipeline.Builder builder = Pipeline.builder("drift", dir.resolve("root"));
        if (baseline != null) {
            builder.node(
                    "baseline",
                    new Importer(),
                    Map.of("source", baseline.toString(), "artifact_type", "ExampleStatistics"),
                    Map.of());
            inputs.put("baseline", "baseline.result");
        }
        return builder.node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("data/span-{SPAN}/*.csv").toString(), "partition_feature", "id"),
                        Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "statistics.statistics"))
                .node(
                        "previous",
                        new Resolver(),
                        Map.of("artifact_type", "ExampleStatistics", "producer", "statistics"),
                        Map.of("current", "gen.examples"))
                .node("drift", new DriftCheck(), parameters, inputs)
                .build();
    }

    private RunResult run(Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }

    @Test
    void flagsExactlyTheFeatureThatMoved() throws IOException {
        span(1, 10);
        RunResult first = run(pipeline(Map.of()));
        NodeResult firstDrift = first.result("drift").orElseThrow();
        assertThat(firstDrift.status()).as(first.toString()).isEqualTo(NodeStatus.EXECUTED);
        Artifact nothing = firstDrift.outputs().get("drift").get(0);
        assertThat(nothing.property("summary.drift_alarms")).contains(Value.of(""));
        assertThat(nothing.property("compared_with").orElseThrow().stringValue())
                .contains("first span");
        assertThat(nothing.property("span")).contains(Value.of(1L));

        span(2, 40);
        RunResult second = run(pipeline(Map.of()));
        NodeResult drift = second.result("drift").orElseThrow();
        assertThat(drift.status()).as(second.toString()).isEqualTo(NodeStatus.EXECUTED);
        Artifact artifact = drift.outputs().get("drift").get(0);
        assertThat(artifact.property("summary.drift_alarms")).contains(Value.of("distance"));
        assertThat(artifact.property("span")).contains(Value.of(2L));
        for (String split : Splits.of(artifact)) {
            Path directory = Splits.directory(Path.of(artifact.uri()), split);
            Anomalies anomalies = AnomaliesFiles.read(directory.resolve("anomalies.pbtxt"));
            assertThat(anomalies.getAnomalyInfoMap()).containsOnlyKeys("distance");
            assertThat(anomalies.getAnomalyInfoOrThrow("distance").getReasonList())
                    .extracting(AnomalyInfo.Reason::getType)
                    .containsExactly(AnomalyInfo.Type.COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH);
            String json = Files.readString(directory.resolve("drift.json"));
            assertThat(json).contains("\"spans\"").contains("\"feature\" : \"distance\"");
        }

        RunResult again = run(pipeline(Map.of()));
        assertThat(again.result("drift").orElseThrow().status()).isEqualTo(NodeStatus.CACHED);
        assertThat(again.results())
                .filteredOn(r -> !r.node().equals("previous"))
                .allMatch(r -> r.status() == NodeStatus.CACHED, again.toString());
        assertThat(again.result("drift")
                        .orElseThrow()
                        .outputs()
                        .get("drift")
                        .get(0)
                        .property("summary.drift_alarms"))
                .contains(Value.of("distance"));

        // fail_on: ERROR blocks on an alarm.
        assertThat(run(pipeline(Map.of("fail_on", "ERROR")))
                        .result("drift")
                        .orElseThrow()
                        .status())
                .isEqualTo(NodeStatus.BLOCKED);
    }

    @Test
    void comparesWithTheBaselineToo() throws IOException {
        span(1, 10);
        RunResult first = run(pipeline(Map.of()));
        Path baseline = dir.resolve("baseline-statistics");
        Path made = Path.of(first.result("statistics")
                .orElseThrow()
                .outputs()
                .get("statistics")
                .get(0)
                .uri());
        try (var files = Files.walk(made)) {
            for (Path file : files.toList()) {
                Path target = baseline.resolve(made.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        span(2, 40);
        run(pipeline(Map.of(), baseline));
        span(3, 40, 601); // one more row: statistics that differ from span 2's, distributions that do not
        RunResult third = run(pipeline(Map.of(), baseline));
        Artifact artifact =
                third.result("drift").orElseThrow().outputs().get("drift").get(0);
        assertThat(artifact.property("span")).contains(Value.of(3L));
        assertThat(artifact.property("summary.drift_alarms")).contains(Value.of("distance"));
        assertThat(artifact.property("compared_with").orElseThrow().stringValue())
                .isEqualTo("previous span 2 and baseline");
        for (String split : Splits.of(artifact)) {
            Path directory = Splits.directory(Path.of(artifact.uri()), split);
            assertThat(AnomaliesFiles.read(directory.resolve("anomalies.pbtxt")).getAnomalyInfoMap())
                    .isEmpty();
            assertThat(AnomaliesFiles.read(directory.resolve("baseline_anomalies.pbtxt"))
                            .getAnomalyInfoMap())
                    .containsOnlyKeys("distance");
        }
    }

    @Test
    void refusesBadParametersNamingThem() {
        DriftCheck component = new DriftCheck();
        assertThatThrownBy(() -> component.validate(parameters(Map.of("threshold", 2.0))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter threshold");
        assertThatThrownBy(() -> component.validate(parameters(Map.of("thresholds", Map.of("a", "x")))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter thresholds: a");
        assertThatThrownBy(() -> component.validate(parameters(Map.of("fail_on", "WARNING"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter fail_on");
    }

    private static Parameters parameters(Map<String, ?> raw) {
        return Parameters.of(new DriftCheck().spec(), raw, "node drift");
    }
}
