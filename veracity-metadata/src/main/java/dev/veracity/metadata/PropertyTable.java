package dev.veracity.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads and writes the properties of artifacts, executions and contexts in one table, keyed by {@link OwnerKind}. */
final class PropertyTable {
    private PropertyTable() {}

    /** The properties of one owner: declared and custom. */
    record Properties(Map<String, Value> declared, Map<String, Value> custom) {}

    static void replace(
            Connection connection, OwnerKind owner, long id, Map<String, Value> declared, Map<String, Value> custom)
            throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM mlmd_property WHERE owner_kind = ? AND owner_id = ?")) {
            delete.setString(1, owner.code());
            delete.setLong(2, id);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mlmd_property (owner_kind, owner_id, "
                        + "name, is_custom, data_type, int_value, double_value, string_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            add(insert, owner, id, declared, 0);
            add(insert, owner, id, custom, 1);
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, OwnerKind owner, long id, Map<String, Value> values, int custom)
            throws SQLException {
        for (Map.Entry<String, Value> entry : values.entrySet()) {
            Value value = entry.getValue();
            insert.setString(1, owner.code());
            insert.setLong(2, id);
            insert.setString(3, entry.getKey());
            insert.setInt(4, custom);
            insert.setString(5, value.type().name());
            insert.setLong(6, value.intValue());
            insert.setDouble(7, value.doubleValue());
            insert.setString(8, value.type() == PropertyType.STRING ? value.stringValue() : value.toString());
            insert.addBatch();
        }
    }

    static Properties read(Connection connection, OwnerKind owner, long id) throws SQLException {
        Map<String, Value> declared = new HashMap<>();
        Map<String, Value> custom = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT name, is_custom, data_type, int_value, "
                + "double_value, string_value FROM mlmd_property WHERE owner_kind = ? AND owner_id = ?")) {
            select.setString(1, owner.code());
            select.setLong(2, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    PropertyType type = PropertyType.valueOf(rows.getString(3));
                    Value value = switch (type) {
                        case INT -> Value.of(rows.getLong(4));
                        case DOUBLE -> Value.of(rows.getDouble(5));
                        case STRING -> Value.of(rows.getString(6));
                    };
                    (rows.getInt(2) == 1 ? custom : declared).put(rows.getString(1), value);
                }
            }
        }
        return new Properties(declared, custom);
    }
}
