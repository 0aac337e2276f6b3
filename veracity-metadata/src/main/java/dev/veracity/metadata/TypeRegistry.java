package dev.veracity.metadata;

import dev.veracity.ConfigException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The types of the store (MLMD's ArtifactType, ExecutionType, ContextType) with their declared properties, cached
 * after the first read: a type only ever gains properties. Not thread-safe: {@link MetadataStore} serializes.
 */
final class TypeRegistry {
    private final Sql sql;
    private final Map<String, MetadataType> cache = new LinkedHashMap<>();

    TypeRegistry(Sql sql) {
        this.sql = sql;
    }

    /**
     * {@return the stored type: created, or the existing one with any new properties added}
     *
     * @throws ConfigException if the existing type declares one of the properties with another type
     */
    MetadataType put(MetadataType type) throws SQLException {
        Optional<MetadataType> existing = find(type.kind(), type.name());
        long id;
        Map<String, PropertyType> properties = new LinkedHashMap<>();
        if (existing.isPresent()) {
            id = existing.get().id();
            properties.putAll(existing.get().properties());
            for (Map.Entry<String, PropertyType> p : type.properties().entrySet()) {
                PropertyType old = properties.get(p.getKey());
                if (old != null && old != p.getValue()) {
                    throw new ConfigException("metadata type " + type.name() + ": property " + p.getKey() + " is " + old
                            + " in the store, found " + p.getValue());
                }
            }
        } else {
            id = sql.insert(
                    "INSERT INTO mlmd_type (kind, name) VALUES (?, ?)",
                    type.kind().name(),
                    type.name());
        }
        for (Map.Entry<String, PropertyType> p : type.properties().entrySet()) {
            if (!properties.containsKey(p.getKey())) {
                sql.update(
                        "INSERT INTO mlmd_type_property (type_id, name, data_type) VALUES (?, ?, ?)",
                        id,
                        p.getKey(),
                        p.getValue().name());
                properties.put(p.getKey(), p.getValue());
            }
        }
        MetadataType stored = new MetadataType(id, type.kind(), type.name(), properties);
        cache.put(key(type.kind(), type.name()), stored);
        return stored;
    }

    /** {@return the type of this kind and name, if stored} */
    Optional<MetadataType> find(TypeKind kind, String name) throws SQLException {
        MetadataType cached = cache.get(key(kind, name));
        if (cached != null) {
            return Optional.of(cached);
        }
        Long id = null;
        Map<String, PropertyType> properties = new LinkedHashMap<>();
        try (PreparedStatement select = sql.prepare(
                        "SELECT t.id, p.name, p.data_type FROM mlmd_type t LEFT JOIN "
                                + "mlmd_type_property p ON p.type_id = t.id WHERE t.kind = ? AND t.name = ? ORDER BY p.name",
                        kind.name(),
                        name);
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                id = result.getLong(1);
                if (result.getString(2) != null) {
                    properties.put(result.getString(2), PropertyType.valueOf(result.getString(3)));
                }
            }
        }
        if (id == null) {
            return Optional.empty();
        }
        MetadataType type = new MetadataType(id, kind, name, properties);
        cache.put(key(kind, name), type);
        return Optional.of(type);
    }

    /**
     * {@return the stored type of a record about to be stored}
     *
     * @throws IllegalArgumentException if the type is not stored or does not declare a property with that type
     */
    MetadataType require(TypeKind kind, String name, Map<String, Value> declared) throws SQLException {
        MetadataType type = find(kind, name)
                .orElseThrow(() -> new IllegalArgumentException(
                        kind.name().toLowerCase() + " type " + name + " is not in the store: put it first"));
        for (Map.Entry<String, Value> p : declared.entrySet()) {
            PropertyType expected = type.properties().get(p.getKey());
            if (expected != p.getValue().type()) {
                throw new IllegalArgumentException("type " + name + " declares " + p.getKey() + " as " + expected
                        + ", found a " + p.getValue().type() + " value");
            }
        }
        return type;
    }

    private static String key(TypeKind kind, String name) {
        return kind + "/" + name;
    }
}
