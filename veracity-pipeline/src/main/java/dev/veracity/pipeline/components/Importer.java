package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import java.nio.file.Path;
import java.util.List;

/**
 * TFX's Importer: registers a file or directory from outside the pipeline (a curated schema directory, earlier
 * statistics) as an artifact of a given type, by reference (not copied); its content digest drives the cache.
 *
 * <pre>{@code
 * curated: {component: Importer, parameters: {source: schemas/v3, artifact_type: Schema}}
 * }</pre>
 */
public final class Importer implements Component {
    private static final ComponentSpec SPEC = new ComponentSpec(
            "Importer",
            "1",
            List.of(),
            List.of(new OutputPort("result", ArtifactType.EXTERNAL_FILE)),
            List.of(
                    ParameterSpec.required("source", ParameterType.STRING, "the file or directory to import"),
                    ParameterSpec.required("artifact_type", ParameterType.STRING, "its type, e.g. Schema")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        String type = parameters.string("artifact_type").orElseThrow();
        if (!ArtifactType.isName(type)) {
            throw new ConfigException("parameter artifact_type: expected an artifact type name (a letter, then "
                    + "letters, digits or '_', e.g. Schema), found \"" + type + "\"");
        }
    }

    @Override
    public ComponentSpec spec(Parameters parameters) {
        String type = parameters.string("artifact_type").orElseThrow();
        try {
            return new ComponentSpec(
                    SPEC.type(),
                    SPEC.codeVersion(),
                    SPEC.inputs(),
                    List.of(new OutputPort("result", new ArtifactType(type))),
                    SPEC.parameters());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "Importer: parameter artifact_type: expected a type name, found \"" + type + "\"");
        }
    }

    @Override
    public List<ExternalFile> externalInputs(Parameters parameters) {
        return List.of(ExternalFile.of(Path.of(parameters.string("source").orElseThrow())));
    }

    @Override
    public void execute(ExecutionContext context) {
        context.useReference("result", context.externalInputs().get(0).path());
    }
}
