package dev.veracity.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ML Metadata model over JDBC, the same suite on SQLite and PostgreSQL. */
class MetadataStoreTest {
    @TempDir
    Path temporary;

    private static Map<String, PropertyType> spanProperties() {
        return Map.of("span", PropertyType.INT, "digest", PropertyType.STRING);
    }

    private interface StoreTest {
        void run(MetadataStore store, MetadataConfig config) throws Exception;
    }

    private void on(StoreBackend backend, StoreTest test) throws Exception {
        try (StoreBackend.Lease lease = backend.lease(temporary);
                MetadataStore store = MetadataStore.open(lease.config())) {
            test.run(store, lease.config());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void migratesToTheLatestVersionOnceAndReopens(StoreBackend backend) throws Exception {
        on(backend, (store, config) -> {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latest()).isEqualTo(3);
            store.putType(MetadataType.of(TypeKind.ARTIFACT, "Examples", spanProperties()));
            try (MetadataStore again = MetadataStore.open(config)) {
                assertThat(again.schemaVersion()).isEqualTo(3);
                assertThat(again.type(TypeKind.ARTIFACT, "Examples")
                                .orElseThrow()
                                .properties())
                        .isEqualTo(spanProperties());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void typesGainPropertiesButNeverChangeThem(StoreBackend backend) throws Exception {
        on(backend, (store, config) -> {
            MetadataType first =
                    store.putType(MetadataType.of(TypeKind.ARTIFACT, "Schema", Map.of("span", PropertyType.INT)));
            MetadataType second =
                    store.putType(MetadataType.of(TypeKind.ARTIFACT, "Schema", Map.of("digest", PropertyType.STRING)));
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.properties()).containsOnlyKeys("span", "digest");
            assertThatThrownBy(() -> store.putType(
                            MetadataType.of(TypeKind.ARTIFACT, "Schema", Map.of("span", PropertyType.STRING))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("span is INT in the store, found STRING");
            // The same name is another type in another kind.
            assertThat(store.putType(MetadataType.of(TypeKind.EXECUTION, "Schema", Map.of()))
                            .id())
                    .isNotEqualTo(first.id());
        });
    }

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void artifactsRoundTripAndAreFoundByTypeNameUriAndContext(StoreBackend backend) throws Exception {
        on(backend, (store, config) -> {
            store.putType(MetadataType.of(TypeKind.ARTIFACT, "Examples", spanProperties()));
            store.putType(MetadataType.of(TypeKind.ARTIFACT, "Schema", spanProperties()));
            store.putType(MetadataType.of(TypeKind.CONTEXT, "pipeline_run", Map.of()));
            Artifact examples = store.putArtifact(Artifact.of("Examples", "/data/gen/examples/1")
                    .withName("gen-1")
                    .withProperty("span", Value.of(3))
                    .withProperty("digest", Value.of("abc"))
                    .withCustomProperty("rows", Value.of(12.5))
                    .withCustomProperty("note", Value.of("x")));
            Artifact schema = store.putArtifact(Artifact.of("Schema", "/data/schema/2"));
            assertThat(examples.id()).isPositive();
            assertThat(store.artifact(examples.id())).contains(examples);
            assertThat(store.artifactsByType("Examples")).containsExactly(examples);
            assertThat(store.artifactsByUri("/data/schema/2")).containsExactly(schema);
            assertThat(store.artifactByTypeAndName("Examples", "gen-1")).contains(examples);
            Context run = store.putContext(Context.of("pipeline_run", "run-1"));
            store.putAttribution(run, schema);
            store.putAttribution(run, schema);
            assertThat(store.artifactsByContext(run.id())).containsExactly(schema);
            assertThat(store.contextsByArtifact(schema.id()))
                    .extracting(Context::name)
                    .containsExactly("run-1");
            Artifact deleted = store.putArtifact(schema.withState(ArtifactState.DELETED));
            assertThat(store.artifact(schema.id()).orElseThrow().state()).isEqualTo(ArtifactState.DELETED);
            assertThat(deleted.createTimeMillis()).isEqualTo(schema.createTimeMillis());
        });
    }

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void undeclaredOrMistypedPropertiesAreRefused(StoreBackend backend) throws Exception {
        on(backend, (store, config) -> {
            store.putType(MetadataType.of(TypeKind.ARTIFACT, "Examples", spanProperties()));
            assertThatThrownBy(() ->
                            store.putArtifact(Artifact.of("Examples", "u").withProperty("span", Value.of("three"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("declares span as INT, found a STRING value");
            assertThatThrownBy(() -> store.putArtifact(Artifact.of("Model", "u")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("artifact type Model");
            assertThat(store.artifacts()).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void executionsContextsEventsAndAssociations(StoreBackend backend) throws Exception {
        on(backend, (store, config) -> {
            store.putType(MetadataType.of(TypeKind.ARTIFACT, "Examples", spanProperties()));
            store.putType(MetadataType.of(TypeKind.EXECUTION, "StatisticsGen", Map.of("node", PropertyType.STRING)));
            store.putType(MetadataType.of(TypeKind.CONTEXT, "pipeline", Map.of()));
            store.putType(MetadataType.of(TypeKind.CONTEXT, "node", Map.of()));
            Context pipeline = store.putContext(Context.of("pipeline", "p"));
            Context node = store.putContext(Context.of("node", "p.stats"));
            store.putParentContext(node, pipeline);
            store.putParentContext(node, pipeline);
            assertThat(store.parentContexts(node.id())).containsExactly(pipeline);
            assertThat(store.putContext(Context.of("node", "p.stats")).id()).isEqualTo(node.id());
            Execution running = store.putExecution(Execution.of("StatisticsGen", ExecutionState.RUNNING)
                    .withProperty("node", Value.of("stats"))
                    .withCustomProperty("cache_key", Value.of("k1")));
            Execution done = store.putExecution(running.withState(ExecutionState.COMPLETE));
            assertThat(store.execution(running.id()).orElseThrow().state()).isEqualTo(ExecutionState.COMPLETE);
            assertThat(done.id()).isEqualTo(running.id());
            assertThat(store.executionsByProperty("cache_key", "k1"))
                    .extracting(Execution::id)
                    .containsExactly(done.id());
            assertThat(store.executionsByProperty("cache_key", "k2")).isEmpty();
            store.putAssociation(node, done);
            assertThat(store.executionsByContext(node.id()))
                    .extracting(Execution::id)
                    .containsExactly(done.id());
            assertThat(store.contextsByExecution(done.id())).containsExactly(node);
            Artifact in = store.putArtifact(Artifact.of("Examples", "in"));
            Event event = new Event(
                    in.id(),
                    done.id(),
                    EventType.INPUT,
                    List.of(new Event.Step.Key("examples"), new Event.Step.Index(2)),
                    1234);
            store.putEvent(event);
            assertThat(store.eventsByExecutions(List.of(done.id()))).containsExactly(event);
            assertThat(store.eventsByArtifacts(List.of(in.id())))
                    .singleElement()
                    .extracting(Event::pathText)
                    .isEqualTo("examples[2]");
            assertThat(store.executionsByType("StatisticsGen")).hasSize(1);
            assertThat(store.contextsByType("node")).containsExactly(node);
        });
    }

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void aFailedTransactionStoresNothing(StoreBackend backend) throws Exception {
        on(backend, (store, config) -> {
            store.putType(MetadataType.of(TypeKind.ARTIFACT, "Examples", spanProperties()));
            assertThatThrownBy(() -> store.transaction(() -> {
                        store.putArtifact(Artifact.of("Examples", "a"));
                        store.putArtifact(Artifact.of("Examples", "b"));
                        throw new IllegalStateException("boom");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(store.artifacts()).isEmpty();
        });
    }

    /** A chain raw -> gen -> examples -> stats -> statistics -> validate -> anomalies, plus a side branch. */
    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void lineageWalksUpAndDownByHops(StoreBackend backend) throws Exception {
        on(backend, (store, config) -> {
            for (String type : List.of("ExternalFile", "Examples", "ExampleStatistics", "ExampleAnomalies")) {
                store.putType(MetadataType.of(TypeKind.ARTIFACT, type, Map.of()));
            }
            for (String type : List.of("ExampleGen", "StatisticsGen", "ExampleValidator")) {
                store.putType(MetadataType.of(TypeKind.EXECUTION, type, Map.of()));
            }
            Artifact raw = store.putArtifact(Artifact.of("ExternalFile", "raw.csv"));
            Artifact examples = store.putArtifact(Artifact.of("Examples", "examples"));
            Artifact statistics = store.putArtifact(Artifact.of("ExampleStatistics", "statistics"));
            Artifact anomalies = store.putArtifact(Artifact.of("ExampleAnomalies", "anomalies"));
            Artifact unrelated = store.putArtifact(Artifact.of("ExternalFile", "other.csv"));
            Execution gen = store.putExecution(Execution.of("ExampleGen", ExecutionState.COMPLETE));
            Execution stats = store.putExecution(Execution.of("StatisticsGen", ExecutionState.COMPLETE));
            Execution validate = store.putExecution(Execution.of("ExampleValidator", ExecutionState.COMPLETE));
            store.putEvent(Event.of(raw.id(), gen.id(), EventType.INPUT, "external", 0));
            store.putEvent(Event.of(examples.id(), gen.id(), EventType.OUTPUT, "examples", 0));
            store.putEvent(Event.of(examples.id(), stats.id(), EventType.INPUT, "examples", 0));
            store.putEvent(Event.of(statistics.id(), stats.id(), EventType.OUTPUT, "statistics", 0));
            store.putEvent(Event.of(statistics.id(), validate.id(), EventType.INPUT, "statistics", 0));
            store.putEvent(Event.of(anomalies.id(), validate.id(), EventType.OUTPUT, "anomalies", 0));

            LineageGraph all = store.lineage(anomalies.id(), 10, LineageDirection.UPSTREAM);
            assertThat(ids(all.artifacts())).containsExactly(anomalies.id(), statistics.id(), examples.id(), raw.id());
            assertThat(all.executions())
                    .extracting(Execution::id)
                    .containsExactlyInAnyOrder(validate.id(), stats.id(), gen.id());
            assertThat(all.events()).hasSize(6);
            LineageGraph two = store.lineage(anomalies.id(), 2, LineageDirection.UPSTREAM);
            assertThat(ids(two.artifacts())).containsExactly(anomalies.id(), statistics.id());
            LineageGraph down = store.lineage(examples.id(), 10, LineageDirection.DOWNSTREAM);
            assertThat(ids(down.artifacts())).containsExactly(examples.id(), statistics.id(), anomalies.id());
            LineageGraph both = store.lineage(statistics.id(), 2, LineageDirection.BIDIRECTIONAL);
            assertThat(ids(both.artifacts())).containsExactlyInAnyOrder(statistics.id(), examples.id(), anomalies.id());
            assertThat(ids(store.lineage(unrelated.id(), 10, LineageDirection.BIDIRECTIONAL)
                            .artifacts()))
                    .containsExactly(unrelated.id());
            assertThat(store.lineage(anomalies.id(), 0, LineageDirection.UPSTREAM)
                            .artifacts())
                    .hasSize(1);
        });
    }

    private static List<Long> ids(List<Artifact> artifacts) {
        return artifacts.stream().map(Artifact::id).collect(Collectors.toList());
    }

    @org.junit.jupiter.api.Test
    void aStoreNewerThanThisCodeIsRefused() throws Exception {
        MetadataConfig config = MetadataConfig.sqlite(temporary.resolve("new.sqlite"));
        MetadataStore.open(config).close();
        try (var connection = java.sql.DriverManager.getConnection(config.url());
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO mlmd_schema_version (version, applied_millis) VALUES (99, 0)");
        }
        assertThatThrownBy(() -> MetadataStore.open(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected schema version <= 3 (this Veracity), found 99");
        assertThat(Set.of(MetadataConfig.parse("jdbc:postgresql://h/db?password=secret")
                        .toString()))
                .containsExactly("jdbc:postgresql://h/db?password=***");
    }
}
