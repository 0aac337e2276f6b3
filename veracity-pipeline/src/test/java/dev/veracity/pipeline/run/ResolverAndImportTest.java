package dev.veracity.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.SchemaFiles;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.ExampleValidator;
import dev.veracity.pipeline.components.Importer;
import dev.veracity.pipeline.components.Resolver;
import dev.veracity.pipeline.components.SchemaGen;
import dev.veracity.pipeline.components.StatisticsGen;
import dev.veracity.pipeline.yaml.PipelineFile;
import dev.veracity.proto.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The previous-span resolver, the importer and SchemaGen's import, and the bundled example pipeline file. */
class ResolverAndImportTest {
    @TempDir
    Path dir;

    private Pipeline spans(Path curated) {
        return Pipeline.builder("spans", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of(
                                "input",
                                dir.resolve("data/span-{SPAN}/*.csv").toString(),
                                "splits",
                                Map.of("train", "1")),
                        Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node(
                        "previous",
                        new Resolver(),
                        Map.of("artifact_type", "ExampleStatistics", "producer", "statistics"),
                        Map.of("current", "gen.examples"))
                .node(
                        "curated",
                        new Importer(),
                        Map.of("source", curated.toString(), "artifact_type", "Schema"),
                        Map.of())
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("fail_on", "NEVER"),
                        Map.of(
                                "statistics",
                                "statistics.statistics",
                                "schema",
                                "curated.result",
                                "previous",
                                "previous.result"))
                .build();
    }

    @Test
    void theResolverGivesThePreviousSpansStatisticsAndTheImporterAReference() throws Exception {
        RunFixture.csv(dir.resolve("data/span-1/a.csv"), 200, 1);
        Path curated = dir.resolve("curated");
        Files.createDirectories(curated);
        MetadataConfig config = MetadataConfig.sqlite(dir.resolve("m.sqlite"));
        // A curated schema made by SchemaGen from the first span, imported from a file.
        RunResult seed = RunFixture.run(
                config,
                Pipeline.builder("seed", dir.resolve("seed-root"))
                        .node(
                                "gen",
                                new ExampleGen(),
                                Map.of("input", dir.resolve("data/span-1/a.csv").toString()),
                                Map.of())
                        .node("statistics", new StatisticsGen(), Map.of(), Map.of("examples", "gen.examples"))
                        .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "statistics.statistics"))
                        .node(
                                "frozen",
                                new SchemaGen(),
                                Map.of("import", dir.resolve("seed-root").toString() + "/none"),
                                Map.of())
                        .build(),
                RunOptions.DEFAULT.to("schema"));
        Path inferred = Path.of(seed.result("schema")
                        .orElseThrow()
                        .outputs()
                        .get("schema")
                        .get(0)
                        .uri())
                .resolve("schema.pbtxt");
        Files.copy(inferred, curated.resolve("schema.pbtxt"));

        RunResult first = RunFixture.run(config, spans(curated));
        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        assertThat(first.result("previous").orElseThrow().outputs().get("result"))
                .isEmpty();
        Artifact reference =
                first.result("curated").orElseThrow().outputs().get("result").get(0);
        assertThat(reference.uri())
                .isEqualTo(curated.toAbsolutePath().normalize().toString());
        assertThat(reference.state().name()).isEqualTo("REFERENCE");

        RunFixture.csv(dir.resolve("data/span-2/a.csv"), 200, 2);
        RunResult second = RunFixture.run(config, spans(curated));
        List<Artifact> previous =
                second.result("previous").orElseThrow().outputs().get("result");
        assertThat(previous).singleElement().satisfies(a -> {
            assertThat(a.property("span")).contains(Value.of(1L));
            assertThat(a.id())
                    .isEqualTo(first.result("statistics")
                            .orElseThrow()
                            .outputs()
                            .get("statistics")
                            .get(0)
                            .id());
        });
        assertThat(second.result("curated").orElseThrow().status()).isEqualTo(NodeStatus.CACHED);
        assertThat(second.result("validate").orElseThrow().status()).isEqualTo(NodeStatus.EXECUTED);
        // Run again with no change: the resolver selects the same span, so the validator hits the cache.
        RunResult third = RunFixture.run(config, spans(curated));
        assertThat(third.result("validate").orElseThrow().status()).isEqualTo(NodeStatus.CACHED);
        // Editing the curated schema re-runs the validator only.
        Schema schema = SchemaFiles.read(curated.resolve("schema.pbtxt"));
        SchemaFiles.write(schema.toBuilder().addDefaultEnvironment("SERVING").build(), curated.resolve("schema.pbtxt"));
        RunResult fourth = RunFixture.run(config, spans(curated));
        assertThat(fourth.count(NodeStatus.EXECUTED)).isEqualTo(3); // previous (a resolver), curated, validate
        assertThat(fourth.result("statistics").orElseThrow().status()).isEqualTo(NodeStatus.CACHED);
    }

    @Test
    void schemaGenImportsACuratedSchema() throws Exception {
        Path file = dir.resolve("frozen.pbtxt");
        Files.writeString(file, "feature { name: \"b\" type: INT }\nfeature { name: \"a\" type: BYTES }\n");
        RunResult result = RunFixture.run(
                MetadataConfig.sqlite(dir.resolve("m.sqlite")),
                Pipeline.builder("imp", dir.resolve("root"))
                        .node(
                                "schema",
                                new SchemaGen(),
                                Map.of("import", file.toString(), "not_in_environment", Map.of("b", "SERVING")),
                                Map.of())
                        .build());
        Schema imported = SchemaFiles.read(Path.of(result.result("schema")
                        .orElseThrow()
                        .outputs()
                        .get("schema")
                        .get(0)
                        .uri())
                .resolve("schema.pbtxt"));
        assertThat(imported.getFeatureList()).extracting(f -> f.getName()).containsExactly("a", "b");
        assertThat(imported.getDefaultEnvironmentList()).containsExactly("TRAINING", "SERVING");
        assertThat(imported.getFeature(1).getNotInEnvironmentList()).containsExactly("SERVING");
    }

    @Test
    void theBundledExamplePipelineIsValid() throws Exception {
        PipelineFile file = PipelineFile.read(Path.of("../examples/pipeline.yaml"));
        assertThat(file.pipeline().nodes())
                .extracting(n -> n.id())
                .containsExactly(
                        "runs_gen",
                        "serving_gen",
                        "statistics",
                        "serving_statistics",
                        "schema",
                        "validate_eval",
                        "validate_serving",
                        "select",
                        "transform");
        assertThat(file.metadata().url()).isEqualTo("jdbc:sqlite:out/pipeline/metadata.sqlite");
    }
}
