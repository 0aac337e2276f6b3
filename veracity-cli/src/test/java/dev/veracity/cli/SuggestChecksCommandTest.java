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
}
