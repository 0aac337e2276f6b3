package dev.veracity.metadata;

import java.util.Map;
import java.util.Objects;

/**
 * A group of artifacts and executions: a pipeline, one run of it, one node (MLMD's {@code Context}).
 *
 * <pre>{@code
 * Context run = store.putContext(Context.of("pipeline_run", "runs-2024-05-01T10:00:00Z"));
 * }</pre>
 *
 * @param id               the store's id, 0 before it is stored
 * @param type             the name of its context type
 * @param name             unique per type
 * @param properties       values of properties its type declares
 * @param createTimeMillis when it was first stored
 */
public record Context(long id, String type, String name, Map<String, Value> properties, long createTimeMillis) {
    public Context {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(name, "name is null");
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties is null"));
    }

    /** {@return a context not yet stored} */
    public static Context of(String type, String name) {
        return new Context(0, type, name, Map.of(), 0);
    }

    /** {@return this context with a declared property set} */
    public Context withProperty(String key, Value value) {
        return new Context(id, type, name, Records.with(properties, key, value), createTimeMillis);
    }
}
