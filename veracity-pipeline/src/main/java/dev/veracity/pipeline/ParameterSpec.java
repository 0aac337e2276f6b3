package dev.veracity.pipeline;

import java.util.Objects;

/**
 * A declared parameter of a component.
 *
 * @param name        its name in the pipeline file ({@code partition_feature})
 * @param type        its type; a value of another type is refused when the pipeline is built
 * @param required    whether a node must set it
 * @param description one line for {@code --help} and error messages
 */
public record ParameterSpec(String name, ParameterType type, boolean required, String description) {
    public ParameterSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(description, "description is null");
    }

    /** {@return a required parameter} */
    public static ParameterSpec required(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, true, description);
    }

    /** {@return an optional parameter} */
    public static ParameterSpec optional(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, false, description);
    }
}
