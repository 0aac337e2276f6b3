package dev.veracity.metadata;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ML Metadata store over JDBC (SQLite or PostgreSQL): put and get types, artifacts, executions, contexts, events,
 * attributions and associations, query them, and walk lineage. Thread-safe: calls are serialized on one connection;
 * {@link #transaction} makes several calls atomic.
 *
 * <pre>{@code
 * try (MetadataStore store = MetadataStore.open(MetadataConfig.parse("metadata.sqlite"))) {
 *     List<Artifact> schemas = store.artifactsByType("Schema");
 * }
 * }</pre>
 */
public final class MetadataStore implements AutoCloseable {
    private final Connection connection;
    private final StoreRows rows;
    private final String location;
    private final Map<String, MetadataType> typeCache = new LinkedHashMap<>();

    private MetadataStore(Connection connection, String location) {
        this.connection = connection;
        this.rows = new StoreRows(connection);
        this.location = location;
    }

    /**
     * {@return the store at {@code config}, created or migrated to the latest schema version if needed}
     *
     * @throws InputException  if the database cannot be reached or opened
     * @throws ConfigException if the URL names another database or the store is newer than this code
     */
    public static MetadataStore open(MetadataConfig config) {
        Dialect dialect = config.dialect();
        String location = config.toString();
        try {
            if (dialect == Dialect.SQLITE) {
                Path file = Path.of(config.url().substring("jdbc:sqlite:".length())).toAbsolutePath().normalize();
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                location = "jdbc:sqlite:" + file;
            }
            Connection connection = config.user().isEmpty()
                    ? DriverManager.getConnection(config.url())
                    : DriverManager.getConnection(config.url(), config.user(), config.password());
            try {
                if (dialect == Dialect.SQLITE) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("PRAGMA foreign_keys = ON");
                        statement.execute("PRAGMA busy_timeout = 30000");
                    }
                }
                Migrations.migrate(connection, dialect, config.toString());
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new MetadataStore(connection, location);
        } catch (SQLException | IOException e) {
            throw new InputException(ErrorCode.FILE_UNREADABLE, "metadata store " + config + ": expected a "
                    + "database to open, found an error: " + e.getMessage(), e);
        }
    }

    /** {@return the schema version of the store (the latest this code knows, once opened)} */
    public synchronized int schemaVersion() {
        return call(() -> Migrations.current(connection));
    }

    /** Work on the store that may fail with an SQL error. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} (calls on this store) in one transaction: all of it is stored, or none. */
    public synchronized <T> T transaction(Work<T> work) {
        return call(() -> {
            boolean outer = connection.getAutoCommit();
            if (!outer) {
                return work.run();
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    // ---- types

    /**
     * {@return the stored type: created, or the existing one with any new properties added}
     *
     * @throws ConfigException if the existing type declares one of the properties with another type
     */
    public synchronized MetadataType putType(MetadataType type) {
        return call(() -> {
            Optional<MetadataType> existing = findType(type.kind(), type.name());
            long id;
            Map<String, PropertyType> properties = new LinkedHashMap<>();
            if (existing.isPresent()) {
                id = existing.get().id();
                properties.putAll(existing.get().properties());
                for (Map.Entry<String, PropertyType> p : type.properties().entrySet()) {
                    PropertyType old = properties.get(p.getKey());
                    if (old != null && old != p.getValue()) {
                        throw new ConfigException("metadata type " + type.name() + ": property " + p.getKey()
                                + " is " + old + " in the store, found " + p.getValue());
                    }
                }
            } else {
                id = rows.insert("INSERT INTO mlmd_type (kind, name) VALUES (?, ?)", type.kind().name(),
                        type.name());
            }
            for (Map.Entry<String, PropertyType> p : type.properties().entrySet()) {
                if (!properties.containsKey(p.getKey())) {
                    rows.update("INSERT INTO mlmd_type_property (type_id, name, data_type) VALUES (?, ?, ?)", id,
                            p.getKey(), p.getValue().name());
                    properties.put(p.getKey(), p.getValue());
                }
            }
            MetadataType stored = new MetadataType(id, type.kind(), type.name(), properties);
            typeCache.put(type.kind() + "/" + type.name(), stored);
            return stored;
        });
    }

    /** {@return the type of this kind and name, if stored} */
    public synchronized Optional<MetadataType> type(TypeKind kind, String name) {
        return call(() -> findType(kind, name));
    }

    private Optional<MetadataType> findType(TypeKind kind, String name) throws SQLException {
        MetadataType cached = typeCache.get(kind + "/" + name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Long id = null;
        Map<String, PropertyType> properties = new LinkedHashMap<>();
        try (PreparedStatement select = rows.prepare("SELECT t.id, p.name, p.data_type FROM mlmd_type t LEFT JOIN "
                + "mlmd_type_property p ON p.type_id = t.id WHERE t.kind = ? AND t.name = ? ORDER BY p.name",
                kind.name(), name); ResultSet result = select.executeQuery()) {
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
        typeCache.put(kind + "/" + name, type);
        return Optional.of(type);
    }

    private MetadataType requireType(TypeKind kind, String name, Map<String, Value> declared) throws SQLException {
        MetadataType type = findType(kind, name).orElseThrow(() -> new IllegalArgumentException(
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

    // ---- artifacts, executions, contexts

    /** {@return the artifact as stored: inserted if its id is 0, else updated} */
    public synchronized Artifact putArtifact(Artifact artifact) {
        return transaction(() -> {
            MetadataType type = requireType(TypeKind.ARTIFACT, artifact.type(), artifact.properties());
            long now = System.currentTimeMillis();
            long id = artifact.id();
            long created = artifact.createTimeMillis() == 0 ? now : artifact.createTimeMillis();
            if (id == 0) {
                id = rows.insert("INSERT INTO mlmd_artifact (type_id, name, uri, state, create_time, update_time) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", type.id(), artifact.name(), artifact.uri(),
                        artifact.state().name(), created, now);
            } else {
                rows.update("UPDATE mlmd_artifact SET name = ?, uri = ?, state = ?, update_time = ? WHERE id = ?",
                        artifact.name(), artifact.uri(), artifact.state().name(), now, id);
            }
            PropertyTable.replace(connection, 'A', id, artifact.properties(), artifact.customProperties());
            return new Artifact(id, artifact.type(), artifact.name(), artifact.uri(), artifact.state(),
                    artifact.properties(), artifact.customProperties(), created, now);
        });
    }

    /** {@return the execution as stored: inserted if its id is 0, else updated} */
    public synchronized Execution putExecution(Execution execution) {
        return transaction(() -> {
            MetadataType type = requireType(TypeKind.EXECUTION, execution.type(), execution.properties());
            long now = System.currentTimeMillis();
            long id = execution.id();
            long created = execution.createTimeMillis() == 0 ? now : execution.createTimeMillis();
            if (id == 0) {
                id = rows.insert("INSERT INTO mlmd_execution (type_id, name, state, create_time, update_time) "
                        + "VALUES (?, ?, ?, ?, ?)", type.id(), execution.name(), execution.state().name(), created, now);
            } else {
                rows.update("UPDATE mlmd_execution SET name = ?, state = ?, update_time = ? WHERE id = ?",
                        execution.name(), execution.state().name(), now, id);
            }
            PropertyTable.replace(connection, 'E', id, execution.properties(), execution.customProperties());
            return new Execution(id, execution.type(), execution.name(), execution.state(), execution.properties(),
                    execution.customProperties(), created, now);
        });
    }

    /** {@return the context of this type and name: the stored one if there is one (its properties updated), else a new one} */
    public synchronized Context putContext(Context context) {
        return transaction(() -> {
            MetadataType type = requireType(TypeKind.CONTEXT, context.type(), context.properties());
            Optional<Context> existing = rows.contexts("t.name = ? AND c.name = ?", context.type(), context.name()).stream().findFirst();
            long id;
            long created;
            if (existing.isPresent()) {
                id = existing.get().id();
                created = existing.get().createTimeMillis();
            } else {
                created = System.currentTimeMillis();
                id = rows.insert("INSERT INTO mlmd_context (type_id, name, create_time) VALUES (?, ?, ?)", type.id(),
                        context.name(), created);
            }
            PropertyTable.replace(connection, 'C', id, context.properties(), Map.of());
            return new Context(id, context.type(), context.name(), context.properties(), created);
        });
    }

    /** Records that {@code child} is part of {@code parent} (MLMD's {@code ParentContext}); idempotent. */
    public synchronized void putParentContext(Context child, Context parent) {
        call(() -> rows.insertIfAbsent("mlmd_parent_context", "context_id", child.id(), "parent_context_id",
                parent.id()));
    }

    /** Records that {@code artifact} belongs to {@code context} (MLMD's {@code Attribution}); idempotent. */
    public synchronized void putAttribution(Context context, Artifact artifact) {
        call(() -> rows.insertIfAbsent("mlmd_attribution", "context_id", context.id(), "artifact_id",
                artifact.id()));
    }

    /** Records that {@code execution} belongs to {@code context} (MLMD's {@code Association}); idempotent. */
    public synchronized void putAssociation(Context context, Execution execution) {
        call(() -> rows.insertIfAbsent("mlmd_association", "context_id", context.id(), "execution_id",
                execution.id()));
    }

    /** Stores an event with its path. */
    public synchronized void putEvent(Event event) {
        transaction(() -> {
            long time = event.timeMillis() == 0 ? System.currentTimeMillis() : event.timeMillis();
            long id = rows.insert("INSERT INTO mlmd_event (artifact_id, execution_id, type, time_millis) "
                    + "VALUES (?, ?, ?, ?)",
                    event.artifactId(), event.executionId(), event.type().name(), time);
            int number = 0;
            for (Event.Step step : event.path()) {
                if (step instanceof Event.Step.Key key) {
                    rows.update("INSERT INTO mlmd_event_path (event_id, step_number, step_key) VALUES (?, ?, ?)", id,
                            number, key.key());
                } else if (step instanceof Event.Step.Index index) {
                    rows.update("INSERT INTO mlmd_event_path (event_id, step_number, step_index) VALUES (?, ?, ?)", id,
                            number, index.index());
                }
                number++;
            }
            return null;
        });
    }

    // ---- queries

    /** {@return the artifact with this id} */
    public synchronized Optional<Artifact> artifact(long id) {
        return call(() -> rows.artifacts("a.id = ?", id).stream().findFirst());
    }

    /** {@return the artifacts of a type, oldest first} */
    public synchronized List<Artifact> artifactsByType(String type) {
        return call(() -> rows.artifacts("t.name = ?", type));
    }

    /** {@return the artifacts at a URI, oldest first} */
    public synchronized List<Artifact> artifactsByUri(String uri) {
        return call(() -> rows.artifacts("a.uri = ?", uri));
    }

    /** {@return the artifact of a type with a name} */
    public synchronized Optional<Artifact> artifactByTypeAndName(String type, String name) {
        return call(() -> rows.artifacts("t.name = ? AND a.name = ?", type, name).stream().findFirst());
    }

    /** {@return the artifacts attributed to a context, oldest first} */
    public synchronized List<Artifact> artifactsByContext(long contextId) {
        return call(() -> rows.artifacts("a.id IN (SELECT artifact_id FROM mlmd_attribution WHERE context_id = ?)",
                contextId));
    }

    /** {@return every artifact, oldest first} */
    public synchronized List<Artifact> artifacts() {
        return call(() -> rows.artifacts("1 = 1"));
    }

    /** {@return the execution with this id} */
    public synchronized Optional<Execution> execution(long id) {
        return call(() -> rows.executions("e.id = ?", id).stream().findFirst());
    }

    /** {@return the executions of a type, oldest first} */
    public synchronized List<Execution> executionsByType(String type) {
        return call(() -> rows.executions("t.name = ?", type));
    }

    /** {@return the executions associated with a context, oldest first} */
    public synchronized List<Execution> executionsByContext(long contextId) {
        return call(() -> rows.executions("e.id IN (SELECT execution_id FROM mlmd_association WHERE context_id = ?)",
                contextId));
    }

    /** {@return the executions with a string property (declared or custom) of this value, oldest first} */
    public synchronized List<Execution> executionsByProperty(String name, String value) {
        return call(() -> rows.executions("e.id IN (SELECT owner_id FROM mlmd_property WHERE owner_kind = 'E' AND name = ? "
                + "AND string_value = ?)", name, value));
    }

    /** {@return the executions in a state, oldest first} */
    public synchronized List<Execution> executions(ExecutionState state) {
        return call(() -> rows.executions("e.state = ?", state.name()));
    }

    /** {@return the context of a type with a name} */
    public synchronized Optional<Context> context(String type, String name) {
        return call(() -> rows.contexts("t.name = ? AND c.name = ?", type, name).stream().findFirst());
    }

    /** {@return the contexts of a type, oldest first} */
    public synchronized List<Context> contextsByType(String type) {
        return call(() -> rows.contexts("t.name = ?", type));
    }

    /** {@return the contexts an execution is associated with} */
    public synchronized List<Context> contextsByExecution(long executionId) {
        return call(() -> rows.contexts("c.id IN (SELECT context_id FROM mlmd_association WHERE execution_id = ?)",
                executionId));
    }

    /** {@return the contexts an artifact is attributed to} */
    public synchronized List<Context> contextsByArtifact(long artifactId) {
        return call(() -> rows.contexts("c.id IN (SELECT context_id FROM mlmd_attribution WHERE artifact_id = ?)",
                artifactId));
    }

    /** {@return the parent contexts of a context} */
    public synchronized List<Context> parentContexts(long contextId) {
        return call(() -> rows.contexts("c.id IN (SELECT parent_context_id FROM mlmd_parent_context WHERE context_id = ?)",
                contextId));
    }

    /** {@return the events of these artifacts, oldest first} */
    public synchronized List<Event> eventsByArtifacts(Collection<Long> artifactIds) {
        return call(() -> rows.events("artifact_id", artifactIds));
    }

    /** {@return the events of these executions, oldest first} */
    public synchronized List<Event> eventsByExecutions(Collection<Long> executionIds) {
        return call(() -> rows.events("execution_id", executionIds));
    }

    /**
     * {@return the lineage subgraph around an artifact: what made it (UPSTREAM), what was made from it (DOWNSTREAM)
     * or both, up to {@code maxHops} edges away (artifact to execution is one hop, as in MLMD)}
     *
     * @throws InputException if there is no such artifact
     */
    public synchronized LineageGraph lineage(long artifactId, int maxHops, LineageDirection direction) {
        Artifact start = artifact(artifactId).orElseThrow(() -> new InputException(ErrorCode.FILE_NOT_FOUND,
                "metadata store " + location + ": expected an artifact with id " + artifactId + ", found none"));
        return new LineageWalk(this, maxHops, direction).from(start);
    }

    @Override
    public synchronized void close() {
        call(() -> {
            connection.close();
            return null;
        });
    }

    /** {@return the store's location: its JDBC URL without a password, a SQLite file's path made absolute} */
    @Override
    public String toString() {
        return location;
    }

    private <T> T call(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("metadata store " + location + ": " + e.getMessage(), e));
        }
    }
}
