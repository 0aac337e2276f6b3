package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.ReadOptions;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import dev.veracity.transform.TransformApply;
import dev.veracity.transform.TransformDirectory;
import dev.veracity.transform.TransformFit;
import dev.veracity.transform.TransformFn;
import dev.veracity.transform.TransformSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * TFX's Transform: fits the transform spec (an external file, whose digest joins the cache key) on one split of its
 * Examples, writes the transform directory as the {@code transform_graph} output ({@code transform_fn/}), every split
 * transformed as {@code transformed_examples} ({@code Split-NAME/data.jsonl}) and their statistics
 * ({@code Split-NAME/FeatureStats.pb}, computed in the same pass).
 *
 * <pre>{@code
 * transform: {component: Transform, inputs: {examples: gen.examples, schema: schema.schema},
 *             parameters: {spec: examples/transform.yaml}}
 * }</pre>
 */
public final class Transform implements Component {
    /** The fitted transform (TFX's TransformGraph). */
    public static final ArtifactType TRANSFORM_GRAPH = new ArtifactType("TransformGraph");

    private static final ComponentSpec SPEC = new ComponentSpec(
            "Transform",
            "1",
            List.of(
                    InputPort.required("examples", ArtifactType.EXAMPLES),
                    InputPort.optional("schema", ArtifactType.SCHEMA)),
            List.of(
                    new OutputPort("transform_graph", TRANSFORM_GRAPH),
                    new OutputPort("transformed_examples", ArtifactType.EXAMPLES),
                    new OutputPort("statistics", ArtifactType.EXAMPLE_STATISTICS)),
            List.of(
                    ParameterSpec.required("spec", ParameterType.STRING, "the transform spec file (YAML)"),
                    ParameterSpec.optional("split", ParameterType.STRING, "the split to fit on (default train)")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        if (parameters.string("spec").orElse("").isBlank()) {
            throw new ConfigException("parameter spec: expected a transform spec file, found an empty name");
        }
    }

    @Override
    public List<ExternalFile> externalInputs(Parameters parameters) {
        return List.of(ExternalFile.of(Path.of(parameters.string("spec").orElseThrow())));
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        String split = context.parameters().string("split").orElse("train");
        TransformSpec spec = TransformSpec.read(context.externalInputs().get(0).path());
        List<Artifact> examples = context.inputs("examples");
        Artifact source = examples.get(examples.size() - 1);
        if (!Splits.of(source).contains(split)) {
            throw new ConfigException("node " + context.nodeId() + ": expected split " + split + " in the examples "
                    + "input, found splits " + Splits.of(source));
        }
        Path root = Path.of(source.uri());
        TransformFit.Fitted fitted =
                TransformFit.fitWithSummary(spec, dataFiles(Splits.directory(root, split)), ReadOptions.DEFAULT);
        Path graph = context.outputDirectory("transform_graph").resolve("transform_fn");
        TransformDirectory.write(fitted.fn(), fitted.summary(), graph);
        TransformFn fn = TransformDirectory.read(graph);
        Path transformed = context.outputDirectory("transformed_examples");
        Path statistics = context.outputDirectory("statistics");
        List<String> splits = new ArrayList<>();
        for (String name : Splits.of(source)) {
            Path out = Splits.directory(transformed, name).resolve("data.jsonl");
            Path stats = Splits.directory(statistics, name).resolve("FeatureStats.pb");
            Files.createDirectories(out.getParent());
            Files.createDirectories(stats.getParent());
            TransformApply.apply(
                    fn,
                    TransformDirectory.inputSchema(graph),
                    dataFiles(Splits.directory(root, name)),
                    ReadOptions.DEFAULT,
                    out,
                    Optional.of(stats));
            splits.add(name);
        }
        long span = Splits.span(examples);
        context.setOutputProperty("transform_graph", "span", Value.of(span));
        context.setOutputProperty("transformed_examples", Splits.PROPERTY, Splits.property(splits));
        context.setOutputProperty("transformed_examples", "span", Value.of(span));
        context.setOutputProperty("statistics", Splits.PROPERTY, Splits.property(splits));
        context.setOutputProperty("statistics", "span", Value.of(span));
    }

    private static List<Path> dataFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
