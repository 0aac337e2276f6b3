package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veracity pipeline} and {@code veracity metadata} end to end on files in a temporary directory. */
class PipelineCommandTest {
    @TempDir
    Path dir;

    private Path span(int span, int rows, boolean withDevice) throws Exception {
        SplittableRandom random = new SplittableRandom(span);
        StringBuilder csv = new StringBuilder("id,user,value,label" + (withDevice ? ",device" : "") + "\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i)
                    .append(",u")
                    .append(random.nextInt(40))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", random.nextDouble() * 10))
                    .append(',')
                    .append(random.nextInt(2))
                    .append(withDevice ? (random.nextBoolean() ? ",ios" : ",android") : "")
                    .append('\n');
        }
        Path file = dir.resolve("data/span-" + span + "/runs.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
        return file;
    }

    private Path pipeline(String failOn) throws Exception {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, """
                pipeline: cli
                pipeline_root: %1$s/root
                nodes:
                  - id: gen
                    component: ExampleGen
                    parameters: {input: "%1$s/data/span-{SPAN}/*.csv", partition_feature: user}
                  - id: statistics
                    component: StatisticsGen
                    inputs: {examples: gen.examples}
                    parameters: {threads: 1}
                  - id: schema
                    component: SchemaGen
                    inputs: {statistics: statistics.statistics}
                  - id: validate
                    component: ExampleValidator
                    inputs: {statistics: statistics.statistics, schema: schema.schema}
                    parameters:
                      fail_on: %2$s
                      severity: {ENUM_TYPE_UNEXPECTED_STRING_VALUES: WARNING}
                """.formatted(dir, failOn));
        return file;
    }

    @Test
    void runsCachesExplainsAndTracesLineageBackToTheRawFiles() throws Exception {
        Path raw = span(1, 300, false);
        String yaml = pipeline("ERROR").toString();
        CommandRun first = CommandRun.of("pipeline", "run", yaml);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
        assertThat(first.out()).contains("4 executed, 0 cached");
        assertThat(first.err()).contains("veracity: gen: running").contains("veracity: validate: warning:");

        CommandRun second = CommandRun.of("pipeline", "run", yaml);
        assertThat(second.out()).contains("0 executed, 4 cached");

        CommandRun plan = CommandRun.of("pipeline", "run", yaml, "--dry-run");
        assertThat(plan.exitCode()).isEqualTo(0);
        assertThat(plan.out()).contains("Plan of cli (nothing is run):").containsPattern("gen +ExampleGen +cached");

        // The lineage of the validation result reaches the raw CSV file.
        Matcher anomalies = Pattern.compile("validate +\\S+ +execution (\\d+)").matcher(first.out());
        assertThat(anomalies.find()).isTrue();
        Path result = dir.resolve("root/validate/anomalies/" + anomalies.group(1) + "/Split-eval/anomalies.pbtxt");
        assertThat(result).exists();
        CommandRun lineage = CommandRun.of("metadata", "lineage", "--pipeline", yaml, result.toString());
        assertThat(lineage.exitCode()).as(lineage.err()).isEqualTo(0);
        assertThat(lineage.out())
                .contains("ExampleValidator (node validate")
                .contains("StatisticsGen (node statistics")
                .contains("ExampleGen (node gen")
                .contains("external[0]: artifact")
                .contains("ExternalFile span 1 " + raw.toAbsolutePath().normalize());
        CommandRun downstream =
                CommandRun.of("metadata", "lineage", "--pipeline", yaml, "--direction", "downstream", raw.toString());
        assertThat(downstream.exitCode()).isEqualTo(0);
        assertThat(downstream.out()).contains("-> execution").contains("ExampleAnomalies");

        // A new span: only what depends on the data runs, and why-not-cached says what changed.
        span(2, 250, true);
        CommandRun third = CommandRun.of("pipeline", "run", yaml);
        assertThat(third.out()).contains("4 executed, 0 cached");
        CommandRun why = CommandRun.of("pipeline", "why-not-cached", yaml, "statistics");
        assertThat(why.out())
                .contains("last run (cli-")
                .contains("input.examples[0]: ")
                .contains("now: would be cached");
        CommandRun whyGen = CommandRun.of("pipeline", "why-not-cached", yaml, "gen");
        assertThat(whyGen.out())
                .contains("external[0]: ")
                .contains("span 1 -> ")
                .contains("span 2");

        CommandRun history = CommandRun.of("metadata", "schema-history", "--pipeline", yaml);
        assertThat(history.exitCode()).as(history.err()).isEqualTo(0);
        assertThat(history.out())
                .contains("Schema span 1")
                .contains("first version")
                .contains("Schema span 2")
                .contains("device");

        CommandRun runs = CommandRun.of("metadata", "runs", "--pipeline", yaml);
        assertThat(runs.out().lines().filter(l -> l.startsWith("cli-"))).hasSize(3);
        assertThat(runs.out()).contains("4 cached").contains("4 complete");
        CommandRun schemas = CommandRun.of("metadata", "artifacts", "--pipeline", yaml, "--type", "Schema");
        assertThat(schemas.out().lines().filter(l -> l.contains(" Schema "))).hasSize(2);
    }

    @Test
    void anomaliesAtFailOnExitOne() throws Exception {
        span(1, 300, false);
        CommandRun run = CommandRun.of("pipeline", "run", pipeline("WARNING").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("validate +BLOCKED").contains("anomalies at or above WARNING");
    }

    @Test
    void aBrokenPipelineFileIsOneLineAndExitTwo() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                pipeline: bad
                pipeline_root: %s/root
                nodes:
                  - {id: gen, component: ExampleGen, parameters: {input: x.csv}}
                  - {id: schema, component: SchemaGen, inputs: {statistics: gen.examples}}
                """.formatted(dir));
        CommandRun run = CommandRun.of("pipeline", "run", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("veracity: error: " + file + ":5:61: node schema: input statistics: expected an "
                        + "artifact of type ExampleStatistics, found Examples from gen.examples"
                        + System.lineSeparator());
        Files.writeString(file, "pipeline: [unclosed\n");
        CommandRun yaml = CommandRun.of("pipeline", "run", file.toString());
        assertThat(yaml.exitCode()).isEqualTo(2);
        assertThat(yaml.err())
                .startsWith("veracity: error: " + file + ":")
                .contains("expected YAML")
                .doesNotContain("\tat ");
        CommandRun missing =
                CommandRun.of("pipeline", "run", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("expected a pipeline file, found none");
    }

    @Test
    void aNodeThatFailsOnBadInputExitsTwoNamingTheFile() throws Exception {
        Path data = dir.resolve("data/span-1/runs.csv");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "id,user\n1,a\n2\n");
        CommandRun run = CommandRun.of("pipeline", "run", pipeline("ERROR").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .containsPattern("gen +FAILED")
                .contains(data + ":3")
                .containsPattern("statistics +skipped");
    }

    /** A user's component with a bug: counts its attempts in a file, then fails as a bug does. */
    public static final class Buggy implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Buggy",
                    "1",
                    List.of(),
                    List.of(new OutputPort("out", new ArtifactType("Out"))),
                    List.of(ParameterSpec.required("counter", ParameterType.STRING, "attempt counter file")));
        }

        @Override
        public void execute(ExecutionContext context) throws Exception {
            Path counter = Path.of(context.parameters().string("counter").orElseThrow());
            int attempts = Files.exists(counter)
                    ? Integer.parseInt(Files.readString(counter).strip())
                    : 0;
            Files.writeString(counter, Integer.toString(attempts + 1));
            throw new IllegalStateException("index out of step");
        }
    }

    @Test
    void aComponentBugExitsThreeAfterOneAttempt() throws Exception {
        Path counter = dir.resolve("counter");
        Path file = dir.resolve("buggy.yaml");
        Files.writeString(file, """
                pipeline: buggy
                pipeline_root: %s/root
                defaults: {retries: 2}
                nodes:
                  - {id: buggy, component: dev.veracity.cli.PipelineCommandTest$Buggy, parameters: {counter: %s}}
                """.formatted(dir, counter));
        CommandRun run = CommandRun.of("pipeline", "run", file.toString(), "--backoff-ms", "1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(Files.readString(counter)).isEqualTo("1");
        assertThat(run.out()).containsPattern("buggy +FAILED").contains("IllegalStateException: index out of step");
        assertThat(run.err())
                .contains(
                        "veracity: internal error: node buggy: java.lang.IllegalStateException: " + "index out of step")
                .doesNotContain("retrying")
                .doesNotContain("\tat ");
    }

    private CommandRun runFile(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return CommandRun.of("pipeline", "run", file.toString());
    }

    private static void assertOneErrorLine(CommandRun run, String start) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("veracity: error: " + start).doesNotContain("\tat ");
    }

    @Test
    void hostilePipelineFilesExitTwoWithOneLineNamingTheFile() throws Exception {
        Path deep = dir.resolve("deep.yaml");
        assertOneErrorLine(
                runFile(
                        "deep.yaml",
                        "pipeline: x\npipeline_root: r\nnodes: " + "[".repeat(3000) + "]".repeat(3000) + "\n"),
                deep + ":3:");
        Path resolver = dir.resolve("resolver.yaml");
        CommandRun run = runFile(
                "resolver.yaml",
                "pipeline: x\npipeline_root: %s/root\nnodes:\n  - {id: r, ".formatted(dir)
                        + "component: Resolver, parameters: {artifact_type: 5}}\n");
        assertOneErrorLine(run, resolver + ":4:62: node r: parameter artifact_type: expected an artifact type name");
        Path syntax = dir.resolve("syntax.yaml");
        assertOneErrorLine(
                runFile("syntax.yaml", "pipeline: x\n  pipeline_root: [\n"),
                syntax + ":2:16: expected YAML, found: mapping values are not allowed here");
        if (Files.exists(Path.of("/dev/zero"))) {
            assertOneErrorLine(
                    CommandRun.of("pipeline", "run", "/dev/zero"),
                    "/dev/zero: expected a pipeline file of " + "at most 3 MiB, found more");
        }
    }

    @Test
    void aWrongSplitInAnyNodeIsFoundBeforeTheFirstNodeRuns() throws Exception {
        span(1, 50, false);
        Path file = dir.resolve("splits.yaml");
        CommandRun run = runFile("splits.yaml", """
                pipeline: splits
                pipeline_root: %1$s/root
                nodes:
                  - {id: gen, component: ExampleGen, parameters: {input: "%1$s/data/span-{SPAN}/*.csv"}}
                  - id: statistics
                    component: StatisticsGen
                    inputs: {examples: gen.examples}
                  - {id: other, component: ExampleGen, parameters: {input: "%1$s/x.csv", splits: {train: many}}}
                """.formatted(dir));
        String other =
                "  - {id: other, component: ExampleGen, parameters: {input: \"%s/x.csv\", splits: {train: many}}}"
                        .formatted(dir);
        assertOneErrorLine(
                run,
                file + ":8:" + (other.indexOf("{train") + 1)
                        + ": node other: splits: train: expected a positive number of hash buckets, found many");
        assertThat(dir.resolve("root/gen")).doesNotExist();
    }

    @Test
    void metadataCommandsShareTheirStoreOptions() throws Exception {
        CommandRun neither = CommandRun.of("metadata", "runs");
        assertOneErrorLine(neither, "expected --metadata FILE|JDBC-URL or --pipeline FILE, found neither");
        for (String command : List.of("runs", "artifacts", "lineage", "schema-history")) {
            CommandRun help = CommandRun.of("metadata", command, "--help");
            assertThat(help.out()).as(command).contains("--pipeline=FILE").contains("--metadata=FILE|JDBC-URL");
        }
        CommandRun pipelineHelp = CommandRun.of("pipeline", "run", "--help");
        assertThat(pipelineHelp.out()).contains("--metadata=FILE|JDBC-URL").doesNotContain("--pipeline");
    }

    @Test
    void aForcedRerunOfStatisticsLetsDownstreamHitTheCache() throws Exception {
        // Enough rows that the quantile sketches compact: their bytes must not depend on the run.
        span(1, 5000, false);
        String yaml = pipeline("ERROR").toString();
        assertThat(CommandRun.of("pipeline", "run", yaml).exitCode()).isEqualTo(0);
        // Forcing one node: select only it, caching off. Its statistics are the same bytes as before...
        CommandRun forced =
                CommandRun.of("pipeline", "run", yaml, "--from", "statistics", "--to", "statistics", "--no-cache");
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(0);
        assertThat(forced.out()).containsPattern("statistics +executed").contains("1 executed, 0 cached");
        // ...so what reads them (now the forced execution's artifact) hits the cache: early cutoff by digest.
        CommandRun after = CommandRun.of("pipeline", "run", yaml);
        assertThat(after.exitCode()).as(after.err()).isEqualTo(0);
        assertThat(after.out())
                .containsPattern("schema +cached")
                .containsPattern("validate +cached")
                .contains("0 executed, 4 cached");
    }
}
