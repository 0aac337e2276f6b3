package dev.veracity.metadata;

import java.util.List;
import java.util.Objects;

/**
 * An edge between an artifact and an execution (MLMD's {@code Event}): the execution read or wrote the artifact,
 * under a path that names it in the execution's inputs or outputs (e.g. {@code ["examples", 0]}).
 *
 * <pre>{@code
 * new Event(artifact.id(), execution.id(), EventType.OUTPUT, List.of(new Event.Step.Key("statistics"), new Event.Step.Index(0)), 0)
 * }</pre>
 *
 * @param artifactId  the artifact
 * @param executionId the execution
 * @param type        input, output, ...
 * @param path        the steps naming the artifact in the execution's input or output dictionary
 * @param timeMillis  when it happened (0 = now, when stored)
 */
public record Event(long artifactId, long executionId, EventType type, List<Step> path, long timeMillis) {
    public Event {
        Objects.requireNonNull(type, "type is null");
        path = List.copyOf(Objects.requireNonNull(path, "path is null"));
    }

    /** {@return an event with the path {@code [key, index]}, as TFX records its channels} */
    public static Event of(long artifactId, long executionId, EventType type, String key, int index) {
        return new Event(artifactId, executionId, type, List.of(new Step.Key(key), new Step.Index(index)), 0);
    }

    /** {@return the path as text, e.g. {@code examples[0]}} */
    public String pathText() {
        StringBuilder text = new StringBuilder();
        for (Step step : path) {
            if (step instanceof Step.Key key) {
                text.append(text.length() == 0 ? "" : ".").append(key.key());
            } else if (step instanceof Step.Index index) {
                text.append('[').append(index.index()).append(']');
            }
        }
        return text.toString();
    }

    /** One step of an event path: a key or an index (MLMD's {@code Event.Path.Step}). */
    public sealed interface Step {
        /** A key step. @param key the key */
        record Key(String key) implements Step {
            public Key {
                Objects.requireNonNull(key, "key is null");
            }
        }

        /** An index step. @param index the index */
        record Index(int index) implements Step {}
    }
}
