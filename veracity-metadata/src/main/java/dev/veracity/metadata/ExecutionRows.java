package dev.veracity.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL of executions: insert or update one, select by a condition. Not thread-safe: the store serializes. */
final class ExecutionRows {
    private final Sql sql;
    private final TypeRegistry types;

    ExecutionRows(Sql sql, TypeRegistry types) {
        this.sql = sql;
        this.types = types;
    }

    /** {@return the execution as stored: inserted if its id is 0, else updated}; call inside a transaction */
    Execution put(Execution execution) throws SQLException {
        MetadataType type = types.require(TypeKind.EXECUTION, execution.type(), execution.properties());
        long now = System.currentTimeMillis();
        long id = execution.id();
        long created = execution.createTimeMillis() == 0 ? now : execution.createTimeMillis();
        if (id == 0) {
            id = sql.insert(
                    "INSERT INTO mlmd_execution (type_id, name, state, create_time, update_time) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    type.id(),
                    execution.name(),
                    execution.state().name(),
                    created,
                    now);
        } else {
            sql.update(
                    "UPDATE mlmd_execution SET name = ?, state = ?, update_time = ? WHERE id = ?",
                    execution.name(),
                    execution.state().name(),
                    now,
                    id);
        }
        PropertyTable.replace(
                sql.connection(), OwnerKind.EXECUTION, id, execution.properties(), execution.customProperties());
        return new Execution(
                id,
                execution.type(),
                execution.name(),
                execution.state(),
                execution.properties(),
                execution.customProperties(),
                created,
                now);
    }

    /** {@return the executions where {@code where} holds (over {@code e}, the execution, and {@code t}, its type), oldest first} */
    List<Execution> select(String where, Object... arguments) throws SQLException {
        List<Execution> result = new ArrayList<>();
        try (PreparedStatement select = sql.prepare(
                        "SELECT e.id, t.name, e.name, e.state, e.create_time, "
                                + "e.update_time FROM mlmd_execution e JOIN mlmd_type t ON t.id = e.type_id WHERE "
                                + where
                                + " ORDER BY e.id",
                        arguments);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new Execution(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        ExecutionState.valueOf(rows.getString(4)),
                        Map.of(),
                        Map.of(),
                        rows.getLong(5),
                        rows.getLong(6)));
            }
        }
        List<Execution> withProperties = new ArrayList<>(result.size());
        for (Execution e : result) {
            PropertyTable.Properties p = PropertyTable.read(sql.connection(), OwnerKind.EXECUTION, e.id());
            withProperties.add(new Execution(
                    e.id(),
                    e.type(),
                    e.name(),
                    e.state(),
                    p.declared(),
                    p.custom(),
                    e.createTimeMillis(),
                    e.updateTimeMillis()));
        }
        return withProperties;
    }

    /** {@return the executions with a string property (declared or custom) of this value, oldest first} */
    List<Execution> byProperty(String name, String value) throws SQLException {
        return select(
                "e.id IN (SELECT owner_id FROM mlmd_property WHERE owner_kind = ? AND name = ? "
                        + "AND string_value = ?)",
                OwnerKind.EXECUTION.code(),
                name,
                value);
    }
}
