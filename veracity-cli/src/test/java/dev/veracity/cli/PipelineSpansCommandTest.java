package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipeline run --span}, {@code pipeline backfill}, {@code pipeline status} and the run summary on date spans. */
class PipelineSpansCommandTest {
    @TempDir
    Path dir;

    private void day(int day, int rows) throws Exception {
        SplittableRandom random = new SplittableRandom(day);
        StringBuilder csv = new StringBuilder("id,user,value\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i)
                    .append(",u")
                    .append(random.nextInt(20))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", random.nextDouble() * 10))
                    .append('\n');
        }
        Path file = dir.resolve(String.format("data/2026-12-%02d/runs.csv", day));
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    private String pipeline(String genParameters) throws Exception {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, """
                pipeline: daily
                pipeline_root: %1$s/root
                nodes:
                  - id: gen
                    component: ExampleGen
                    parameters: {input: "%1$s/data/{YYYY}-{MM}-{DD}/*.csv"%2$s}
                  - id: statistics
                    component: StatisticsGen
                    inputs: {examples: gen.examples}
                    parameters: {threads: 1}
                """.formatted(dir, genParameters));
        return file.toString();
    }

    @Test
    void backfillPrintsASummaryPerDateSpanAndASecondBackfillIsCached() throws Exception {
        day(1, 120);
        day(2, 90);
        day(3, 60);
        String yaml = pipeline("");
        CommandRun first = CommandRun.of("pipeline", "backfill", yaml, "--from", "2026-12-01", "--to", "2026-12-03");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
        assertThat(first.err())
                .contains("veracity: backfill: span 2026-12-01 (1/3)")
                .contains("veracity: backfill: span 2026-12-03 (3/3)");
        assertThat(first.out())
                .contains("span 2026-12-01: 2 executed, 0 cached")
                .contains("span 2026-12-03: 2 executed, 0 cached");
        List<String> table =
                first.out().lines().dropWhile(l -> !l.equals("Summary:")).toList();
        assertThat(table)
                .containsExactly(
                        "Summary:",
                        "  span        examples",
                        "  2026-12-01  120",
                        "  2026-12-02  90",
                        "  2026-12-03  60");

        CommandRun second = CommandRun.of("pipeline", "backfill", yaml, "--from", "2026-12-01", "--to", "2026-12-03");
        assertThat(second.exitCode()).as(second.err()).isEqualTo(0);
        assertThat(second.out())
                .contains("span 2026-12-01: 0 executed, 2 cached")
                .contains("span 2026-12-03: 0 executed, 2 cached")
                .contains("  2026-12-02  90");

        CommandRun one = CommandRun.of("pipeline", "run", yaml, "--span", "2026-12-02", "--json");
        assertThat(one.exitCode()).as(one.err()).isEqualTo(0);
        assertThat(one.out())
                .contains("\"status\" : \"cached\"")
                .contains("\"span\" : " + java.time.LocalDate.of(2026, 12, 2).toEpochDay())
                .contains("\"date\" : \"2026-12-02\"")
                .contains("\"examples\" : 90")
                .doesNotContain("2026-12-03");

        CommandRun status = CommandRun.of("pipeline", "status", yaml);
        assertThat(status.exitCode()).as(status.err()).isEqualTo(0);
        assertThat(status.out().lines().filter(l -> l.contains("2026-12-0"))).hasSize(6);
        assertThat(status.out().lines().filter(l -> l.startsWith("  2026-12-02") && l.contains(" gen ")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("cached").contains("cached: outputs of execution"));

        CommandRun history = CommandRun.of("metadata", "schema-history", "--pipeline", yaml);
        assertThat(history.exitCode()).as(history.err()).isEqualTo(0);
    }

    @Test
    void aSpanWithNoFilesIsExitTwoNamingThePatternAndTheSpan() throws Exception {
        day(1, 50);
        day(3, 50);
        String yaml = pipeline("");
        CommandRun backfill = CommandRun.of("pipeline", "backfill", yaml, "--from", "2026-12-01", "--to", "2026-12-03");
        assertThat(backfill.exitCode()).isEqualTo(2);
        assertThat(backfill.err().lines().toList())
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .startsWith("veracity: error: backfill: node gen: ")
                        .contains("{YYYY}-{MM}-{DD}/*.csv: expected files of span 2026-12-02, found spans "
                                + "[2026-12-01, 2026-12-03]"));
        assertThat(backfill.out()).isEmpty();

        CommandRun run = CommandRun.of("pipeline", "run", yaml, "--span", "2026-12-02");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("veracity: error: node gen: ").contains("span 2026-12-02");
        assertThat(run.out()).contains("node gen failed: ");

        CommandRun bad = CommandRun.of("pipeline", "run", yaml, "--span", "2026-13-01");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--span: expected a date that exists, found 2026-13-01");
    }

    @Test
    void aNodeThatFailsOnItsInputExitsTwoAndTheSummarySaysWhichAndWhy() throws Exception {
        day(1, 50);
        day(2, 50);
        String yaml = pipeline(", partition_feature: nowhere");
        CommandRun backfill = CommandRun.of("pipeline", "backfill", yaml, "--from", "2026-12-01", "--to", "2026-12-02");
        assertThat(backfill.exitCode()).isEqualTo(2);
        assertThat(backfill.out())
                .containsPattern("span 2026-12-01: .* 1 failed, ")
                .containsPattern("\n  gen +FAILED +")
                .contains("node gen failed: ")
                .contains("expected partition feature nowhere")
                .doesNotContain("2026-12-02");
        assertThat(backfill.err()).contains("veracity: error: node gen: ").doesNotContain("at dev.veracity");
        CommandRun verbose =
                CommandRun.of("pipeline", "backfill", yaml, "--from", "2026-12-01", "--to", "2026-12-02", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).contains("    at dev.veracity.pipeline.components.ExampleGen");
        assertThat(verbose.out()).contains("span 2026-12-01 (run daily-");
        CommandRun status = CommandRun.of("pipeline", "status", yaml);
        assertThat(status.out()).contains("FAILED").contains("expected partition feature nowhere");
    }

    /** Stands in for DriftCheck: says the feature "value" drifted in the span of 2026-12-03, nothing elsewhere. */
    public static final class FakeDrift implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "FakeDrift",
                    "1",
                    List.of(InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS)),
                    List.of(new OutputPort("drift", new ArtifactType("DriftReport"))),
                    List.of());
        }

        @Override
        public void execute(ExecutionContext context) {
            long span = context.inputs("statistics")
                    .get(0)
                    .property("span")
                    .orElseThrow()
                    .intValue();
            context.outputDirectory("drift");
            context.setOutputProperty("drift", "span", Value.of(span));
            boolean alarm = span == java.time.LocalDate.of(2026, 12, 3).toEpochDay();
            context.setOutputProperty("drift", "summary.drift_alarms", Value.of(alarm ? "value" : ""));
        }
    }

    @Test
    void schemaHistoryShowsPerDateSpanTheSchemaChangesAndTheDriftAlarms() throws Exception {
        day(1, 80);
        day(2, 80);
        day(3, 80);
        // Day 3 has a new column.
        Path third = dir.resolve("data/2026-12-03/runs.csv");
        List<String> lines = Files.readAllLines(third);
        StringBuilder csv = new StringBuilder(lines.get(0) + ",device\n");
        for (int i = 1; i < lines.size(); i++) {
            csv.append(lines.get(i)).append(i % 2 == 0 ? ",ios" : ",android").append('\n');
        }
        Files.writeString(third, csv);
        String yaml = pipeline("");
        Files.writeString(Path.of(yaml), Files.readString(Path.of(yaml)) + """
                  - id: schema
                    component: SchemaGen
                    inputs: {statistics: statistics.statistics}
                  - id: drift
                    component: dev.veracity.cli.PipelineSpansCommandTest$FakeDrift
                    inputs: {statistics: statistics.statistics}
                  - id: previous
                    component: Resolver
                    inputs: {current: gen.examples}
                    parameters: {artifact_type: ExampleStatistics, producer: statistics}
                """);
        CommandRun backfill = CommandRun.of("pipeline", "backfill", yaml, "--from", "2026-12-01", "--to", "2026-12-03");
        assertThat(backfill.exitCode()).as(backfill.err()).isEqualTo(0);
        assertThat(backfill.out().lines().dropWhile(l -> !l.equals("Summary:")).toList())
                .containsExactly(
                        "Summary:",
                        "  span        examples",
                        "  2026-12-01  80",
                        "  2026-12-02  80",
                        "  2026-12-03  80",
                        "              drift_alarms: value");
        CommandRun again = CommandRun.of("pipeline", "backfill", yaml, "--from", "2026-12-01", "--to", "2026-12-03");
        // The resolver runs every time, and computes nothing.
        assertThat(again.out()).contains("span 2026-12-03: 0 executed, 4 cached, 1 resolved, 0 reused");
        CommandRun history = CommandRun.of("metadata", "schema-history", "--pipeline", yaml);
        assertThat(history.exitCode()).as(history.err()).isEqualTo(0);
        List<String> out = history.out().lines().toList();
        assertThat(out.get(0)).contains(" Schema span 2026-12-01 ").endsWith("(3 features)");
        assertThat(out.get(1)).isEqualTo("  first version");
        assertThat(out.get(2)).isEqualTo("  drift alarms: none");
        assertThat(out.get(3)).contains(" Schema span 2026-12-02 ").endsWith("(3 features)");
        assertThat(out).containsSubsequence("  drift alarms: none", "  drift alarms: none", "  drift alarms: value");
        assertThat(out.stream().filter(l -> l.contains(" Schema span 2026-12-03 ")))
                .singleElement()
                .satisfies(l -> assertThat(l).endsWith("(4 features)"));
        assertThat(history.out()).contains("device");
        assertThat(out.get(out.size() - 1)).isEqualTo("  drift alarms: value");
    }
}
