package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export copies its artifacts byte for byte to the destination only when the validation blesses them: a validator
 * that passes exports, one that blocks leaves the destination absent, require_blessing without a blessed property
 * writes nothing and says why; a destination over an input is refused.
 */
class ExportTest {
    @TempDir
    Path dir;

    private Pipeline pipeline(Path data, String failOn, Map<String, ?> export) {
        return Pipeline.builder("export", dir.resolve("root"))
                .node("gen", new ExampleGen(), Map.of("input", data.toString()), Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node(
                        "curated",
                        new SchemaGen(),
                        Map.of("import", dir.resolve("schema.pbtxt").toString()),
                        Map.of())
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("fail_on", failOn),
                        Map.of("statistics", "statistics.statistics", "schema", "curated.schema"))
                .node(
                        "export",
                        new Export(),
                        export,
                        Map.of(
                                "artifacts", List.of("statistics.statistics", "curated.schema"),
                                "blessing", List.of("validate.anomalies")),
                        0,
                        Duration.ofMinutes(5))
                .build();
    }

    @Test
    void exportsOnlyBlessedArtifacts() throws IOException {
        Path data = LifecycleFixture.people(dir.resolve("people.csv"), 60);
        // A schema the data breaks (city is not one of its values): an ERROR anomaly.
        Files.writeString(dir.resolve("schema.pbtxt"), """
                feature { name: "city" type: BYTES domain: "city" }
                string_domain { name: "city" value: "Oslo" }
                """);
        Path published = dir.resolve("published");
        Map<String, String> export =
                Map.of("destination", published.resolve("span-{SPAN}").toString());
        Path store = dir.resolve("metadata.sqlite");

        RunResult blocked = LifecycleFixture.run(store, pipeline(data, "ERROR", export));
        assertThat(blocked.result("validate").orElseThrow().status()).isEqualTo(NodeStatus.BLOCKED);
        assertThat(blocked.result("export").orElseThrow().status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(published).doesNotExist();

        RunResult passed = LifecycleFixture.run(store, pipeline(data, "NEVER", export));
        assertThat(passed.isSuccess()).as(passed.toString()).isTrue();
        assertThat(LifecycleFixture.output(passed, "export", "exported")
                        .property("summary.exported")
                        .orElseThrow()
                        .stringValue())
                .isEqualTo("yes");
        Path statistics = LifecycleFixture.directory(passed, "statistics", "statistics");
        Path copy = published.resolve("span-0/statistics/statistics");
        assertThat(files(copy)).isEqualTo(files(statistics)).contains("Split-train/FeatureStats.pb");
        for (String file : files(statistics)) {
            assertThat(Files.readAllBytes(copy.resolve(file))).isEqualTo(Files.readAllBytes(statistics.resolve(file)));
        }
        assertThat(published.resolve("span-0/curated/schema/schema.pbtxt"))
                .hasSameTextualContentAs(
                        LifecycleFixture.directory(passed, "curated", "schema").resolve("schema.pbtxt"));
        try (Stream<Path> left = Files.list(published)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("span-0");
        }
        assertThat(LifecycleFixture.run(store, pipeline(data, "NEVER", export)).count(NodeStatus.CACHED))
                .isEqualTo(5);

        Path elsewhere = dir.resolve("elsewhere");
        RunResult unblessed = LifecycleFixture.run(
                store, pipeline(data, "NEVER", Map.of("destination", elsewhere.toString(), "require_blessing", true)));
        assertThat(unblessed.result("export").orElseThrow().status()).isEqualTo(NodeStatus.EXECUTED);
        assertThat(LifecycleFixture.output(unblessed, "export", "exported")
                        .property("summary.exported")
                        .orElseThrow()
                        .stringValue())
                .startsWith("no (validate/anomalies not blessed");
        assertThat(elsewhere).doesNotExist();
        assertThat(LifecycleFixture.directory(unblessed, "export", "exported").resolve(Export.RECORD_FILE))
                .content()
                .contains("\"exported\": false");

        RunResult over = LifecycleFixture.run(
                store,
                pipeline(
                        data, "NEVER", Map.of("destination", dir.resolve("root").toString())));
        assertThat(over.result("export").orElseThrow().status()).isEqualTo(NodeStatus.FAILED);
        assertThat(over.result("export").orElseThrow().message()).contains("would destroy an input");
        assertThat(statistics.resolve("Split-train/FeatureStats.pb")).exists();
    }

    @Test
    void parameterErrorsNameTheParameter() {
        Export export = new Export();
        assertThatThrownBy(() -> export.validate(Parameters.of(export.spec(), Map.of("destination", "out/{DAY}"), "e")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter destination");
    }

    @Test
    void theBlessedPropertyDecides() throws IOException {
        Path data = LifecycleFixture.people(dir.resolve("people.csv"), 30);
        Path store = dir.resolve("metadata.sqlite");
        for (long blessed : new long[] {0, 1}) {
            Path destination = dir.resolve("published-" + blessed);
            Pipeline pipeline = Pipeline.builder("blessing", dir.resolve("root"))
                    .node("gen", new ExampleGen(), Map.of("input", data.toString()), Map.of())
                    .node("check", new Blessing(), Map.of("blessed", blessed), Map.of("examples", "gen.examples"))
                    .node(
                            "export",
                            new Export(),
                            Map.of("destination", destination.toString(), "require_blessing", true),
                            Map.of(
                                    "artifacts", List.of("gen.examples"),
                                    "blessing", List.of("check.blessing")),
                            0,
                            Duration.ofMinutes(5))
                    .build();
            RunResult result = LifecycleFixture.run(store, pipeline);
            assertThat(result.isSuccess()).as(result.toString()).isTrue();
            String exported = LifecycleFixture.output(result, "export", "exported")
                    .property("summary.exported")
                    .orElseThrow()
                    .stringValue();
            if (blessed == 1) {
                assertThat(exported).isEqualTo("yes");
                assertThat(destination.resolve("gen/examples/Split-train/data.jsonl"))
                        .exists();
            } else {
                assertThat(exported).isEqualTo("no (check/blessing not blessed)");
                assertThat(destination).doesNotExist();
            }
        }
    }

    /** A validation that says what its parameter says, as artifact property {@code blessed}. */
    public static final class Blessing implements Component {
        private static final ComponentSpec SPEC = new ComponentSpec(
                "Blessing",
                "1",
                List.of(InputPort.required("examples", ArtifactType.EXAMPLES)),
                List.of(new OutputPort("blessing", new ArtifactType("ValidationResult"))),
                List.of(ParameterSpec.required("blessed", ParameterType.INT, "0 or 1")));

        @Override
        public ComponentSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(ExecutionContext context) throws IOException {
            Files.writeString(context.outputDirectory("blessing").resolve("blessing.txt"), "checked\n");
            context.setOutputProperty(
                    "blessing",
                    "blessed",
                    Value.of(context.parameters().integer("blessed").orElseThrow()));
        }
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> directory.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }
}
