package dev.veracity.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.StoreBackend;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.ExampleValidator;
import dev.veracity.pipeline.components.SchemaGen;
import dev.veracity.pipeline.components.StatisticsGen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Caching, early cutoff, retries, timeouts, partial runs and blocked validators, on real components and files. */
class LocalRunnerTest {
    @TempDir
    Path dir;

    /** Two branches: a (one file) and b (spans); schema from a; b validated against it without failing. */
    private Pipeline twoBranches() {
        return Pipeline.builder("two", dir.resolve("root"))
                .node(
                        "gen_a",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("a/*.csv").toString(), "partition_feature", "user"),
                        Map.of())
                .node(
                        "gen_b",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("b/span-{SPAN}/data.csv").toString(), "splits", Map.of("all", "1")),
                        Map.of())
                .node("stats_a", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen_a.examples"))
                .node("stats_b", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen_b.examples"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "stats_a.statistics"))
                .node(
                        "validate_b",
                        new ExampleValidator(),
                        Map.of("fail_on", "NEVER"),
                        Map.of("statistics", "stats_b.statistics", "schema", "schema.schema"))
                .build();
    }

    private void writeData() throws Exception {
        RunFixture.csv(dir.resolve("a/data.csv"), 300, 1);
        RunFixture.csv(dir.resolve("b/span-1/data.csv"), 200, 2);
    }

    private static Map<String, NodeStatus> statuses(RunResult result) {
        return result.results().stream().collect(Collectors.toMap(NodeResult::node, NodeResult::status));
    }

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void aSecondRunWithNoChangeIsFullyCached(StoreBackend backend) throws Exception {
        writeData();
        try (StoreBackend.Lease lease = backend.lease(dir)) {
            RunResult first = RunFixture.run(lease.config(), twoBranches());
            assertThat(first.isSuccess()).isTrue();
            assertThat(first.count(NodeStatus.EXECUTED)).isEqualTo(6);
            RunResult second = RunFixture.run(lease.config(), twoBranches());
            assertThat(second.count(NodeStatus.CACHED)).isEqualTo(6);
            for (NodeResult node : second.results()) {
                assertThat(node.outputs())
                        .isEqualTo(first.result(node.node()).orElseThrow().outputs());
            }
            try (MetadataStore store = MetadataStore.open(lease.config())) {
                assertThat(store.contextsByType("pipeline_run")).hasSize(2);
                assertThat(store.executionsByContext(store.context("pipeline_run", second.runId())
                                .orElseThrow()
                                .id()))
                        .extracting(Execution::state)
                        .containsOnly(ExecutionState.CACHED);
                // Cached executions record their inputs and outputs too.
                Execution cached = store.execution(
                                second.result("stats_a").orElseThrow().executionId())
                        .orElseThrow();
                assertThat(store.eventsByExecutions(List.of(cached.id())))
                        .extracting(e -> e.type().name())
                        .containsExactlyInAnyOrder("INPUT", "OUTPUT");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void aNewSpanOfOneInputRerunsOnlyWhatDependsOnIt(StoreBackend backend) throws Exception {
        writeData();
        try (StoreBackend.Lease lease = backend.lease(dir)) {
            RunFixture.run(lease.config(), twoBranches());
            RunFixture.csv(dir.resolve("b/span-2/data.csv"), 150, 3);
            RunResult second = RunFixture.run(lease.config(), twoBranches());
            assertThat(statuses(second))
                    .isEqualTo(Map.of(
                            "gen_a",
                            NodeStatus.CACHED,
                            "stats_a",
                            NodeStatus.CACHED,
                            "schema",
                            NodeStatus.CACHED,
                            "gen_b",
                            NodeStatus.EXECUTED,
                            "stats_b",
                            NodeStatus.EXECUTED,
                            "validate_b",
                            NodeStatus.EXECUTED));
            Artifact examples = second.result("gen_b")
                    .orElseThrow()
                    .outputs()
                    .get("examples")
                    .get(0);
            assertThat(examples.property("span")).contains(Value.of(2L));
            assertThat(examples.property("num_examples_all")).contains(Value.of(150L));
            assertThat(second.result("gen_b").orElseThrow().message())
                    .contains("external[0]")
                    .contains("span 1")
                    .contains("span 2");
        }
    }

    @Test
    void aReexecutedNodeWithTheSameOutputLetsDownstreamHit() throws Exception {
        writeData();
        MetadataConfig config = MetadataConfig.sqlite(dir.resolve("m.sqlite"));
        RunResult first = RunFixture.run(config, twoBranches());
        // Same values, other text: 12.50 is 12.5 once parsed, so ExampleGen's output does not change.
        Path file = dir.resolve("a/data.csv");
        String text = Files.readString(file);
        String reformatted = text.replaceAll("(\\d+\\.\\d)0\\b", "$1");
        assertThat(reformatted).isNotEqualTo(text);
        Files.writeString(file, reformatted);
        RunResult second = RunFixture.run(config, twoBranches());
        assertThat(statuses(second))
                .containsEntry("gen_a", NodeStatus.EXECUTED)
                .containsEntry("stats_a", NodeStatus.CACHED)
                .containsEntry("schema", NodeStatus.CACHED);
        Artifact before =
                first.result("gen_a").orElseThrow().outputs().get("examples").get(0);
        Artifact after =
                second.result("gen_a").orElseThrow().outputs().get("examples").get(0);
        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(after.property("digest")).isEqualTo(before.property("digest"));
    }

    private Pipeline withFlaky(int retries, long failures, long sleepMillis, Duration timeout) {
        return Pipeline.builder("flaky", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("a/*.csv").toString()),
                        Map.of())
                .node("stats", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node(
                        "flaky",
                        new TestComponents.Flaky(),
                        Map.of(
                                "counter",
                                dir.resolve("counter").toString(),
                                "failures",
                                failures,
                                "sleep_ms",
                                sleepMillis),
                        Map.of("statistics", List.of("stats.statistics")),
                        retries,
                        timeout)
                .node("after", new TestComponents.Follower(), Map.of(), Map.of("report", "flaky.report"))
                .build();
    }

    @Test
    void failedAttemptsAreRetriedAndLeaveNoArtifact() throws Exception {
        writeData();
        MetadataConfig config = MetadataConfig.sqlite(dir.resolve("m.sqlite"));
        RunResult result = RunFixture.run(config, withFlaky(2, 2, 0, Duration.ZERO));
        NodeResult flaky = result.result("flaky").orElseThrow();
        assertThat(flaky.status()).isEqualTo(NodeStatus.EXECUTED);
        assertThat(flaky.attempts()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("counter"))).isEqualTo("3");
        assertThat(result.result("after").orElseThrow().status()).isEqualTo(NodeStatus.EXECUTED);
        try (MetadataStore store = MetadataStore.open(config);
                Stream<Path> reports = Files.list(dir.resolve("root/flaky/report"))) {
            List<Execution> executions = store.executionsByType("Flaky");
            assertThat(executions)
                    .extracting(Execution::state)
                    .containsExactly(ExecutionState.FAILED, ExecutionState.FAILED, ExecutionState.COMPLETE);
            assertThat(executions.get(0).property("error").orElseThrow().stringValue())
                    .contains("flaky failure 1");
            // Only the successful attempt's directory exists, complete.
            assertThat(reports.map(p -> p.getFileName().toString()).toList())
                    .containsExactly(Long.toString(executions.get(2).id()));
        }
        assertThat(Files.readString(dir.resolve("root/after/report")
                        .resolve(Long.toString(
                                result.result("after").orElseThrow().executionId()))
                        .resolve("files.txt")))
                .isEqualTo("partial.txt,report.txt");
    }

    @Test
    void aNodeOutOfRetriesFailsAndSkipsWhatFollows() throws Exception {
        writeData();
        RunResult result =
                RunFixture.run(MetadataConfig.sqlite(dir.resolve("m.sqlite")), withFlaky(1, 5, 0, Duration.ZERO));
        assertThat(statuses(result))
                .containsEntry("flaky", NodeStatus.FAILED)
                .containsEntry("after", NodeStatus.SKIPPED)
                .containsEntry("stats", NodeStatus.EXECUTED);
        assertThat(result.result("flaky").orElseThrow().message()).contains("flaky failure 2");
        assertThat(result.hasFailure()).isTrue();
        try (Stream<Path> reports = Files.list(dir.resolve("root/flaky/report"))) {
            assertThat(reports).isEmpty();
        }
    }

    @Test
    void anAttemptOverItsTimeoutFails() throws Exception {
        writeData();
        RunResult result = RunFixture.run(
                MetadataConfig.sqlite(dir.resolve("m.sqlite")), withFlaky(0, 0, 30_000, Duration.ofMillis(300)));
        assertThat(result.result("flaky").orElseThrow().status()).isEqualTo(NodeStatus.FAILED);
        assertThat(result.result("flaky").orElseThrow().message()).contains("timed out after 300 ms");
    }

    @Test
    void partialRunsReuseTheLatestOutputsOutsideTheSelection() throws Exception {
        writeData();
        MetadataConfig config = MetadataConfig.sqlite(dir.resolve("m.sqlite"));
        assertThatThrownBy(() -> RunFixture.run(config, twoBranches(), RunOptions.DEFAULT.from("schema")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("node gen_a: expected an earlier " + "successful execution to reuse");
        RunResult upTo = RunFixture.run(config, twoBranches(), RunOptions.DEFAULT.to("stats_a"));
        assertThat(upTo.results()).extracting(NodeResult::node).containsExactly("gen_a", "stats_a");
        assertThatThrownBy(() -> RunFixture.run(config, twoBranches(), RunOptions.DEFAULT.from("schema")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("node gen_b: expected an earlier "
                        + "successful execution to reuse (it is outside --from/--to and validate_b reads it)");
        RunFixture.run(config, twoBranches());
        RunResult from = RunFixture.run(
                config, twoBranches(), RunOptions.DEFAULT.from("schema").withCache(false));
        assertThat(statuses(from))
                .isEqualTo(Map.of(
                        "gen_a",
                        NodeStatus.REUSED,
                        "stats_a",
                        NodeStatus.REUSED,
                        "gen_b",
                        NodeStatus.REUSED,
                        "stats_b",
                        NodeStatus.REUSED,
                        "schema",
                        NodeStatus.EXECUTED,
                        "validate_b",
                        NodeStatus.EXECUTED));
        assertThat(from.result("schema").orElseThrow().message()).isEqualTo("caching is off (--no-cache)");
        assertThatThrownBy(() -> RunFixture.run(config, twoBranches(), RunOptions.DEFAULT.from("nope")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--from: expected a node of pipeline two");
    }

    @Test
    void aValidatorBlocksTheRunAndStaysBlockedWhenCached() throws Exception {
        writeData();
        Path serving = dir.resolve("serving.csv");
        Files.writeString(serving, "id,user,value,label\n1,zoe,5.0,1\n2,ana,6.0,0\n");
        Pipeline pipeline = Pipeline.builder("blocked", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("a/*.csv").toString()),
                        Map.of())
                .node(
                        "serving_gen",
                        new ExampleGen(),
                        Map.of("input", serving.toString(), "splits", Map.of("serving", "1")),
                        Map.of())
                .node("stats", new StatisticsGen(), Map.of(), Map.of("examples", "gen.examples"))
                .node("serving_stats", new StatisticsGen(), Map.of(), Map.of("examples", "serving_gen.examples"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "stats.statistics"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of(),
                        Map.of("statistics", "serving_stats.statistics", "schema", "schema.schema"))
                .node(
                        "after",
                        new TestComponents.Flaky(),
                        Map.of("counter", dir.resolve("c").toString()),
                        Map.of("statistics", "serving_stats.statistics"))
                .build();
        MetadataConfig config = MetadataConfig.sqlite(dir.resolve("m.sqlite"));
        RunResult first = RunFixture.run(config, pipeline);
        NodeResult validate = first.result("validate").orElseThrow();
        assertThat(validate.status()).isEqualTo(NodeStatus.BLOCKED);
        assertThat(validate.message()).contains("anomalies at or above ERROR");
        Artifact anomalies = validate.outputs().get("anomalies").get(0);
        assertThat(anomalies.property("num_errors").orElseThrow().intValue()).isPositive();
        assertThat(Files.readString(Path.of(anomalies.uri()).resolve("Split-serving/anomalies.pbtxt")))
                .contains("user")
                .contains("zoe");
        assertThat(first.isSuccess()).isFalse();
        assertThat(first.hasFailure()).isFalse();
        RunResult second = RunFixture.run(config, pipeline);
        assertThat(second.result("validate").orElseThrow().status()).isEqualTo(NodeStatus.BLOCKED);
        assertThat(second.count(NodeStatus.CACHED)).isEqualTo(6);
    }

    @Test
    void aRootStaysWithTheStoreItWasWrittenWith() throws Exception {
        writeData();
        RunFixture.run(MetadataConfig.sqlite(dir.resolve("one.sqlite")), twoBranches(), RunOptions.DEFAULT.to("gen_a"));
        assertThatThrownBy(() -> RunFixture.run(MetadataConfig.sqlite(dir.resolve("two.sqlite")), twoBranches()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected the metadata store it was written " + "with (jdbc:sqlite:"
                        + dir.resolve("one.sqlite").toAbsolutePath().normalize() + ")");
    }
}
