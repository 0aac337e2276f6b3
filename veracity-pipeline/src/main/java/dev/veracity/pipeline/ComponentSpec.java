package dev.veracity.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a component declares: its type name, code version (part of every cache key: bump it when the output of the
 * same inputs changes), typed inputs and outputs, and parameters.
 *
 * <pre>{@code
 * new ComponentSpec("StatisticsGen", "1", List.of(InputPort.required("examples", ArtifactType.EXAMPLES)),
 *         List.of(new OutputPort("statistics", ArtifactType.EXAMPLE_STATISTICS)), List.of());
 * }</pre>
 *
 * @param type        the component type, also the MLMD execution type
 * @param codeVersion the version of the code that makes the outputs
 * @param inputs      the inputs, by name
 * @param outputs     the outputs, by name
 * @param parameters  the parameters, by name
 */
public record ComponentSpec(
        String type,
        String codeVersion,
        List<InputPort> inputs,
        List<OutputPort> outputs,
        List<ParameterSpec> parameters) {
    public ComponentSpec {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(codeVersion, "codeVersion is null");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = List.copyOf(parameters);
    }

    /** {@return the input of this name} */
    public Optional<InputPort> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** {@return the output of this name} */
    public Optional<OutputPort> output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** {@return the parameter of this name} */
    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
