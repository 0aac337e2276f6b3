package dev.veracity.metadata;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of data that executions read or write, identified by its URI (MLMD's {@code Artifact}).
 *
 * <pre>{@code
 * Artifact examples = store.putArtifact(Artifact.of("Examples", "out/gen/examples/7").withProperty("span", Value.of(3)));
 * }</pre>
 *
 * @param id               the store's id, 0 before it is stored
 * @param type             the name of its artifact type
 * @param name             optional name, unique per type ("" for none)
 * @param uri              where the data lives
 * @param state            its life cycle state
 * @param properties       values of properties its type declares
 * @param customProperties any other values
 * @param createTimeMillis when it was first stored (ms since the epoch)
 * @param updateTimeMillis when it was last stored
 */
public record Artifact(
        long id,
        String type,
        String name,
        String uri,
        ArtifactState state,
        Map<String, Value> properties,
        Map<String, Value> customProperties,
        long createTimeMillis,
        long updateTimeMillis) {
    public Artifact {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(uri, "uri is null");
        Objects.requireNonNull(state, "state is null");
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties is null"));
        customProperties = Map.copyOf(Objects.requireNonNull(customProperties, "customProperties is null"));
    }

    /** {@return a LIVE artifact not yet stored} */
    public static Artifact of(String type, String uri) {
        return new Artifact(0, type, "", uri, ArtifactState.LIVE, Map.of(), Map.of(), 0, 0);
    }

    /** {@return this artifact with a declared property set} */
    public Artifact withProperty(String key, Value value) {
        return new Artifact(
                id,
                type,
                name,
                uri,
                state,
                Records.with(properties, key, value),
                customProperties,
                createTimeMillis,
                updateTimeMillis);
    }

    /** {@return this artifact with a custom property set} */
    public Artifact withCustomProperty(String key, Value value) {
        return new Artifact(
                id,
                type,
                name,
                uri,
                state,
                properties,
                Records.with(customProperties, key, value),
                createTimeMillis,
                updateTimeMillis);
    }

    /** {@return this artifact in another state} */
    public Artifact withState(ArtifactState newState) {
        return new Artifact(
                id, type, name, uri, newState, properties, customProperties, createTimeMillis, updateTimeMillis);
    }

    /** {@return this artifact with another name} */
    public Artifact withName(String newName) {
        return new Artifact(
                id, type, newName, uri, state, properties, customProperties, createTimeMillis, updateTimeMillis);
    }

    /** {@return the value of a property, declared or custom} */
    public Optional<Value> property(String key) {
        return Optional.ofNullable(properties.getOrDefault(key, customProperties.get(key)));
    }
}
