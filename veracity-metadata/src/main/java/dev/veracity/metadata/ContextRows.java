package dev.veracity.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of contexts: put one by type and name, select by a condition. Not thread-safe: the store serializes. */
final class ContextRows {
    private final Sql sql;
    private final TypeRegistry types;

    ContextRows(Sql sql, TypeRegistry types) {
        this.sql = sql;
        this.types = types;
    }

    /** {@return the context of this type and name: the stored one (its properties updated), else a new one} */
    Context put(Context context) throws SQLException {
        MetadataType type = types.require(TypeKind.CONTEXT, context.type(), context.properties());
        Optional<Context> existing = select("t.name = ? AND c.name = ?", context.type(), context.name()).stream()
                .findFirst();
        long id;
        long created;
        if (existing.isPresent()) {
            id = existing.get().id();
            created = existing.get().createTimeMillis();
        } else {
            created = System.currentTimeMillis();
            id = sql.insert(
                    "INSERT INTO mlmd_context (type_id, name, create_time) VALUES (?, ?, ?)",
                    type.id(),
                    context.name(),
                    created);
        }
        PropertyTable.replace(sql.connection(), OwnerKind.CONTEXT, id, context.properties(), Map.of());
        return new Context(id, context.type(), context.name(), context.properties(), created);
    }

    /** {@return the contexts where {@code where} holds (over {@code c}, the context, and {@code t}, its type), oldest first} */
    List<Context> select(String where, Object... arguments) throws SQLException {
        List<Context> result = new ArrayList<>();
        try (PreparedStatement select = sql.prepare(
                        "SELECT c.id, t.name, c.name, c.create_time FROM mlmd_context c "
                                + "JOIN mlmd_type t ON t.id = c.type_id WHERE " + where + " ORDER BY c.id",
                        arguments);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(
                        new Context(rows.getLong(1), rows.getString(2), rows.getString(3), Map.of(), rows.getLong(4)));
            }
        }
        List<Context> withProperties = new ArrayList<>(result.size());
        for (Context c : result) {
            withProperties.add(new Context(
                    c.id(),
                    c.type(),
                    c.name(),
                    PropertyTable.read(sql.connection(), OwnerKind.CONTEXT, c.id())
                            .declared(),
                    c.createTimeMillis()));
        }
        return withProperties;
    }
}
