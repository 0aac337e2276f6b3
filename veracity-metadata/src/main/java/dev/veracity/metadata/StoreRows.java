package dev.veracity.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The SQL of {@link MetadataStore}: rows to records, and the JDBC plumbing. Not thread-safe: the store serializes. */
final class StoreRows {
    private final Connection connection;

    StoreRows(Connection connection) {
        this.connection = connection;
    }


    List<Artifact> artifacts(String where, Object... arguments) throws SQLException {
        List<Artifact> result = new ArrayList<>();
        try (PreparedStatement select = prepare("SELECT a.id, t.name, a.name, a.uri, a.state, a.create_time, "
                + "a.update_time FROM mlmd_artifact a JOIN mlmd_type t ON t.id = a.type_id WHERE " + where
                + " ORDER BY a.id", arguments); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new Artifact(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        ArtifactState.valueOf(rows.getString(5)), Map.of(), Map.of(), rows.getLong(6),
                        rows.getLong(7)));
            }
        }
        List<Artifact> withProperties = new ArrayList<>(result.size());
        for (Artifact a : result) {
            PropertyTable.Properties p = PropertyTable.read(connection, 'A', a.id());
            withProperties.add(new Artifact(a.id(), a.type(), a.name(), a.uri(), a.state(), p.declared(), p.custom(),
                    a.createTimeMillis(), a.updateTimeMillis()));
        }
        return withProperties;
    }

    List<Execution> executions(String where, Object... arguments) throws SQLException {
        List<Execution> result = new ArrayList<>();
        try (PreparedStatement select = prepare("SELECT e.id, t.name, e.name, e.state, e.create_time, e.update_time "
                + "FROM mlmd_execution e JOIN mlmd_type t ON t.id = e.type_id WHERE " + where + " ORDER BY e.id",
                arguments); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new Execution(rows.getLong(1), rows.getString(2), rows.getString(3),
                        ExecutionState.valueOf(rows.getString(4)), Map.of(), Map.of(), rows.getLong(5),
                        rows.getLong(6)));
            }
        }
        List<Execution> withProperties = new ArrayList<>(result.size());
        for (Execution e : result) {
            PropertyTable.Properties p = PropertyTable.read(connection, 'E', e.id());
            withProperties.add(new Execution(e.id(), e.type(), e.name(), e.state(), p.declared(), p.custom(),
                    e.createTimeMillis(), e.updateTimeMillis()));
        }
        return withProperties;
    }

    List<Context> contexts(String where, Object... arguments) throws SQLException {
        List<Context> result = new ArrayList<>();
        try (PreparedStatement select = prepare("SELECT c.id, t.name, c.name, c.create_time FROM mlmd_context c "
                + "JOIN mlmd_type t ON t.id = c.type_id WHERE " + where + " ORDER BY c.id", arguments);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new Context(rows.getLong(1), rows.getString(2), rows.getString(3), Map.of(),
                        rows.getLong(4)));
            }
        }
        List<Context> withProperties = new ArrayList<>(result.size());
        for (Context c : result) {
            withProperties.add(new Context(c.id(), c.type(), c.name(),
                    PropertyTable.read(connection, 'C', c.id()).declared(), c.createTimeMillis()));
        }
        return withProperties;
    }

    List<Event> events(String column, Collection<Long> ids) throws SQLException {
        List<Event> result = new ArrayList<>();
        if (ids.isEmpty()) {
            return result;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<long[]> heads = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (PreparedStatement select = prepare("SELECT id, artifact_id, execution_id, type, time_millis FROM "
                + "mlmd_event WHERE " + column + " IN (" + marks + ") ORDER BY id", ids.toArray());
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                heads.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(5)});
                types.add(rows.getString(4));
            }
        }
        for (int i = 0; i < heads.size(); i++) {
            long[] head = heads.get(i);
            List<Event.Step> path = new ArrayList<>();
            try (PreparedStatement select = prepare("SELECT step_key, step_index FROM mlmd_event_path WHERE "
                    + "event_id = ? ORDER BY step_number", head[0]); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    path.add(key != null ? new Event.Step.Key(key) : new Event.Step.Index(rows.getInt(2)));
                }
            }
            result.add(new Event(head[1], head[2], EventType.valueOf(types.get(i)), path, head[3]));
        }
        return result;
    }

    Void insertIfAbsent(String table, String first, long a, String second, long b) throws SQLException {
        try (PreparedStatement select = prepare("SELECT 1 FROM " + table + " WHERE " + first + " = ? AND " + second
                + " = ?", a, b); ResultSet rows = select.executeQuery()) {
            if (rows.next()) {
                return null;
            }
        }
        update("INSERT INTO " + table + " (" + first + ", " + second + ") VALUES (?, ?)", a, b);
        return null;
    }

    PreparedStatement prepare(String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, arguments);
        return statement;
    }

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

    private static void bind(PreparedStatement statement, Object[] arguments) throws SQLException {
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (argument instanceof Integer n) {
                statement.setLong(i + 1, n);
            } else {
                statement.setString(i + 1, (String) argument);
            }
        }
    }

}
