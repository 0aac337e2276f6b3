package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
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
import dev.veracity.proto.Schema;
import dev.veracity.schema.InferenceOptions;
import dev.veracity.schema.SchemaCanonicalizer;
import dev.veracity.schema.SchemaEditor;
import dev.veracity.schema.SchemaInference;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TFX's SchemaGen: infers a schema from the statistics of one split (with {@link SchemaInference}), or imports a
 * curated, frozen one ({@code import: schema.pbtxt}); writes {@code schema.pbtxt}. {@code not_in_environment}
 * marks features (a label) absent from an environment, adding TRAINING and that environment as defaults.
 *
 * <pre>{@code
 * schema: {component: SchemaGen, inputs: {statistics: statistics.statistics}, parameters: {not_in_environment: {label: SERVING}}}
 * }</pre>
 */
public final class SchemaGen implements Component {
    private static final ComponentSpec SPEC = new ComponentSpec(
            "SchemaGen",
            "1",
            List.of(InputPort.optional("statistics", ArtifactType.EXAMPLE_STATISTICS)),
            List.of(new OutputPort("schema", ArtifactType.SCHEMA)),
            List.of(
                    ParameterSpec.optional("import", ParameterType.STRING, "a curated schema file to use instead"),
                    ParameterSpec.optional("split", ParameterType.STRING, "the split to infer from (default train)"),
                    ParameterSpec.optional("infer_feature_shape", ParameterType.BOOLEAN, "infer shapes (TFX)"),
                    ParameterSpec.optional(
                            "not_in_environment",
                            ParameterType.MAP,
                            "feature to the environment it is absent from, e.g. label: SERVING")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public List<ExternalFile> externalInputs(Parameters parameters) {
        return parameters
                .string("import")
                .map(file -> List.of(ExternalFile.of(Path.of(file))))
                .orElse(List.of());
    }

    @Override
    public void execute(ExecutionContext context) throws Exception {
        Parameters parameters = context.parameters();
        Schema schema;
        long span = -1;
        if (parameters.has("import")) {
            schema = SchemaFiles.read(context.externalInputs().get(0).path());
        } else {
            List<Artifact> statistics = context.inputs("statistics");
            if (statistics.isEmpty()) {
                throw new ConfigException("node " + context.nodeId() + ": expected input statistics or parameter "
                        + "import, found neither");
            }
            Artifact artifact = statistics.get(statistics.size() - 1);
            String split = parameters.string("split").orElse("train");
            if (!Splits.of(artifact).contains(split)) {
                throw new ConfigException("node " + context.nodeId() + ": expected split " + split + " in "
                        + artifact.uri() + ", found splits " + Splits.of(artifact));
            }
            schema = SchemaInference.infer(
                    StatisticsFiles.read(
                            Splits.directory(Path.of(artifact.uri()), split).resolve("FeatureStats.pb")),
                    InferenceOptions.defaults().withShape(parameters.bool("infer_feature_shape", false)));
            span = Splits.span(statistics);
        }
        Map<String, String> notIn = parameters.map("not_in_environment");
        if (!notIn.isEmpty()) {
            SchemaEditor editor = SchemaEditor.of(schema);
            Set<String> environments = new LinkedHashSet<>(schema.getDefaultEnvironmentList());
            environments.add("TRAINING");
            environments.addAll(notIn.values());
            for (String environment : environments) {
                if (!schema.getDefaultEnvironmentList().contains(environment)) {
                    editor.defaultEnvironment(environment);
                }
            }
            notIn.forEach((feature, environment) ->
                    editor.feature(feature).notInEnvironment(environment).done());
            schema = editor.build();
        }
        SchemaFiles.write(
                SchemaCanonicalizer.canonicalize(schema),
                context.outputDirectory("schema").resolve("schema.pbtxt"));
        context.setOutputProperty("schema", "span", Value.of(span));
    }
}
