package dev.veracity.metadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An artifact, execution or context type with its declared properties (MLMD's {@code ArtifactType},
 * {@code ExecutionType}, {@code ContextType}). A type may gain properties later (MLMD's {@code can_add_fields});
 * it never loses one or changes one's type.
 *
 * <pre>{@code
 * store.putType(MetadataType.of(TypeKind.ARTIFACT, "Examples", Map.of("span", PropertyType.INT)));
 * }</pre>
 *
 * @param id         the store's id, 0 before it is stored
 * @param kind       what the type describes
 * @param name       unique per kind
 * @param properties the declared properties by name
 */
public record MetadataType(long id, TypeKind kind, String name, Map<String, PropertyType> properties) {
    public MetadataType {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("type name is blank");
        }
        properties = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(properties, "properties is null")));
    }

    /** {@return a type not yet stored} */
    public static MetadataType of(TypeKind kind, String name, Map<String, PropertyType> properties) {
        return new MetadataType(0, kind, name, properties);
    }
}
