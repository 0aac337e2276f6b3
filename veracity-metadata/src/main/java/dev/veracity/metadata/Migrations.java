package dev.veracity.metadata;

import dev.veracity.ConfigException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's versioned DDL. Version N is applied once, in a transaction, and recorded in
 * {@code mlmd_schema_version}; a store newer than this code is refused rather than misread. Append new versions at
 * the end; never edit an applied one.
 */
final class Migrations {
    /** One version per element: version {@code i + 1} is {@code VERSIONS.get(i)}. */
    static final List<List<String>> VERSIONS = List.of(
            List.of(
                    "CREATE TABLE mlmd_type (id ID, kind TEXT NOT NULL, name TEXT NOT NULL, UNIQUE (kind, name))",
                    "CREATE TABLE mlmd_type_property (type_id BIGINT NOT NULL REFERENCES mlmd_type (id), "
                            + "name TEXT NOT NULL, data_type TEXT NOT NULL, PRIMARY KEY (type_id, name))",
                    "CREATE TABLE mlmd_artifact (id ID, type_id BIGINT NOT NULL REFERENCES mlmd_type (id), "
                            + "name TEXT NOT NULL, uri TEXT NOT NULL, state TEXT NOT NULL, "
                            + "create_time BIGINT NOT NULL, update_time BIGINT NOT NULL)",
                    "CREATE TABLE mlmd_execution (id ID, type_id BIGINT NOT NULL REFERENCES mlmd_type (id), "
                            + "name TEXT NOT NULL, state TEXT NOT NULL, create_time BIGINT NOT NULL, "
                            + "update_time BIGINT NOT NULL)",
                    "CREATE TABLE mlmd_context (id ID, type_id BIGINT NOT NULL REFERENCES mlmd_type (id), "
                            + "name TEXT NOT NULL, create_time BIGINT NOT NULL, UNIQUE (type_id, name))",
                    "CREATE TABLE mlmd_property (owner_kind TEXT NOT NULL, owner_id BIGINT NOT NULL, "
                            + "name TEXT NOT NULL, is_custom INTEGER NOT NULL, data_type TEXT NOT NULL, "
                            + "int_value BIGINT, double_value DOUBLE PRECISION, string_value TEXT, "
                            + "PRIMARY KEY (owner_kind, owner_id, name))",
                    "CREATE TABLE mlmd_parent_context (context_id BIGINT NOT NULL REFERENCES mlmd_context (id), "
                            + "parent_context_id BIGINT NOT NULL REFERENCES mlmd_context (id), "
                            + "PRIMARY KEY (context_id, parent_context_id))",
                    "CREATE TABLE mlmd_event (id ID, artifact_id BIGINT NOT NULL REFERENCES mlmd_artifact (id), "
                            + "execution_id BIGINT NOT NULL REFERENCES mlmd_execution (id), type TEXT NOT NULL, "
                            + "time_millis BIGINT NOT NULL)",
                    "CREATE TABLE mlmd_event_path (event_id BIGINT NOT NULL REFERENCES mlmd_event (id), "
                            + "step_number INTEGER NOT NULL, step_key TEXT, step_index INTEGER, "
                            + "PRIMARY KEY (event_id, step_number))",
                    "CREATE TABLE mlmd_attribution (context_id BIGINT NOT NULL REFERENCES mlmd_context (id), "
                            + "artifact_id BIGINT NOT NULL REFERENCES mlmd_artifact (id), "
                            + "PRIMARY KEY (context_id, artifact_id))",
                    "CREATE TABLE mlmd_association (context_id BIGINT NOT NULL REFERENCES mlmd_context (id), "
                            + "execution_id BIGINT NOT NULL REFERENCES mlmd_execution (id), "
                            + "PRIMARY KEY (context_id, execution_id))"),
            List.of(
                    "CREATE INDEX mlmd_artifact_by_uri ON mlmd_artifact (uri)",
                    "CREATE UNIQUE INDEX mlmd_artifact_by_name ON mlmd_artifact (type_id, name) WHERE name <> ''",
                    "CREATE INDEX mlmd_property_by_value ON mlmd_property (name, string_value)",
                    "CREATE INDEX mlmd_event_by_artifact ON mlmd_event (artifact_id)",
                    "CREATE INDEX mlmd_event_by_execution ON mlmd_event (execution_id)",
                    "CREATE INDEX mlmd_attribution_by_artifact ON mlmd_attribution (artifact_id)",
                    "CREATE INDEX mlmd_association_by_execution ON mlmd_association (execution_id)"),
            List.of(
                    "CREATE TABLE veracity_span (id ID, name TEXT NOT NULL UNIQUE, create_time BIGINT NOT NULL)",
                    "CREATE TABLE veracity_metric (span_id BIGINT NOT NULL REFERENCES veracity_span (id), "
                            + "feature TEXT NOT NULL, metric TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, "
                            + "PRIMARY KEY (span_id, feature, metric))",
                    "CREATE INDEX veracity_metric_by_series ON veracity_metric (feature, metric)"));

    private Migrations() {}

    /** {@return the newest version this code knows} */
    static int latest() {
        return VERSIONS.size();
    }

    /**
     * Brings the store to the latest version.
     *
     * @return the version the store was at before
     * @throws ConfigException if the store is newer than this code
     */
    static int migrate(Connection connection, Dialect dialect, String location) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS mlmd_schema_version (version INTEGER PRIMARY KEY, "
                    + "applied_millis BIGINT NOT NULL)");
        }
        int current = current(connection);
        if (current > latest()) {
            throw new ConfigException("metadata store " + location + ": expected schema version <= " + latest()
                    + " (this Veracity), found " + current + " (written by a newer Veracity)");
        }
        for (int version = current + 1; version <= latest(); version++) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String ddl : VERSIONS.get(version - 1)) {
                    statement.execute(dialect.ddl(ddl));
                }
                statement.execute("INSERT INTO mlmd_schema_version (version, applied_millis) VALUES (" + version + ", "
                        + System.currentTimeMillis() + ")");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return current;
    }

    /** {@return the version the store is at, 0 if new} */
    static int current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM mlmd_schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
