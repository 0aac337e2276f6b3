package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DriftCheck and Report with a schema marking {@code runner} PII: the runners change completely from one span to
 * the next (TFDV's L-infinity anomaly would name one), yet no drift artifact or report holds a runner's name and
 * only {@code distance} alarms.
 */
class DriftCheckPiiTest {
    private static final String[] BEFORE = {"alice.martin", "bruno.keller", "chloe.dubois"};
    private static final String[] AFTER = {"zoe.novak", "yann.petit", "xavier.roux"};

    @TempDir
    Path dir;

    private void span(int span, String[] runners, int offset) throws IOException {
        StringBuilder csv = new StringBuilder("id,runner,distance\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i)
                    .append(',')
                    .append(runners[i % 3])
                    .append(',')
                    .append(offset + i % 20)
                    .append('\n');
        }
        Path file = dir.resolve("data/span-" + span + "/runs.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    @Test
    void noDriftArtifactHoldsAPiiValue() throws IOException {
        Path schema = dir.resolve("schema.pbtxt");
        Files.writeString(
                schema,
                "feature { name: \"id\" type: INT }\n"
                        + "feature { name: \"runner\" type: BYTES annotation { tag: \"veracity:pii\" } }\n"
                        + "feature { name: \"distance\" type: INT }\n");
        Pipeline pipeline = Pipeline.builder("pii", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of(
                                "input",
                                dir.resolve("data/span-{SPAN}/*.csv").toString(),
                                "splits",
                                Map.of("train", "1")),
                        Map.of())
                .node("schema", new SchemaGen(), Map.of("import", schema.toString()), Map.of())
                .node(
                        "statistics",
                        new StatisticsGen(),
                        Map.of("threads", 1),
                        Map.of("examples", "gen.examples", "schema", "schema.schema"))
                .node(
                        "previous",
                        new Resolver(),
                        Map.of("artifact_type", "ExampleStatistics", "producer", "statistics"),
                        Map.of("current", "gen.examples"))
                .node(
                        "drift",
                        new DriftCheck(),
                        Map.of(),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "previous", "previous.result",
                                "schema", "schema.schema"))
                .node(
                        "report",
                        new Report(),
                        Map.of(),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "previous", "previous.result",
                                "drift", "drift.drift",
                                "schema", "schema.schema"))
                .build();
        span(1, BEFORE, 10);
        run(pipeline);
        span(2, AFTER, 50);
        RunResult second = run(pipeline);
        assertThat(second.result("report").orElseThrow().status())
                .as(second.toString())
                .isEqualTo(NodeStatus.EXECUTED);
        Artifact drift =
                second.result("drift").orElseThrow().outputs().get("drift").get(0);
        assertThat(drift.property("summary.drift_alarms")).contains(Value.of("distance"));
        for (String node : List.of("drift", "report")) {
            for (List<Artifact> artifacts :
                    second.result(node).orElseThrow().outputs().values()) {
                for (Artifact artifact : artifacts) {
                    try (Stream<Path> files = Files.walk(Path.of(artifact.uri()))) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            String text =
                                    new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                            for (String name : AFTER) {
                                assertThat(text).as(file.toString()).doesNotContain(name);
                            }
                            for (String name : BEFORE) {
                                assertThat(text).as(file.toString()).doesNotContain(name);
                            }
                        }
                    }
                }
            }
        }
    }

    private RunResult run(Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }
}
