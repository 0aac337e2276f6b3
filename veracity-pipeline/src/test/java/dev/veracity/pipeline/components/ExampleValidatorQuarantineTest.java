package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExampleValidator with {@code quarantine: true}: the rows with a company outside the schema's domain are exactly
 * the quarantined ones (counted independently from the written data), the clean rows flow on to a StatisticsGen,
 * and a second run is fully cached.
 */
class ExampleValidatorQuarantineTest {
    @TempDir
    Path dir;

    private Pipeline pipeline() throws IOException {
        Path clean = dir.resolve("clean/trips.csv");
        Path dirty = dir.resolve("dirty/trips.csv");
        Files.createDirectories(clean.getParent());
        Files.createDirectories(dirty.getParent());
        StringBuilder good = new StringBuilder("id,fare,company\n");
        StringBuilder mixed = new StringBuilder("id,fare,company\n");
        for (int i = 0; i < 90; i++) {
            good.append(i)
                    .append(',')
                    .append(10 + i % 5)
                    .append(',')
                    .append(i % 3 == 0 ? "a" : "b")
                    .append('\n');
            mixed.append(i)
                    .append(',')
                    .append(10 + i % 5)
                    .append(',')
                    .append(i % 10 == 7 ? "zzz" : i % 3 == 0 ? "a" : "b")
                    .append('\n');
        }
        Files.writeString(clean, good);
        Files.writeString(dirty, mixed);
        return Pipeline.builder("quarantine", dir.resolve("root"))
                .node("reference", new ExampleGen(), Map.of("input", clean.toString()), Map.of())
                .node("refstats", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "reference.examples"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "refstats.statistics"))
                .node("gen", new ExampleGen(), Map.of("input", dirty.toString()), Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("quarantine", true, "fail_on", "NEVER"),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "schema", "schema.schema",
                                "examples", "gen.examples"))
                .node(
                        "cleanstats",
                        new StatisticsGen(),
                        Map.of("threads", 1),
                        Map.of("examples", "validate.clean_examples"))
                .build();
    }

    private RunResult run(Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }

    @Test
    void quarantinesExactlyTheRowsOutsideTheDomainAndPassesTheCleanOnes() throws IOException {
        Pipeline pipeline = pipeline();
        RunResult result = run(pipeline);
        NodeResult validate = result.result("validate").orElseThrow();
        assertThat(validate.status()).as(result.toString()).isEqualTo(NodeStatus.EXECUTED);
        assertThat(result.result("cleanstats").orElseThrow().status()).isEqualTo(NodeStatus.EXECUTED);

        List<String> input = lines(Path.of(result.result("gen")
                .orElseThrow()
                .outputs()
                .get("examples")
                .get(0)
                .uri()));
        List<String> kept =
                lines(Path.of(validate.outputs().get("clean_examples").get(0).uri()));
        Path quarantine = Path.of(validate.outputs().get("quarantine").get(0).uri());
        List<String> bad = lines(quarantine, "quarantine.jsonl");
        List<String> expectedBad =
                input.stream().filter(l -> l.contains("\"zzz\"")).sorted().toList();
        assertThat(expectedBad).isNotEmpty();
        assertThat(bad.stream().sorted().toList()).isEqualTo(expectedBad);
        assertThat(kept.stream().sorted().toList())
                .isEqualTo(input.stream()
                        .filter(l -> !l.contains("\"zzz\""))
                        .sorted()
                        .toList());
        List<String> reasons = lines(quarantine, ExampleValidatorQuarantine.REASONS);
        assertThat(reasons).hasSize(expectedBad.size()).allMatch(l -> l.contains("ENUM_TYPE_UNEXPECTED_STRING_VALUES"));

        Artifact anomalies = validate.outputs().get("anomalies").get(0);
        assertThat(anomalies.property("summary.quarantined")).contains(Value.of((long) expectedBad.size()));
        assertThat(anomalies.property("summary.anomalies").orElseThrow().intValue())
                .isPositive();
        assertThat(anomalies.property("summary.top_reasons").orElseThrow().stringValue())
                .startsWith("ENUM_TYPE_UNEXPECTED_STRING_VALUES");
        Artifact cleanExamples = validate.outputs().get("clean_examples").get(0);
        assertThat(cleanExamples.property("span")).isEqualTo(anomalies.property("span"));

        RunResult again = run(pipeline);
        assertThat(again.results()).allMatch(r -> r.status() == NodeStatus.CACHED, again.toString());
        assertThat(again.result("validate")
                        .orElseThrow()
                        .outputs()
                        .get("anomalies")
                        .get(0)
                        .property("summary.quarantined"))
                .contains(Value.of((long) expectedBad.size()));
    }

    @Test
    void quarantineWithoutExamplesIsRefusedWhenThePipelineIsBuilt() {
        assertThatThrownBy(() -> Pipeline.builder("q", dir.resolve("root"))
                        .node("gen", new ExampleGen(), Map.of("input", "x.csv"), Map.of())
                        .node("statistics", new StatisticsGen(), Map.of(), Map.of("examples", "gen.examples"))
                        .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "statistics.statistics"))
                        .node(
                                "validate",
                                new ExampleValidator(),
                                Map.of("quarantine", true),
                                Map.of("statistics", "statistics.statistics", "schema", "schema.schema"))
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("examples");
    }

    @Test
    void topReasonsAreTheThreeMostFrequentThenByName() {
        assertThat(ExampleValidator.topReasons(Map.of("B", 2L, "A", 2L, "C", 5L, "D", 1L)))
                .isEqualTo("C,A,B");
        assertThat(ExampleValidator.topReasons(Map.of())).isEmpty();
    }

    private static List<String> lines(Path artifact) throws IOException {
        return lines(artifact, null);
    }

    /** All lines of the files (named {@code name}, or any) in every split of an artifact. */
    private static List<String> lines(Path artifact, String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(artifact)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> name == null || f.getFileName().toString().equals(name))
                    .sorted()
                    .toList()) {
                Files.readAllLines(file).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        return lines;
    }
}
