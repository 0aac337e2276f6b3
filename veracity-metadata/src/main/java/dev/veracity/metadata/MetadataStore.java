package dev.veracity.metadata;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An ML Metadata store over JDBC (SQLite or PostgreSQL): put and get types, artifacts, executions, contexts, events,
 * attributions and associations, query them, and walk lineage. Thread-safe: calls are serialized on one connection;
 * {@link #transaction} makes several calls atomic. The SQL lives in one class per job: {@code Dialect} (what differs
 * between databases), {@code TypeRegistry}, and one class of rows per entity ({@code ArtifactRows} and the like).
 *
 * <pre>{@code
 * try (MetadataStore store = MetadataStore.open(MetadataConfig.parse("metadata.sqlite"))) {
 *     List<Artifact> schemas = store.artifactsByType("Schema");
 * }
 * }</pre>
 */
public final class MetadataStore implements AutoCloseable {
    private final Connection connection;
    private final String location;
    private final TypeRegistry types;
    private final ArtifactRows artifacts;
    private final ExecutionRows executions;
    private final ContextRows contexts;
    private final EventRows events;
    private final MetricRows metrics;
    private final Sql sql;

    private MetadataStore(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
        this.sql = new Sql(connection);
        this.types = new TypeRegistry(sql);
        this.artifacts = new ArtifactRows(sql, types);
        this.executions = new ExecutionRows(sql, types);
        this.contexts = new ContextRows(sql, types);
        this.events = new EventRows(sql);
        this.metrics = new MetricRows(sql);
    }

    /**
     * {@return the store at {@code config}, created or migrated to the latest schema version if needed}
     *
     * @throws InputException  if the database cannot be reached or opened
     * @throws ConfigException if the URL names another database or the store is newer than this code
     */
    public static MetadataStore open(MetadataConfig config) {
        Dialect dialect = config.dialect();
        try {
            String location = dialect.locate(config);
            Connection connection = config.user().isEmpty()
                    ? DriverManager.getConnection(config.url())
                    : DriverManager.getConnection(config.url(), config.user(), config.password());
            try {
                dialect.configure(connection);
                Migrations.migrate(connection, dialect, config.toString());
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new MetadataStore(connection, location);
        } catch (SQLException | IOException e) {
            throw new InputException(
                    ErrorCode.FILE_UNREADABLE,
                    "metadata store " + config + ": expected a " + "database to open, found an error: "
                            + e.getMessage(),
                    e);
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
        return call(() -> types.put(type));
    }

    /** {@return the type of this kind and name, if stored} */
    public synchronized Optional<MetadataType> type(TypeKind kind, String name) {
        return call(() -> types.find(kind, name));
    }

    // ---- artifacts, executions, contexts

    /** {@return the artifact as stored: inserted if its id is 0, else updated} */
    public synchronized Artifact putArtifact(Artifact artifact) {
        return transaction(() -> artifacts.put(artifact));
    }

    /** {@return the execution as stored: inserted if its id is 0, else updated} */
    public synchronized Execution putExecution(Execution execution) {
        return transaction(() -> executions.put(execution));
    }

    /** {@return the context of this type and name: the stored one if there is one (its properties updated), else a new one} */
    public synchronized Context putContext(Context context) {
        return transaction(() -> contexts.put(context));
    }

    /** Records that {@code child} is part of {@code parent} (MLMD's {@code ParentContext}); idempotent. */
    public synchronized void putParentContext(Context child, Context parent) {
        call(() ->
                sql.insertIfAbsent("mlmd_parent_context", "context_id", child.id(), "parent_context_id", parent.id()));
    }

    /** Records that {@code artifact} belongs to {@code context} (MLMD's {@code Attribution}); idempotent. */
    public synchronized void putAttribution(Context context, Artifact artifact) {
        call(() -> sql.insertIfAbsent("mlmd_attribution", "context_id", context.id(), "artifact_id", artifact.id()));
    }

    /** Records that {@code execution} belongs to {@code context} (MLMD's {@code Association}); idempotent. */
    public synchronized void putAssociation(Context context, Execution execution) {
        call(() -> sql.insertIfAbsent("mlmd_association", "context_id", context.id(), "execution_id", execution.id()));
    }

    /** Stores an event with its path. */
    public synchronized void putEvent(Event event) {
        transaction(() -> events.put(event));
    }

    // ---- queries

    /** {@return the artifact with this id} */
    public synchronized Optional<Artifact> artifact(long id) {
        return call(() -> artifacts.select("a.id = ?", id).stream().findFirst());
    }

    /** {@return the artifacts of a type, oldest first} */
    public synchronized List<Artifact> artifactsByType(String type) {
        return call(() -> artifacts.select("t.name = ?", type));
    }

    /** {@return the artifacts at a URI, oldest first} */
    public synchronized List<Artifact> artifactsByUri(String uri) {
        return call(() -> artifacts.select("a.uri = ?", uri));
    }

    /** {@return the artifact of a type with a name} */
    public synchronized Optional<Artifact> artifactByTypeAndName(String type, String name) {
        return call(() -> artifacts.select("t.name = ? AND a.name = ?", type, name).stream()
                .findFirst());
    }

    /** {@return the artifacts attributed to a context, oldest first} */
    public synchronized List<Artifact> artifactsByContext(long contextId) {
        return call(() ->
                artifacts.select("a.id IN (SELECT artifact_id FROM mlmd_attribution WHERE context_id = ?)", contextId));
    }

    /** {@return every artifact, oldest first} */
    public synchronized List<Artifact> artifacts() {
        return call(() -> artifacts.select("1 = 1"));
    }

    /** {@return the execution with this id} */
    public synchronized Optional<Execution> execution(long id) {
        return call(() -> executions.select("e.id = ?", id).stream().findFirst());
    }

    /** {@return the executions of a type, oldest first} */
    public synchronized List<Execution> executionsByType(String type) {
        return call(() -> executions.select("t.name = ?", type));
    }

    /** {@return the executions associated with a context, oldest first} */
    public synchronized List<Execution> executionsByContext(long contextId) {
        return call(() -> executions.select(
                "e.id IN (SELECT execution_id FROM mlmd_association WHERE context_id = ?)", contextId));
    }

    /** {@return the executions with a string property (declared or custom) of this value, oldest first} */
    public synchronized List<Execution> executionsByProperty(String name, String value) {
        return call(() -> executions.byProperty(name, value));
    }

    /** {@return the executions in a state, oldest first} */
    public synchronized List<Execution> executions(ExecutionState state) {
        return call(() -> executions.select("e.state = ?", state.name()));
    }

    /** {@return the context of a type with a name} */
    public synchronized Optional<Context> context(String type, String name) {
        return call(() -> contexts.select("t.name = ? AND c.name = ?", type, name).stream()
                .findFirst());
    }

    /** {@return the contexts of a type, oldest first} */
    public synchronized List<Context> contextsByType(String type) {
        return call(() -> contexts.select("t.name = ?", type));
    }

    /** {@return the contexts an execution is associated with} */
    public synchronized List<Context> contextsByExecution(long executionId) {
        return call(() -> contexts.select(
                "c.id IN (SELECT context_id FROM mlmd_association WHERE execution_id = ?)", executionId));
    }

    /** {@return the contexts an artifact is attributed to} */
    public synchronized List<Context> contextsByArtifact(long artifactId) {
        return call(() ->
                contexts.select("c.id IN (SELECT context_id FROM mlmd_attribution WHERE artifact_id = ?)", artifactId));
    }

    /** {@return the parent contexts of a context} */
    public synchronized List<Context> parentContexts(long contextId) {
        return call(() -> contexts.select(
                "c.id IN (SELECT parent_context_id FROM mlmd_parent_context WHERE " + "context_id = ?)", contextId));
    }

    /** {@return the events of these artifacts, oldest first} */
    public synchronized List<Event> eventsByArtifacts(Collection<Long> artifactIds) {
        return call(() -> events.select("artifact_id", artifactIds));
    }

    /** {@return the events of these executions, oldest first} */
    public synchronized List<Event> eventsByExecutions(Collection<Long> executionIds) {
        return call(() -> events.select("execution_id", executionIds));
    }

    /**
     * {@return the lineage subgraph around an artifact: what made it (UPSTREAM), what was made from it (DOWNSTREAM)
     * or both, up to {@code maxHops} edges away (artifact to execution is one hop, as in MLMD)}
     *
     * @throws InputException if there is no such artifact
     */
    public synchronized LineageGraph lineage(long artifactId, int maxHops, LineageDirection direction) {
        Artifact start = artifact(artifactId)
                .orElseThrow(() -> new InputException(
                        ErrorCode.FILE_NOT_FOUND,
                        "metadata store " + location + ": expected an artifact with id " + artifactId
                                + ", found none"));
        return new LineageWalk(this, maxHops, direction).from(start);
    }

    // ---- metric history

    /**
     * Records the metrics measured on a span, in one transaction: a new span goes last in the history; a span
     * recorded before keeps its place and its values are replaced by these.
     */
    public synchronized void recordMetrics(String span, List<RecordedMetric> values) {
        transaction(() -> metrics.record(span, values));
    }

    /** {@return the history of a metric of a feature (empty feature: of the dataset), oldest span first} */
    public synchronized List<MetricPoint> metricSeries(String feature, String metric) {
        return call(() -> metrics.series(feature, metric));
    }

    /** {@return every metric history the store holds, by feature then metric} */
    public synchronized List<MetricSeries> metricSeriesNames() {
        return call(metrics::names);
    }

    /** {@return the spans of the metric history, oldest first} */
    public synchronized List<String> metricSpans() {
        return call(metrics::spans);
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
