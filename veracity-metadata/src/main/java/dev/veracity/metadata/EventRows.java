package dev.veracity.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The SQL of events and their paths. Not thread-safe: the store serializes. */
final class EventRows {
    private final Sql sql;

    EventRows(Sql sql) {
        this.sql = sql;
    }

    /** Stores an event with its path; call inside a transaction. */
    Void put(Event event) throws SQLException {
        long time = event.timeMillis() == 0 ? System.currentTimeMillis() : event.timeMillis();
        long id = sql.insert(
                "INSERT INTO mlmd_event (artifact_id, execution_id, type, time_millis) " + "VALUES (?, ?, ?, ?)",
                event.artifactId(),
                event.executionId(),
                event.type().name(),
                time);
        int number = 0;
        for (Event.Step step : event.path()) {
            if (step instanceof Event.Step.Key key) {
                sql.update(
                        "INSERT INTO mlmd_event_path (event_id, step_number, step_key) VALUES (?, ?, ?)",
                        id,
                        number,
                        key.key());
            } else if (step instanceof Event.Step.Index index) {
                sql.update(
                        "INSERT INTO mlmd_event_path (event_id, step_number, step_index) VALUES (?, ?, ?)",
                        id,
                        number,
                        index.index());
            }
            number++;
        }
        return null;
    }

    /** {@return the events whose {@code column} (artifact_id or execution_id) is one of {@code ids}, oldest first} */
    List<Event> select(String column, Collection<Long> ids) throws SQLException {
        List<Event> result = new ArrayList<>();
        if (ids.isEmpty()) {
            return result;
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        List<long[]> heads = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (PreparedStatement select = sql.prepare(
                        "SELECT id, artifact_id, execution_id, type, time_millis FROM " + "mlmd_event WHERE " + column
                                + " IN (" + marks + ") ORDER BY id",
                        ids.toArray());
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                heads.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(5)});
                types.add(rows.getString(4));
            }
        }
        for (int i = 0; i < heads.size(); i++) {
            long[] head = heads.get(i);
            List<Event.Step> path = new ArrayList<>();
            try (PreparedStatement select = sql.prepare(
                            "SELECT step_key, step_index FROM mlmd_event_path WHERE "
                                    + "event_id = ? ORDER BY step_number",
                            head[0]);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    path.add(key != null ? new Event.Step.Key(key) : new Event.Step.Index(rows.getInt(2)));
                }
            }
            result.add(new Event(head[1], head[2], EventType.valueOf(types.get(i)), path, head[3]));
        }
        return result;
    }
}
