package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.checks.ChecksFile;
import dev.veracity.validate.checks.CheckResult;
import dev.veracity.validate.checks.CheckSet;
import dev.veracity.validate.checks.CustomChecks;
import dev.veracity.validate.checks.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestChecksCommandTest {
    @TempDir
    Path dir;

    private Path stats() throws IOException {
        Path data = dir.resolve("train.csv");
        StringBuilder csv = new StringBuilder("id,fare,delta,company,\"odd \"\"name\"\"\"\n");
        for (int i = 0; i < 200; i++) {
            csv.append("id").append(i).append(',');
            csv.append(i % 10 == 0 ? "" : Integer.toString(5 + i % 40)).append(',');
            csv.append(i % 7 - 3).append(',');
            csv.append("c").append(i % 4).append(',');
            csv.append("x\n");
        }
        Files.writeString(data, csv);
        Path out = dir.resolve("train.pb");
        assertThat(CommandRun.of("stats", data.toString(), "-o", out.toString()).exitCode())
                .isZero();
        return out;
    }

    @Test
    void suggestedChecksReadBackAndHoldOnTheirOwnStatistics() throws IOException {
        Path stats = stats();
        Path checks = dir.resolve("checks.yaml");
        CommandRun run = CommandRun.of("suggest-checks", stats.toString(), "-o", checks.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(checks);
        assertThat(text)
                .contains("  # complete: id is present in all 200 examples\n"
                        + "  - {feature: \"id\", metric: unique_fraction, min: 1}\n"
                                .replace("unique_fraction, min: 1", "missing_fraction, max: 0"))
                .contains("  # retain_completeness: fare is missing in 20 of 200 examples (0.1)")
                .contains("{feature: \"fare\", metric: min, min: 0}")
                .contains("{feature: \"delta\", metric: min, min: -3}")
                .contains("{feature: \"company\", metric: unique, max: 4}")
                .contains("{feature: \"id\", metric: unique_fraction, min: 1}")
                .contains("{feature: \"odd \\\"name\\\"\", metric: missing_fraction, max: 0}");
        CheckSet set = ChecksFile.read(checks);
        assertThat(set.checks()).extracting(c -> c.metric()).contains(Metric.NUM_EXAMPLES, Metric.MAX);
        for (CheckResult result : CustomChecks.of(set.checks())
                .evaluate(StatisticsFiles.read(stats).getDatasets(0))) {
            assertThat(result.passed()).as(result.description()).isTrue();
        }
        CommandRun again = CommandRun.of("suggest-checks", stats.toString());
        assertThat(again.out()).isEqualTo(text); // deterministic, same text on stdout
    }

    @Test
    void aSchemaRefinesTheSuggestionsByTypeDomainPiiAndEnvironment() throws IOException {
        Path data = dir.resolve("serving.csv");
        StringBuilder csv = new StringBuilder("zip,fare,color,ssn,label,old\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 300; i++) {
            csv.append(10115 + i % 50)
                    .append(',')
                    .append(3 + i % 60)
                    .append(',')
                    .append(colors[i % 3])
                    .append(',');
            csv.append(700000 + 37 * i)
                    .append(',')
                    .append(i % 2)
                    .append(',')
                    .append(i % 5)
                    .append('\n');
        }
        Files.writeString(data, csv);
        Path stats = dir.resolve("serving.pb");
        assertThat(CommandRun.of("stats", data.toString(), "-o", stats.toString())
                        .exitCode())
                .isZero();
        Path schema = dir.resolve("schema.pbtxt");
        Files.writeString(schema, """
                default_environment: "TRAINING"
                default_environment: "SERVING"
                feature { name: "zip" type: BYTES }
                feature { name: "fare" type: FLOAT float_domain { min: 0 max: 500 } }
                feature { name: "color" type: BYTES domain: "colors" }
                feature { name: "ssn" type: INT annotation { tag: "veracity:pii" } }
                feature { name: "label" type: INT not_in_environment: "SERVING" }
                feature { name: "old" type: INT lifecycle_stage: DEPRECATED }
                string_domain { name: "colors" value: "red" value: "green" value: "blue" value: "yellow" }
                """);
        CommandRun run = CommandRun.of(
                "suggest-checks", stats.toString(), "--schema", schema.toString(), "--environment", "SERVING");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = run.out();
        assertThat(text)
                .contains("{feature: \"fare\", metric: min, min: 0}", "{feature: \"fare\", metric: max, max: 500}")
                .contains("# schema_domain: the schema's domain of color lists 4 values")
                .contains("{feature: \"color\", metric: unique, max: 4}")
                .contains("{feature: \"zip\", metric: missing_fraction, max: 0}")
                .doesNotContain("\"label\"", "\"old\"")
                .doesNotContain("{feature: \"zip\", metric: min", "{feature: \"zip\", metric: max");
        // no value of the PII feature: not its smallest, not its largest, in a bound or in the evidence
        assertThat(text).doesNotContain("700000", "711063").contains("{feature: \"ssn\", metric: min, min: 0}");
        // without the schema the same statistics get ranges from the values seen, the PII one's included
        String plain = CommandRun.of("suggest-checks", stats.toString()).out();
        assertThat(plain).contains("711063", "\"label\"", "{feature: \"zip\", metric: max, max: 10164}");
        CommandRun unknown = CommandRun.of(
                "suggest-checks", stats.toString(), "--schema", schema.toString(), "--environment", "SERVNG");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(unknown.err()).contains("expected an environment", "found \"SERVNG\"");
    }
}
