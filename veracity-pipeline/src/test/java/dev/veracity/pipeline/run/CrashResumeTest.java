package dev.veracity.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.ArtifactState;
import dev.veracity.metadata.EventType;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.StoreBackend;
import dev.veracity.metadata.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real crash: a child JVM runs a pipeline and is killed (destroyForcibly) while a node holds a half-written
 * output; the re-run completes with no corrupt or duplicate artifact and consistent metadata.
 */
class CrashResumeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void aKilledRunResumesWithNoCorruptOrDuplicateArtifacts(StoreBackend backend) throws Exception {
        RunFixture.csv(dir.resolve("a/data.csv"), 400, 7);
        try (StoreBackend.Lease lease = backend.lease(dir)) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(
                            java.toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CrashChild.class.getName(),
                            dir.toString(),
                            lease.config().url(),
                            lease.config().user(),
                            lease.config().password())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            Path started = dir.resolve("markers/started");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(started) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.exists(started))
                    .as(
                            "the child reached the blocking node; its log:%n%s",
                            Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "")
                    .isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            long killed;
            try (MetadataStore store = MetadataStore.open(lease.config())) {
                Execution running = store.executionsByType("Blocker").get(0);
                assertThat(running.state()).isEqualTo(ExecutionState.RUNNING);
                killed = running.id();
                assertThat(dir.resolve("root/block/report/.tmp-" + killed + "/first-half.txt"))
                        .exists();
                assertThat(store.executionsByType("StatisticsGen"))
                        .extracting(Execution::state)
                        .containsExactly(ExecutionState.COMPLETE);
            }

            Files.writeString(dir.resolve("markers/release"), "");
            RunResult resumed = RunFixture.run(lease.config(), CrashChild.pipeline(dir));
            assertThat(resumed.results().stream().collect(Collectors.toMap(NodeResult::node, NodeResult::status)))
                    .isEqualTo(Map.of(
                            "gen",
                            NodeStatus.CACHED,
                            "stats",
                            NodeStatus.CACHED,
                            "block",
                            NodeStatus.EXECUTED,
                            "after",
                            NodeStatus.EXECUTED));

            try (MetadataStore store = MetadataStore.open(lease.config())) {
                Execution abandoned = store.execution(killed).orElseThrow();
                assertThat(abandoned.state()).isEqualTo(ExecutionState.FAILED);
                assertThat(abandoned.property("error").map(Value::stringValue).orElse(""))
                        .contains("abandoned");
                assertThat(store.eventsByExecutions(List.of(killed))).isEmpty();
                assertThat(store.executions(ExecutionState.RUNNING)).isEmpty();
                assertConsistent(store, dir.resolve("root"));
                Artifact report = resumed.result("block")
                        .orElseThrow()
                        .outputs()
                        .get("report")
                        .get(0);
                try (Stream<Path> files = Files.list(Path.of(report.uri()))) {
                    assertThat(files.map(p -> p.getFileName().toString())
                                    .sorted()
                                    .toList())
                            .containsExactly("first-half.txt", "second-half.txt");
                }
            }
        }
    }

    /**
     * Every directory under the root is exactly one LIVE artifact whose digest matches its content, no temporary
     * directory is left, every output event names an existing artifact, and no URI is registered twice.
     */
    static void assertConsistent(MetadataStore store, Path root) throws Exception {
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> nodes = Files.list(root)) {
            for (Path node : nodes.filter(Files::isDirectory).toList()) {
                try (Stream<Path> outputs = Files.list(node)) {
                    for (Path output : outputs.toList()) {
                        try (Stream<Path> executions = Files.list(output)) {
                            directories.addAll(executions.toList());
                        }
                    }
                }
            }
        }
        assertThat(directories)
                .allSatisfy(d -> assertThat(d.getFileName().toString()).doesNotStartWith(".tmp-"));
        Set<String> uris = new HashSet<>();
        for (Artifact artifact : store.artifacts()) {
            if (artifact.state() == ArtifactState.LIVE) {
                assertThat(uris.add(artifact.uri()))
                        .as("URI registered once: %s", artifact.uri())
                        .isTrue();
            }
        }
        for (Path directory : directories) {
            List<Artifact> registered =
                    store.artifactsByUri(directory.toAbsolutePath().normalize().toString());
            assertThat(registered)
                    .as("artifacts at %s", directory)
                    .singleElement()
                    .satisfies(a -> assertThat(a.state()).isEqualTo(ArtifactState.LIVE))
                    .satisfies(
                            a -> assertThat(a.property("digest").orElseThrow().stringValue())
                                    .isEqualTo(Digests.of(directory)));
        }
        for (Execution execution : store.executionsByType("Blocker")) {
            store.eventsByExecutions(List.of(execution.id())).stream()
                    .filter(e -> e.type() == EventType.OUTPUT)
                    .forEach(e -> assertThat(store.artifact(e.artifactId())).isPresent());
        }
    }
}
