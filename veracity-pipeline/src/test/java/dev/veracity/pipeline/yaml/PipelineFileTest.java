package dev.veracity.pipeline.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.OutputPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML pipeline file: wiring, defaults, user components by class name, and errors that name the node. */
class PipelineFileTest {
    @TempDir
    Path dir;

    /** A user's component, named in YAML by its class name. */
    public static final class Summary implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Summary",
                    "1",
                    List.of(InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS)),
                    List.of(new OutputPort("summary", new ArtifactType("Summary"))),
                    List.of());
        }

        @Override
        public void execute(ExecutionContext context) {}
    }

    private PipelineFile read(String yaml) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, yaml);
        return PipelineFile.read(file);
    }

    @Test
    void readsNodesDefaultsAndUserComponents() throws Exception {
        PipelineFile file = read("""
                pipeline: demo
                pipeline_root: out/demo
                metadata: jdbc:postgresql://db/ml
                defaults: {retries: 2, timeout: 90s}
                nodes:
                  - id: gen
                    component: ExampleGen
                    parameters: {input: "data/span-{SPAN}/*.csv", splits: {train: 3, eval: 1}}
                    timeout: 500ms
                  - id: stats
                    component: StatisticsGen
                    inputs: {examples: [gen.examples]}
                    retries: 0
                  - id: summary
                    component: dev.veracity.pipeline.yaml.PipelineFileTest$Summary
                    inputs: {statistics: stats.statistics}
                """);
        assertThat(file.pipeline().name()).isEqualTo("demo");
        assertThat(file.pipeline().root()).isEqualTo(Path.of("out/demo"));
        assertThat(file.metadata().url()).isEqualTo("jdbc:postgresql://db/ml");
        List<Node> nodes = file.pipeline().nodes();
        assertThat(nodes).extracting(Node::id).containsExactly("gen", "stats", "summary");
        assertThat(nodes).extracting(Node::retries).containsExactly(2, 0, 2);
        assertThat(nodes)
                .extracting(Node::timeout)
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(90), Duration.ofSeconds(90));
        assertThat(nodes.get(0).parameters().map("splits"))
                .containsExactly(java.util.Map.entry("train", "3"), java.util.Map.entry("eval", "1"));
        assertThat(nodes.get(2).component()).isInstanceOf(Summary.class);
    }

    @Test
    void errorsNameTheFileAndTheNode() throws Exception {
        String file = dir.resolve("p.yaml").toString();
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: a, component: Nope}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": node a: expected a component (ExampleGen, StatisticsGen, ")
                .hasMessageContaining(", Resolver, ")
                .hasMessageEndingWith("or a class name), found \"Nope\"");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: a, component: a.b.Missing}\n"))
                .hasMessageContaining("node a: component a.b.Missing: expected a class on the class path");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnode: []\n"))
                .hasMessage(file + ": expected one of [defaults, metadata, nodes, pipeline, pipeline_root], found "
                        + "\"node\"");
        assertThatThrownBy(() -> read("pipeline: x\nnodes: []\n"))
                .hasMessage(file + ": expected pipeline_root, " + "found none");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: a, component: ExampleGen, "
                        + "parameters: {input: x}, timeout: soon}\n"))
                .hasMessage(file + ": node a: timeout: expected a duration such as 500ms, 30s, 10m or 2h, found soon");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: a, component: ExampleGen, "
                        + "parameters: {input: x}, retries: -1}\n"))
                .hasMessage(file + ": node a: retries: expected a whole number >= 0, found -1");
        assertThatThrownBy(() -> read("pipeline: x\n  pipeline_root: [\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("expected YAML");
    }

    @Test
    void aSyntaxErrorIsOneLineWithLineAndColumn() throws Exception {
        String file = dir.resolve("p.yaml").toString();
        assertThatThrownBy(() -> read("pipeline: x\n  pipeline_root: [\n"))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2:16: expected YAML, found: mapping values are not allowed here");
        assertThatThrownBy(() -> read("pipeline: x\n\tpipeline_root: r\n"))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":1:12: expected YAML, found: while scanning for the next token: found character "
                        + "'\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes: []\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": nodes: expected a list of nodes, found an empty list");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: \"r\\0s\"\nnodes: []\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": pipeline_root: expected a path, found one with nul character not allowed");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nmetadata: \"m\\0.sqlite\"\nnodes: "
                        + "[{id: a, component: ExampleGen, parameters: {input: a.csv}}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": metadata: expected a path, found one with nul character not allowed");
    }

    @Test
    void aDeeplyNestedFileIsAnInputErrorNamingTheFileAndPosition() throws Exception {
        String deep = "pipeline: x\npipeline_root: r\nnodes: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        String file = dir.resolve("p.yaml").toString();
        assertThatThrownBy(() -> read(deep))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":3:")
                .hasMessageContaining("expected YAML, found: ")
                .hasMessageContaining("nesting depth")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aDirectoryAFileOfNoTextAndAnEndlessDeviceAreRefusedInOneLine() throws Exception {
        assertThatThrownBy(() -> PipelineFile.read(dir))
                .isInstanceOf(InputException.class)
                .hasMessage(dir + ": expected a pipeline file, found a directory");
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> PipelineFile.read(binary))
                .isInstanceOf(InputException.class)
                .hasMessage(binary + ": expected UTF-8 YAML, found bytes that are not UTF-8");
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[PipelineFile.MAX_BYTES + 1]);
        assertThatThrownBy(() -> PipelineFile.read(big))
                .isInstanceOf(InputException.class)
                .hasMessage(big + ": expected a pipeline file of at most 3 MiB, found more");
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertThatThrownBy(() -> PipelineFile.read(zero))
                    .isInstanceOf(InputException.class)
                    .hasMessage("/dev/zero: expected a pipeline file of at most 3 MiB, found more");
        }
    }

    @Test
    void aResolverOfAnArtifactTypeThatIsNoNameIsAConfigErrorNamingTheNode() throws Exception {
        String file = dir.resolve("p.yaml").toString();
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: r, component: Resolver, "
                        + "parameters: {artifact_type: 5}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": node r: parameter artifact_type: expected an artifact type name (a letter, "
                        + "then letters, digits or '_', e.g. Schema), found \"5\"");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: i, component: Importer, "
                        + "parameters: {artifact_type: a-b, source: s}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": node i: parameter artifact_type: expected an artifact type name");
    }

    @Test
    void everyNodesParametersAreCheckedWhenTheFileIsRead() throws Exception {
        String file = dir.resolve("p.yaml").toString();
        // The wrong split is in the last node: it is found before any node could run.
        String nodes = "pipeline: x\npipeline_root: r\nnodes:\n"
                + "  - {id: a, component: ExampleGen, parameters: {input: a.csv}}\n"
                + "  - {id: b, component: ExampleGen, parameters: {input: b.csv, splits: {train: many}}}\n";
        assertThatThrownBy(() -> read(nodes))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": node b: splits: train: expected a positive number of hash buckets, found many");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: v, component: "
                        + "ExampleValidator, inputs: {statistics: s.statistics, schema: s.schema}, parameters: {fail_on: "
                        + "SOMETIMES}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": node v: parameter fail_on: expected ERROR, WARNING or NEVER, found SOMETIMES");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: r, component: Resolver, "
                        + "parameters: {artifact_type: Schema, count: 0}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": node r: parameter count: expected a whole number >= 1, found 0");
        assertThatThrownBy(() -> read("pipeline: x\npipeline_root: r\nnodes:\n  - {id: s, component: StatisticsGen, "
                        + "inputs: {examples: g.examples}, parameters: {threads: 0}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": node s: parameter threads: expected a whole number >= 1, found 0");
    }
}
