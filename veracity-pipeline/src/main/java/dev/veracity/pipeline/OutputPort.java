package dev.veracity.pipeline;

import java.util.Objects;

/**
 * A named, typed output of a component.
 *
 * @param name the name the wiring uses ({@code statistics})
 * @param type the artifact type it produces
 */
public record OutputPort(String name, ArtifactType type) {
    public OutputPort {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
    }
}
