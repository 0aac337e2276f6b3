package dev.veracity.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.metadata.Execution;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.StatisticsGen;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing node is classified by cause: only transient failures are retried, and only bugs are INTERNAL. */
class FailureCauseTest {
    @TempDir
    Path dir;

    private RunResult runBroken(String failure, int retries) throws Exception {
        RunFixture.csv(dir.resolve("a/data.csv"), 50, 1);
        Pipeline pipeline = Pipeline.builder("broken", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("a/*.csv").toString()),
                        Map.of())
                .node("stats", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node(
                        "broken",
                        new TestComponents.Broken(),
                        Map.of("counter", dir.resolve("counter").toString(), "failure", failure),
                        Map.of("statistics", List.of("stats.statistics")),
                        retries,
                        Duration.ZERO)
                .build();
        return RunFixture.run(MetadataConfig.sqlite(dir.resolve("m.sqlite")), pipeline);
    }

    private int attempts() throws Exception {
        return Integer.parseInt(Files.readString(dir.resolve("counter")).strip());
    }

    @Test
    void aBugIsNotRetriedAndIsInternal() throws Exception {
        RunResult result = runBroken("bug", 3);
        NodeResult broken = result.result("broken").orElseThrow();
        assertThat(broken.status()).isEqualTo(NodeStatus.FAILED);
        assertThat(broken.cause()).isEqualTo(FailureCause.INTERNAL);
        assertThat(broken.attempts()).isEqualTo(1);
        assertThat(attempts()).isEqualTo(1);
        assertThat(broken.message()).contains("IllegalStateException: a bug in the component");
        assertThat(result.hasInternalFailure()).isTrue();
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("m.sqlite")))) {
            assertThat(store.executionsByType("Broken"))
                    .extracting(Execution::state)
                    .containsExactly(dev.veracity.metadata.ExecutionState.FAILED);
        }
        try (var files = Files.walk(dir.resolve("root/broken"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void anInputErrorIsNotRetriedAndIsTheUsers() throws Exception {
        RunResult result = runBroken("input", 3);
        NodeResult broken = result.result("broken").orElseThrow();
        assertThat(broken.cause()).isEqualTo(FailureCause.INPUT);
        assertThat(broken.message()).isEqualTo("node broken: expected valid input");
        assertThat(attempts()).isEqualTo(1);
        assertThat(result.hasFailure()).isTrue();
        assertThat(result.hasInternalFailure()).isFalse();
    }

    @Test
    void anIoFailureIsRetriedUntilTheRetriesRunOut() throws Exception {
        RunResult result = runBroken("io", 2);
        NodeResult broken = result.result("broken").orElseThrow();
        assertThat(broken.cause()).isEqualTo(FailureCause.TRANSIENT);
        assertThat(broken.attempts()).isEqualTo(3);
        assertThat(attempts()).isEqualTo(3);
        assertThat(result.hasInternalFailure()).isFalse();
    }

    @Test
    void causesOfCommonFailures() {
        assertThat(FailureCause.of(new dev.veracity.InputException(dev.veracity.ErrorCode.FILE_NOT_FOUND, "x")))
                .isEqualTo(FailureCause.INPUT);
        assertThat(FailureCause.of(new NoSuchFileException("x"))).isEqualTo(FailureCause.INPUT);
        assertThat(FailureCause.of(new java.io.IOException("x"))).isEqualTo(FailureCause.TRANSIENT);
        assertThat(FailureCause.of(new TimeoutException("x"))).isEqualTo(FailureCause.TRANSIENT);
        assertThat(FailureCause.of(new NullPointerException())).isEqualTo(FailureCause.INTERNAL);
        assertThat(FailureCause.of(new StackOverflowError())).isEqualTo(FailureCause.INTERNAL);
        assertThat(FailureCause.TRANSIENT.isRetried()).isTrue();
        assertThat(FailureCause.INTERNAL.isRetried()).isFalse();
        assertThat(FailureCause.INPUT.isRetried()).isFalse();
    }
}
