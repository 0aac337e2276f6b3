package dev.veracity.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The JDBC plumbing of the store: statements with bound arguments. Not thread-safe: {@link MetadataStore} serializes. */
final class Sql {
    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    /** {@return the connection, for the few callers that batch} */
    Connection connection() {
        return connection;
    }

    /** {@return the statement with its arguments bound (Long, Integer, Double or String)}: the caller closes it */
    PreparedStatement prepare(String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, arguments);
        return statement;
    }

    /** {@return the id the database generated for the inserted row} */
    long insert(String sql, Object... arguments) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, arguments);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated id for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    void update(String sql, Object... arguments) throws SQLException {
        try (PreparedStatement statement = prepare(sql, arguments)) {
            statement.executeUpdate();
        }
    }

    /** Inserts the pair into a link table (attribution, association, parent context) unless it is there. */
    Void insertIfAbsent(String table, String first, long a, String second, long b) throws SQLException {
        try (PreparedStatement select =
                        prepare("SELECT 1 FROM " + table + " WHERE " + first + " = ? AND " + second + " = ?", a, b);
                ResultSet rows = select.executeQuery()) {
            if (rows.next()) {
                return null;
            }
        }
        update("INSERT INTO " + table + " (" + first + ", " + second + ") VALUES (?, ?)", a, b);
        return null;
    }

    private static void bind(PreparedStatement statement, Object[] arguments) throws SQLException {
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (argument instanceof Integer n) {
                statement.setLong(i + 1, n);
            } else if (argument instanceof Double d) {
                statement.setDouble(i + 1, d);
            } else {
                statement.setString(i + 1, (String) argument);
            }
        }
    }
}
