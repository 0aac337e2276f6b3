package dev.veracity.pipeline.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** {@return the message of the error reading {@code yaml}: exit code 2 ({@link InputException}), one line} */
    private String error(String yaml) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(yaml));
        assertThat(thrown).isInstanceOf(InputException.class);
        assertThat(thrown.getMessage()).doesNotContain("\n");
        return thrown.getMessage();
    }

    private static final String HEAD = "pipeline: x\npipeline_root: r\nnodes:\n";

    /** {@return FILE:LINE:COLUMN of {@code token} in {@code text}, the line'th line of the file (1-based)} */
    private String at(int line, String text, String token) {
        assertThat(text).contains(token);
        return dir.resolve("p.yaml") + ":" + line + ":" + (text.indexOf(token) + 1);
    }

    @Test
    void errorsNameTheFileLineColumnAndTheNode() throws Exception {
        String file = dir.resolve("p.yaml").toString();
        String line = "  - {id: a, component: ExampleGenn}";
        assertThat(error(HEAD + line + "\n"))
                .isEqualTo(at(4, line, "ExampleGenn") + ": node a: expected a component (ExampleGen, StatisticsGen, "
                        + "SchemaGen, ExampleValidator, DriftCheck, SkewCheck, Report, FeatureSelection, ModelMonitor, Transform, "
                        + "LabelJoin, WeakLabel, PiiProtect, Fairness, Export, Importer, Resolver, "
                        + "or a class name), found \"ExampleGenn\"; did you mean ExampleGen?");
        line = "  - {id: a, component: a.b.Missing}";
        assertThat(error(HEAD + line + "\n"))
                .startsWith(at(4, line, "a.b.") + ": node a: component a.b.Missing: expected a class on the class "
                        + "path");
        assertThat(error("pipeline: x\npipeline_root: r\nnode: []\n"))
                .isEqualTo(file + ":3:1: expected a known key, found \"node\"; did you mean nodes?");
        assertThat(error(HEAD + "  - id: a\n    componen: ExampleGen\n"))
                .isEqualTo(file + ":5:5: expected a known key, found \"componen\"; did you mean component?");
        assertThat(error("pipeline: x\nnodes: []\n"))
                .isEqualTo(file + ":1:1: expected the key \"pipeline_root\", found none");
        line = "  - {id: a, component: ExampleGen, parameters: {input: x}, timeout: soon}";
        assertThat(error(HEAD + line + "\n"))
                .isEqualTo(at(4, line, "soon") + ": expected node a: timeout: a duration such as 90s, 30m, 24h, 1.5d, "
                        + "2w or PT1H, found \"soon\"");
        line = "  - {id: a, component: ExampleGen, parameters: {input: x}, retries: -1}";
        assertThat(error(HEAD + line + "\n"))
                .isEqualTo(at(4, line, "-1") + ": expected node a: retries: a whole number >= 0, found \"-1\"");
        line = "  - {id: a, component: ExampleGen, parameters: {inptu: x}}";
        assertThat(error(HEAD + line + "\n"))
                .isEqualTo(at(4, line, "inptu") + ": node a: parameter: expected a known key, found \"inptu\"; did "
                        + "you mean input?");
        line = "  - {id: a, component: ExampleGen, parameters: {input: [x]}}";
        assertThat(error(HEAD + line + "\n"))
                .startsWith(at(4, line, "[x]") + ": node a: parameter input: expected STRING, found [x]");
        line = "  - {id: a, component: ExampleGen, parameters: {}}";
        assertThat(error(HEAD + line + "\n")).startsWith(at(4, line, "{}") + ": node a: expected parameter input (");
        line = "  - {id: a, component: ExampleGen, parameters: {input: y}}";
        assertThat(error(HEAD + "  - {id: a, component: ExampleGen, parameters: {input: x}}\n" + line + "\n"))
                .isEqualTo(at(5, line, "a,") + ": expected node a: a unique node id, found it twice (first at "
                        + at(4, line, "{") + ")");
    }

    @Test
    void wiringErrorsPointAtTheInputAndACycleAtItsFirstNode() throws Exception {
        String gen = "  - {id: gen, component: ExampleGen, parameters: {input: x}}\n";
        String line = "  - {id: s, component: StatisticsGen, inputs: {examples: gen.exampels}}";
        assertThat(error(HEAD + gen + line + "\n"))
                .isEqualTo(at(5, line, "gen.") + ": node s: input examples: expected an output of gen (examples), "
                        + "found \"exampels\"; did you mean examples?");
        line = "  - {id: s, component: StatisticsGen, inputs: {examples: nope.examples}}";
        assertThat(error(HEAD + gen + line + "\n"))
                .startsWith(at(5, line, "nope") + ": node s: input examples: expected a node id, found \"nope\"");
        line = "  - {id: s, component: StatisticsGen, inputs: {exampels: gen.examples}}";
        assertThat(error(HEAD + gen + line + "\n"))
                .isEqualTo(
                        at(5, line, "{exampels") + ": node s: expected an input of StatisticsGen (examples, schema), "
                                + "found \"exampels\"; did you mean examples?");
        line = "  - {id: s, component: StatisticsGen}";
        assertThat(error(HEAD + gen + line + "\n"))
                .startsWith(at(5, line, "{") + ": node s: expected input examples (");
        line = "  - {id: s, component: StatisticsGen, inputs: {examples: {a: b}}}";
        assertThat(error(HEAD + gen + line + "\n"))
                .isEqualTo(at(5, line, "{a: b}") + ": expected node s: input examples: NODE.OUTPUT or a list of them, "
                        + "found a mapping");
        line = "  - {id: c, component: SchemaGen, inputs: {statistics: d.statistics}}";
        assertThat(error(HEAD
                        + "  - {id: a, component: StatisticsGen, inputs: {examples: b.examples}}\n"
                        + "  - {id: b, component: ExampleGen, parameters: {input: x}}\n"
                        + line + "\n"
                        + "  - {id: d, component: StatisticsGen, inputs: {examples: e.examples}}\n"
                        + "  - {id: e, component: dev.veracity.pipeline.yaml.PipelineFileTest$Loop, "
                        + "inputs: {schema: c.schema}}\n"))
                .isEqualTo(at(6, line, "{") + ": expected a DAG, found a cycle through nodes c, d, e");
    }

    /** Reads a schema and makes examples: closes a cycle. */
    public static final class Loop implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Loop",
                    "1",
                    List.of(InputPort.required("schema", ArtifactType.SCHEMA)),
                    List.of(new OutputPort("examples", ArtifactType.EXAMPLES)),
                    List.of());
        }

        @Override
        public void execute(ExecutionContext context) {}
    }

    @Test
    void aSyntaxErrorIsOneLineWithLineAndColumn() throws Exception {
        String file = dir.resolve("p.yaml").toString();
        assertThat(error("pipeline: x\n  pipeline_root: [\n"))
                .isEqualTo(file + ":2:16: expected YAML, found: mapping values are not allowed here");
        assertThat(error("pipeline: x\n\tpipeline_root: r\n"))
                .startsWith(file + ":1:12: expected YAML, found: while scanning for the next token");
        assertThat(error("pipeline: x\npipeline_root: r\nnodes: []\n"))
                .isEqualTo(file + ":3:8: expected nodes: a list of nodes, found an empty list");
        assertThat(error("pipeline: x\npipeline_root: \"r\\0s\"\nnodes: []\n"))
                .isEqualTo(file + ":2:16: expected pipeline_root: a path, found one with nul character not allowed");
        assertThat(error("pipeline: x\npipeline_root: r\nmetadata: \"m\\0.sqlite\"\nnodes: "
                        + "[{id: a, component: ExampleGen, parameters: {input: a.csv}}]\n"))
                .isEqualTo(file + ":3:11: expected metadata: a path, found one with nul character not allowed");
        assertThat(error("pipeline: \"x y\"\npipeline_root: r\nnodes: [{id: a, component: ExampleGen, "
                        + "parameters: {input: a.csv}}]\n"))
                .startsWith(file + ":1:11: pipeline: expected letters, digits");
    }

    @Test
    void aDeeplyNestedFileIsAnInputErrorNamingTheFileAndPosition() throws Exception {
        String deep = "pipeline: x\npipeline_root: r\nnodes: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        String file = dir.resolve("p.yaml").toString();
        assertThat(error(deep)).startsWith(file + ":3:").contains("expected YAML nested at most");
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
    void aResolverOfAnArtifactTypeThatIsNoNameIsAnErrorAtTheParameter() throws Exception {
        String line = "  - {id: r, component: Resolver, parameters: {artifact_type: 5}}";
        assertThat(error(HEAD + line + "\n"))
                .isEqualTo(at(4, line, "5}") + ": node r: parameter artifact_type: expected an artifact type name (a "
                        + "letter, then letters, digits or '_', e.g. Schema), found \"5\"");
        line = "  - {id: i, component: Importer, parameters: {artifact_type: a-b, source: s}}";
        assertThat(error(HEAD + line + "\n"))
                .startsWith(at(4, line, "a-b") + ": node i: parameter artifact_type: expected an artifact type name");
    }

    @Test
    void everyNodesParametersAreCheckedWhenTheFileIsRead() throws Exception {
        // The wrong split is in the last node: it is found before any node could run.
        String line = "  - {id: b, component: ExampleGen, parameters: {input: b.csv, splits: {train: many}}}";
        assertThat(error(HEAD + "  - {id: a, component: ExampleGen, parameters: {input: a.csv}}\n" + line + "\n"))
                .isEqualTo(at(5, line, "{train") + ": node b: splits: train: expected a positive number of hash "
                        + "buckets, found many");
        line = "  - {id: v, component: ExampleValidator, inputs: {statistics: s.statistics, schema: s.schema}, "
                + "parameters: {fail_on: SOMETIMES}}";
        assertThat(error(HEAD + line + "\n"))
                .isEqualTo(at(4, line, "SOMETIMES") + ": node v: parameter fail_on: expected ERROR, WARNING or NEVER, "
                        + "found SOMETIMES");
        line = "  - {id: r, component: Resolver, parameters: {artifact_type: Schema, count: 0}}";
        assertThat(error(HEAD + line + "\n"))
                .isEqualTo(at(4, line, "0}") + ": node r: parameter count: expected a whole number >= 1, found 0");
        line = "  - {id: s, component: StatisticsGen, inputs: {examples: g.examples}, parameters: {threads: 0}}";
        assertThat(error(HEAD + line + "\n"))
                .isEqualTo(at(4, line, "0}") + ": node s: parameter threads: expected a whole number >= 1, found 0");
    }
}
