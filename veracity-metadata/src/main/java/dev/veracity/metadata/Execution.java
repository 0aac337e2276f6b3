package dev.veracity.metadata;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a component (MLMD's {@code Execution}).
 *
 * <pre>{@code
 * Execution running = store.putExecution(Execution.of("StatisticsGen", ExecutionState.RUNNING));
 * }</pre>
 *
 * @param id               the store's id, 0 before it is stored
 * @param type             the name of its execution type
 * @param name             optional name ("" for none)
 * @param state            its last known state
 * @param properties       values of properties its type declares
 * @param customProperties any other values
 * @param createTimeMillis when it was first stored
 * @param updateTimeMillis when it was last stored
 */
public record Execution(
        long id,
        String type,
        String name,
        ExecutionState state,
        Map<String, Value> properties,
        Map<String, Value> customProperties,
        long createTimeMillis,
        long updateTimeMillis) {
    public Execution {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(state, "state is null");
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties is null"));
        customProperties = Map.copyOf(Objects.requireNonNull(customProperties, "customProperties is null"));
    }

    /** {@return an execution not yet stored} */
    public static Execution of(String type, ExecutionState state) {
        return new Execution(0, type, "", state, Map.of(), Map.of(), 0, 0);
    }

    /** {@return this execution with a declared property set} */
    public Execution withProperty(String key, Value value) {
        return new Execution(
                id,
                type,
                name,
                state,
                Records.with(properties, key, value),
                customProperties,
                createTimeMillis,
                updateTimeMillis);
    }

    /** {@return this execution with a custom property set} */
    public Execution withCustomProperty(String key, Value value) {
        return new Execution(
                id,
                type,
                name,
                state,
                properties,
                Records.with(customProperties, key, value),
                createTimeMillis,
                updateTimeMillis);
    }

    /** {@return this execution in another state} */
    public Execution withState(ExecutionState newState) {
        return new Execution(
                id, type, name, newState, properties, customProperties, createTimeMillis, updateTimeMillis);
    }

    /** {@return the value of a property, declared or custom} */
    public Optional<Value> property(String key) {
        return Optional.ofNullable(properties.getOrDefault(key, customProperties.get(key)));
    }
}
