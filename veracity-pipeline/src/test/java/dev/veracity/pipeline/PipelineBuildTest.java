package dev.veracity.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.ExampleValidator;
import dev.veracity.pipeline.components.Importer;
import dev.veracity.pipeline.components.SchemaGen;
import dev.veracity.pipeline.components.StatisticsGen;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pipeline is checked when built: wiring, types, parameters, cycles. */
class PipelineBuildTest {
    private static Pipeline.Builder builder() {
        return Pipeline.builder("p", Path.of("root")).source("p.yaml");
    }

    @Test
    void nodesComeOutInTopologicalOrderWithTiesInFileOrder() {
        Pipeline pipeline = builder()
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of(),
                        Map.of("statistics", "stats.statistics", "schema", "schema.schema"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "stats.statistics"))
                .node("stats", new StatisticsGen(), Map.of(), Map.of("examples", "gen.examples"))
                .node("gen", new ExampleGen(), Map.of("input", "x.csv"), Map.of())
                .build();
        assertThat(pipeline.nodes()).extracting(Node::id).containsExactly("gen", "stats", "schema", "validate");
        assertThat(pipeline.downstreamOf("stats")).containsExactly("schema", "validate");
        assertThat(pipeline.upstreamOf("schema")).containsExactlyInAnyOrder("stats", "gen");
    }

    @Test
    void aTypeMismatchIsRefused() {
        assertThatThrownBy(() -> builder()
                        .node("gen", new ExampleGen(), Map.of("input", "x.csv"), Map.of())
                        .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "gen.examples"))
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("p.yaml: node schema: input statistics: expected an "
                        + "artifact of type ExampleStatistics, found Examples from gen.examples");
    }

    @Test
    void aCycleIsRefused() {
        assertThatThrownBy(() -> builder()
                        .node("a", new StatisticsGen(), Map.of(), Map.of("examples", "b.examples"))
                        .node("b", new Loop(), Map.of(), Map.of("statistics", "a.statistics"))
                        .node("gen", new ExampleGen(), Map.of("input", "x.csv"), Map.of())
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("p.yaml: expected a DAG, found a cycle through nodes " + "a, b");
        assertThatThrownBy(() -> builder()
                        .node("self", new Loop(), Map.of(), Map.of("statistics", "self.x"))
                        .build())
                .hasMessageContaining("expected an output of self (examples), found \"x\"");
    }

    /** Turns statistics into examples, to make a cycle possible. */
    private static final class Loop implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Loop",
                    "1",
                    List.of(InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS)),
                    List.of(new OutputPort("examples", ArtifactType.EXAMPLES)),
                    List.of());
        }

        @Override
        public void execute(ExecutionContext context) {}
    }

    @Test
    void unknownNodesOutputsInputsAndMissingInputsAreRefused() {
        assertThatThrownBy(() -> builder()
                        .node("stats", new StatisticsGen(), Map.of(), Map.of("examples", "nowhere.examples"))
                        .build())
                .hasMessage("p.yaml: node stats: input examples: expected a node id, "
                        + "found \"nowhere\" (nodes: stats)");
        assertThatThrownBy(() -> builder()
                        .node("gen", new ExampleGen(), Map.of("input", "x"), Map.of())
                        .node("stats", new StatisticsGen(), Map.of(), Map.of("example", "gen.examples"))
                        .build())
                .hasMessage(
                        "p.yaml: node stats: expected an input of StatisticsGen (examples, schema), found \"example\"");
        assertThatThrownBy(() -> builder()
                        .node("stats", new StatisticsGen(), Map.of(), Map.of())
                        .build())
                .hasMessage("p.yaml: node stats: expected input examples (Examples) to be wired, found it missing");
        assertThatThrownBy(() -> builder()
                        .node("stats", new StatisticsGen(), Map.of(), Map.of("examples", "gen"))
                        .build())
                .hasMessage("p.yaml: node stats: input examples: expected NODE.OUTPUT, found \"gen\"");
        assertThatThrownBy(() -> builder()
                        .node("gen", new ExampleGen(), Map.of("input", "x"), Map.of())
                        .node("gen", new ExampleGen(), Map.of("input", "y"), Map.of()))
                .hasMessage("p.yaml: node gen: expected a unique node id, found it twice");
    }

    @Test
    void parametersAreCheckedAndConverted() {
        assertThatThrownBy(() -> builder().node("gen", new ExampleGen(), Map.of(), Map.of()))
                .hasMessageStartingWith("p.yaml: node gen: expected parameter input (input files");
        assertThatThrownBy(() -> builder().node("gen", new ExampleGen(), Map.of("input", "x", "inputs", "y"), Map.of()))
                .hasMessage("p.yaml: node gen: expected a parameter of ExampleGen (input, splits, partition_feature, "
                        + "span, output_format), found \"inputs\"");
        assertThatThrownBy(() -> builder().node("gen", new ExampleGen(), Map.of("input", "x", "span", 1.5), Map.of()))
                .hasMessage("p.yaml: node gen: parameter span: expected INT, found 1.5 (Double)");
        assertThatThrownBy(() ->
                        builder().node("gen", new ExampleGen(), Map.of("input", "x", "splits", List.of("a")), Map.of()))
                .hasMessageContaining("parameter splits: expected MAP, found [a]");
        Node node = builder()
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", "x", "span", "3", "splits", new java.util.LinkedHashMap<>(Map.of("b", 1))),
                        Map.of())
                .build()
                .nodes()
                .get(0);
        assertThat(node.parameters().integer("span")).contains(3L);
        assertThat(node.parameters().map("splits")).containsExactly(Map.entry("b", "1"));
        assertThat(node.parameters().canonical()).isEqualTo("{\"input\":\"x\",\"span\":3,\"splits\":[[\"b\",\"1\"]]}");
    }

    @Test
    void anImportersOutputTypeIsItsParameterAndIsTypeChecked() {
        Pipeline pipeline = builder()
                .node("curated", new Importer(), Map.of("source", "schema.pbtxt", "artifact_type", "Schema"), Map.of())
                .node("stats", new StatisticsGen(), Map.of(), Map.of("examples", "gen.examples"))
                .node("gen", new ExampleGen(), Map.of("input", "x.csv"), Map.of())
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of(),
                        Map.of("statistics", "stats.statistics", "schema", "curated.result"))
                .build();
        assertThat(pipeline.node("curated")
                        .orElseThrow()
                        .spec()
                        .outputs()
                        .get(0)
                        .type())
                .isEqualTo(ArtifactType.SCHEMA);
        assertThatThrownBy(() -> builder()
                        .node("curated", new Importer(), Map.of("source", "s", "artifact_type", "Examples"), Map.of())
                        .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "curated.result"))
                        .build())
                .hasMessageContaining("expected an artifact of type ExampleStatistics, found Examples");
        assertThat(builder()
                        .defaults(3, Duration.ofSeconds(5))
                        .node("gen", new ExampleGen(), Map.of("input", "x"), Map.of())
                        .build()
                        .nodes()
                        .get(0))
                .extracting(Node::retries, Node::timeout)
                .containsExactly(3, Duration.ofSeconds(5));
    }
}
