package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.metadata.Artifact;
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
import dev.veracity.report.HtmlReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report: the page is byte for byte the one {@code veracity report train.pb --schema s --anomalies a --title T}
 * makes (the same report API, fed from the artifact files), found at {@code summary.report}; with a DriftCheck it
 * shows the drift; a re-run is cached.
 */
class ReportTest {
    @TempDir
    Path dir;

    private void span(int span, int offset) throws IOException {
        StringBuilder csv = new StringBuilder("id,route,distance\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i)
                    .append(",r")
                    .append(i % 3)
                    .append(',')
                    .append(offset + i % 20)
                    .append('\n');
        }
        Path file = dir.resolve("data/span-" + span + "/runs.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    private Pipeline pipeline() {
        return builder().build();
    }

    private Pipeline.Builder builder() {
        return Pipeline.builder("lifecycle", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of(
                                "input",
                                dir.resolve("data/span-{SPAN}/*.csv").toString(),
                                "splits",
                                Map.of("train", "1")),
                        Map.of())
                .node("statistics", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "statistics.statistics"))
                .node(
                        "validate",
                        new ExampleValidator(),
                        Map.of("fail_on", "NEVER"),
                        Map.of("statistics", "statistics.statistics", "schema", "schema.schema"))
                .node(
                        "previous",
                        new Resolver(),
                        Map.of("artifact_type", "ExampleStatistics", "producer", "statistics"),
                        Map.of("current", "gen.examples"))
                .node(
                        "drift",
                        new DriftCheck(),
                        Map.of(),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "previous", "previous.result",
                                "schema", "schema.schema"))
                .node(
                        "report",
                        new Report(),
                        Map.of(),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "schema", "schema.schema",
                                "anomalies", "validate.anomalies",
                                "drift", "drift.drift",
                                "previous", "previous.result"));
    }

    @Test
    void theDriftOfEachFeatureSpanAfterSpanIsAMetricHistory() throws IOException {
        Pipeline pipeline = builder()
                .node(
                        "drift_history",
                        new Resolver(),
                        Map.of("artifact_type", "DriftReport", "producer", "drift", "count", 10),
                        Map.of("current", "gen.examples"))
                .node(
                        "history_report",
                        new Report(),
                        Map.of(),
                        Map.of(
                                "statistics", "statistics.statistics",
                                "drift", "drift.drift",
                                "drift_history", "drift_history.result"))
                .build();
        int[] offsets = {10, 60, 10};
        RunResult last = null;
        for (int span = 1; span <= offsets.length; span++) {
            span(span, offsets[span - 1]);
            last = run(pipeline);
        }
        String html = Files.readString(uri(last, "history_report", "report").resolve("index.html"));
        // The first span has nothing to compare with: spans 2 and 3 each measured distance against the one before,
        // both over the threshold (the values moved by 50, then back), route (the same every span) under it.
        assertThat(html)
                .contains("\"feature\":\"distance\",\"metric\":\"drift jensen_shannon_divergence\"")
                .contains("\"feature\":\"route\",\"metric\":\"drift l_infty\"")
                .contains("\"spans\":[\"2\",\"3\"]")
                .contains(DriftHistory.STRATEGY);
    }

    private RunResult run(Pipeline pipeline) throws IOException {
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("metadata.sqlite")))) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
        }
    }

    private static Path uri(RunResult result, String node, String output) {
        return Path.of(
                result.result(node).orElseThrow().outputs().get(output).get(0).uri());
    }

    @Test
    void thePageIsTheOneVeracityReportMakesAndShowsTheDrift() throws IOException {
        span(1, 10);
        RunResult first = run(pipeline());
        NodeResult report = first.result("report").orElseThrow();
        assertThat(report.status()).as(first.toString()).isEqualTo(NodeStatus.EXECUTED);
        Artifact artifact = report.outputs().get("report").get(0);
        Path page = Path.of(artifact.property("summary.report").orElseThrow().stringValue());
        assertThat(page)
                .isEqualTo(Path.of(artifact.uri()).resolve("index.html"))
                .isRegularFile();

        // What veracity report writes for the same files (its command feeds the same builder).
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        HtmlReport.builder()
                .title("lifecycle · span 1")
                .statistics(
                        "train",
                        StatisticsFiles.read(
                                uri(first, "statistics", "statistics").resolve("Split-train/FeatureStats.pb")))
                .schema(SchemaFiles.read(uri(first, "schema", "schema").resolve("schema.pbtxt")))
                .anomalies(
                        AnomaliesFiles.read(uri(first, "validate", "anomalies").resolve("Split-train/anomalies.pbtxt")))
                .build()
                .writeTo(expected);
        assertThat(Files.readAllBytes(page)).isEqualTo(expected.toByteArray());

        span(2, 60);
        RunResult second = run(pipeline());
        assertThat(second.result("report").orElseThrow().status())
                .as(second.toString())
                .isEqualTo(NodeStatus.EXECUTED);
        Path secondPage = Path.of(second.result("report")
                .orElseThrow()
                .outputs()
                .get("report")
                .get(0)
                .property("summary.report")
                .orElseThrow()
                .stringValue());
        String html = Files.readString(secondPage);
        assertThat(html).contains("COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH").contains("previous span 1 train");

        RunResult again = run(pipeline());
        assertThat(again.results())
                .filteredOn(r -> !r.node().equals("previous"))
                .allMatch(r -> r.status() == NodeStatus.CACHED, again.toString());
    }

    @Test
    void refusesABadMaxTopValues() {
        assertThatThrownBy(() -> new Report()
                        .validate(Parameters.of(new Report().spec(), Map.of("max_top_values", 0), "node report")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("parameter max_top_values");
    }
}
