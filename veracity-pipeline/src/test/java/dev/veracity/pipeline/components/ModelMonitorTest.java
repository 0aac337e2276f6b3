package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Parameters;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ModelMonitor on the bundled decay example: blocked after the concept change, executed on a stationary pair. */
class ModelMonitorTest {
    private static final Path EXAMPLE = Path.of("../examples/runs");

    @TempDir
    Path dir;

    @Test
    void blocksOnDecayAndConceptShift() throws IOException {
        RunResult result = run(pipeline("predictions_before.csv", "predictions_after.csv"));
        NodeResult monitor = result.result("monitor").orElseThrow();
        assertThat(monitor.status()).as(result.toString()).isEqualTo(NodeStatus.BLOCKED);
        Path shift = Path.of(monitor.outputs().get("shift").get(0).uri()).resolve("shift.json");
        assertThat(Files.readString(shift)).contains("\"verdict\" : \"concept\"");
        Path perf = Path.of(monitor.outputs().get("performance").get(0).uri()).resolve("perf.json");
        assertThat(Files.readString(perf)).contains("\"rule\" : \"drop\"");
    }

    @Test
    void runsThroughOnAStationaryPair() throws IOException {
        RunResult result = run(pipeline("predictions_before.csv", "predictions_before.csv"));
        NodeResult monitor = result.result("monitor").orElseThrow();
        assertThat(monitor.status()).as(result.toString()).isEqualTo(NodeStatus.EXECUTED);
        Path shift = Path.of(monitor.outputs().get("shift").get(0).uri()).resolve("shift.json");
        assertThat(Files.readString(shift)).contains("\"verdict\" : \"none\"");
    }

    @Test
    void refusesBadParameters() {
        ModelMonitor component = new ModelMonitor();
        assertThatThrownBy(() -> component.validate(parameters(Map.of("label", "y"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("score and prediction");
        assertThatThrownBy(() -> component.validate(parameters(Map.of("label", "y", "score", "s", "span", "year"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter span");
        component.validate(parameters(Map.of("label", "y", "score", "s", "time", "t")));
    }

    private static Parameters parameters(Map<String, ?> raw) {
        return Parameters.of(new ModelMonitor().spec(), raw, "node monitor");
    }

    @Test
    void theReportShowsTheModelQualityOfTheSpan() throws IOException {
        Pipeline pipeline = builder("predictions_before.csv", "predictions_before.csv")
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "today.examples"))
                .node(
                        "report",
                        new Report(),
                        Map.of(),
                        Map.of("statistics", "statistics.statistics", "performance", "monitor.performance"))
                .build();
        NodeResult report = run(pipeline).result("report").orElseThrow();
        assertThat(report.status()).isEqualTo(NodeStatus.EXECUTED);
        String page = Files.readString(
                Path.of(report.outputs().get("report").get(0).uri()).resolve("index.html"));
        assertThat(page).contains("\"quality\":{\"source\":\"perf.json\",\"task\":\"classification\"");
    }

    private Pipeline pipeline(String baseline, String current) throws IOException {
        return builder(baseline, current).build();
    }

    private Pipeline.Builder builder(String baseline, String current) throws IOException {
        Path base = dir.resolve("base/" + baseline);
        Path cur = dir.resolve("cur/" + current);
        Files.createDirectories(base.getParent());
        Files.createDirectories(cur.getParent());
        Files.copy(EXAMPLE.resolve(baseline), base);
        Files.copy(EXAMPLE.resolve(current), cur);
        return Pipeline.builder("monitoring", dir.resolve("root"))
                .node(
                        "reference",
                        new ExampleGen(),
                        Map.of("input", base.toString(), "splits", Map.of("train", "1", "eval", "1")),
                        Map.of())
                .node(
                        "today",
                        new ExampleGen(),
                        Map.of("input", cur.toString(), "splits", Map.of("train", "1", "eval", "1")),
                        Map.of())
                .node(
                        "monitor",
                        new ModelMonitor(),
                        Map.of(
                                "label",
                                "completed",
                                "score",
                                "score",
                                "time",
                                "started_at",
                                "max_drop",
                                0.1,
                                "features",
                                java.util.List.of("route", "surface", "distance_km", "elevation_gain_m")),
                        Map.of("examples", "today.examples", "baseline", "reference.examples"));
    }

    private RunResult run(Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }
}
