package dev.veracity.pipeline;

import java.util.Objects;

/**
 * A named, typed input of a component.
 *
 * @param name     the name the wiring uses ({@code examples})
 * @param type     the artifact type it accepts
 * @param optional whether the component runs without it
 */
public record InputPort(String name, ArtifactType type, boolean optional) {
    public InputPort {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
    }

    /** {@return a required input} */
    public static InputPort required(String name, ArtifactType type) {
        return new InputPort(name, type, false);
    }

    /** {@return an optional input} */
    public static InputPort optional(String name, ArtifactType type) {
        return new InputPort(name, type, true);
    }
}
