package dev.veracity.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfills of daily spans: each span compares with the one before, is cached once done, and resumes if killed. */
class BackfillTest {
    @TempDir
    Path dir;

    private MetadataConfig config() {
        return MetadataConfig.sqlite(dir.resolve("metadata.sqlite"));
    }

    private List<RunResult> backfill(Pipeline pipeline, int fromDay, int toDay) throws Exception {
        try (MetadataStore store = MetadataStore.open(config())) {
            return new Backfill(store, RunOptions.DEFAULT.withBackoff(java.time.Duration.ofMillis(1)), RunListener.NONE)
                    .run(
                            pipeline,
                            BackfillComponents.span(fromDay),
                            BackfillComponents.span(toDay),
                            Backfill.Progress.NONE);
        }
    }

    private static Map<String, NodeStatus> statuses(RunResult result) {
        return result.results().stream().collect(Collectors.toMap(NodeResult::node, NodeResult::status));
    }

    private static String compared(RunResult result) throws Exception {
        return Files.readString(Path.of(result.result("compare")
                        .orElseThrow()
                        .outputs()
                        .get("report")
                        .get(0)
                        .uri())
                .resolve("compared.txt"));
    }

    private void threeDays() throws Exception {
        for (int day = 1; day <= 3; day++) {
            BackfillComponents.day(dir, day, 120, day);
        }
    }

    @Test
    void eachSpanComparesWithTheOneBeforeAndASecondBackfillIsFullyCached() throws Exception {
        threeDays();
        Pipeline pipeline = BackfillComponents.pipeline(dir, Map.of());
        List<RunResult> first = backfill(pipeline, 1, 3);
        assertThat(first).hasSize(3).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(compared(first.get(0))).isEqualTo(BackfillComponents.span(1) + " with -1");
        assertThat(compared(first.get(1)))
                .isEqualTo(BackfillComponents.span(2) + " with " + BackfillComponents.span(1));
        assertThat(compared(first.get(2)))
                .isEqualTo(BackfillComponents.span(3) + " with " + BackfillComponents.span(2));

        RunSummary summary = RunSummary.of(pipeline, first);
        assertThat(summary.columns()).containsExactly("examples", "drift_alarms", "compared_with");
        assertThat(summary.rows())
                .extracting(RunSummary.Row::span)
                .containsExactly(BackfillComponents.span(1), BackfillComponents.span(2), BackfillComponents.span(3));
        assertThat(summary.rows().get(0).values())
                .containsExactly(
                        Map.entry("examples", "120"), Map.entry("drift_alarms", ""), Map.entry("compared_with", "-1"));
        assertThat(summary.rows().get(2).values())
                .containsEntry("compared_with", Long.toString(BackfillComponents.span(2)));

        List<RunResult> second = backfill(pipeline, 1, 3);
        for (RunResult run : second) {
            assertThat(statuses(run))
                    .isEqualTo(Map.of(
                            "gen", NodeStatus.CACHED,
                            "stats", NodeStatus.CACHED,
                            "previous", NodeStatus.EXECUTED,
                            "compare", NodeStatus.CACHED));
        }
        // The figures survive caching: they are properties of the stored artifacts.
        assertThat(RunSummary.of(pipeline, second)).isEqualTo(summary);

        // One span alone, named by its date, is the same cached work.
        try (MetadataStore store = MetadataStore.open(config())) {
            RunResult one = new LocalRunner(
                            store, RunOptions.DEFAULT.withSpan(BackfillComponents.span(2)), RunListener.NONE)
                    .run(pipeline);
            assertThat(statuses(one))
                    .containsEntry("gen", NodeStatus.CACHED)
                    .containsEntry("compare", NodeStatus.CACHED);
        }
    }

    @Test
    void changingOneDayRerunsItsNodesAndTheDayThatComparesWithItOnly() throws Exception {
        threeDays();
        Pipeline pipeline = BackfillComponents.pipeline(dir, Map.of());
        backfill(pipeline, 1, 3);
        BackfillComponents.day(dir, 2, 150, 99);
        List<RunResult> again = backfill(pipeline, 1, 3);
        assertThat(statuses(again.get(0)))
                .containsEntry("gen", NodeStatus.CACHED)
                .containsEntry("stats", NodeStatus.CACHED)
                .containsEntry("compare", NodeStatus.CACHED);
        assertThat(statuses(again.get(1)))
                .containsEntry("gen", NodeStatus.EXECUTED)
                .containsEntry("stats", NodeStatus.EXECUTED)
                .containsEntry("compare", NodeStatus.EXECUTED);
        // Day 3's own data did not change, but what it compares with did.
        assertThat(statuses(again.get(2)))
                .containsEntry("gen", NodeStatus.CACHED)
                .containsEntry("stats", NodeStatus.CACHED)
                .containsEntry("compare", NodeStatus.EXECUTED);
    }

    @Test
    void aDayWithNoFilesIsRefusedBeforeAnythingRuns() throws Exception {
        BackfillComponents.day(dir, 1, 50, 1);
        BackfillComponents.day(dir, 3, 50, 3);
        Pipeline pipeline = BackfillComponents.pipeline(dir, Map.of());
        assertThatThrownBy(() -> backfill(pipeline, 1, 3))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("node gen")
                .hasMessageContaining("{YYYY}-{MM}-{DD}")
                .hasMessageContaining("expected files of span 2026-12-02, found spans [2026-12-01, 2026-12-03]");
        assertThat(dir.resolve("root/stats")).doesNotExist();
    }

    @Test
    void aBackfillKilledMidSpanResumesAndCompletesWithNothingHalfWritten() throws Exception {
        threeDays();
        MetadataConfig config = config();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BackfillComponents.class.getName(),
                        dir.toString(),
                        config.url(),
                        config.user(),
                        config.password())
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
                        "the child reached day 2's compare; its log:%n%s",
                        Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "")
                .isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (MetadataStore store = MetadataStore.open(config)) {
            assertThat(store.executionsByType("Compare"))
                    .extracting(Execution::state)
                    .containsExactly(ExecutionState.COMPLETE, ExecutionState.RUNNING);
        }

        Files.writeString(dir.resolve("markers/release"), "");
        Pipeline pipeline = BackfillComponents.pipeline(
                dir, Map.of("markers", dir.resolve("markers").toString(), "block_span", BackfillComponents.span(2)));
        List<RunResult> resumed = backfill(pipeline, 1, 3);
        assertThat(resumed).hasSize(3).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(statuses(resumed.get(0))).containsEntry("compare", NodeStatus.CACHED);
        assertThat(statuses(resumed.get(1)))
                .containsEntry("gen", NodeStatus.CACHED)
                .containsEntry("compare", NodeStatus.EXECUTED);
        assertThat(statuses(resumed.get(2))).containsEntry("compare", NodeStatus.EXECUTED);
        assertThat(compared(resumed.get(1)))
                .isEqualTo(BackfillComponents.span(2) + " with " + BackfillComponents.span(1));
        try (MetadataStore store = MetadataStore.open(config)) {
            assertThat(store.executions(ExecutionState.RUNNING)).isEmpty();
            CrashResumeTest.assertConsistent(store, dir.resolve("root"));
            List<NodeHistory.Entry> last = NodeHistory.last(store, pipeline);
            assertThat(last).hasSize(12);
            assertThat(last)
                    .extracting(e -> e.execution().state())
                    .doesNotContain(ExecutionState.FAILED, ExecutionState.RUNNING);
        }
    }
}
