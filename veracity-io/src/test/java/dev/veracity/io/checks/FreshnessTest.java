package dev.veracity.io.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.io.Veracity;
import dev.veracity.io.table.TableOptions;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.validate.checks.CheckResult;
import dev.veracity.validate.checks.CheckSet;
import dev.veracity.validate.checks.CustomChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The freshness check: the newest time of a column within max_age of the run's time. */
class FreshnessTest {
    private static final String CHECKS =
            "checks:\n  - {metric: freshness, feature: %s, max_age: 36h}\n  - {metric: freshness, feature: %s, max: 60}\n";

    @TempDir
    Path dir;

    @Test
    void isoTimesEpochSecondsAndEpochMillisAgainstTheirBruteForceNewest() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        LocalDateTime start = LocalDateTime.parse("2024-05-01T00:00:00");
        StringBuilder csv = new StringBuilder("started_at,epoch_s,epoch_ms,note\n");
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < 2000; i++) {
            LocalDateTime t = start.plusSeconds(random.nextLong(7 * 86400));
            long s = t.toEpochSecond(ZoneOffset.UTC);
            newest = Math.max(newest, s);
            String shown = i % 3 == 0
                    ? t + "Z"
                    : i % 3 == 1
                            ? t.toString()
                            : t.atOffset(ZoneOffset.ofHours(2))
                                    .withOffsetSameInstant(ZoneOffset.ofHours(2))
                                    .toString();
            csv.append(shown)
                    .append(',')
                    .append(s)
                    .append(',')
                    .append(s * 1000)
                    .append(",n")
                    .append(i % 5)
                    .append('\n');
        }
        csv.append("not a time,")
                .append(newest - 5)
                .append(',')
                .append((newest - 5) * 1000)
                .append(",x\n");
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        DatasetFeatureStatisticsList statistics =
                Veracity.statistics(file).compute().statistics();
        DatasetFeatureStatistics dataset = NewestTimePass.add(statistics, List.of(file), TableOptions.DEFAULT)
                .getDatasets(0);
        assertThat(dataset.getFeaturesList())
                .filteredOn(f -> f.getPath().getStep(0).equals("started_at"))
                .singleElement()
                .satisfies(f -> assertThat(f.getCustomStatsList())
                        .extracting(c -> c.getName() + "=" + c.getNum())
                        .contains("time_unparsed=1.0"));
        assertThat(dataset.getFeaturesList())
                .filteredOn(f -> f.getPath().getStep(0).equals("note"))
                .singleElement()
                .satisfies(f -> assertThat(f.getCustomStatsList()).isEmpty());

        for (String feature : List.of("started_at", "epoch_s", "epoch_ms")) {
            CheckSet checks = ChecksFile.parse(Path.of("checks.yaml"), String.format(CHECKS, feature, feature));
            Instant fresh = Instant.ofEpochSecond(newest + 36 * 3600);
            List<CheckResult> atLimit =
                    CustomChecks.of(checks.checks()).now(fresh).evaluate(dataset);
            assertThat(atLimit.get(0).passed()).as(feature).isTrue(); // inclusive: exactly 36 h old
            assertThat(atLimit.get(0).current().value()).isEqualTo(36 * 3600.0);
            assertThat(atLimit.get(1).passed()).isFalse();
            List<CheckResult> stale =
                    CustomChecks.of(checks.checks()).now(fresh.plusSeconds(1)).evaluate(dataset);
            assertThat(stale.get(0).passed()).isFalse();
            assertThat(stale.get(0).description())
                    .contains("freshness (age in seconds) of " + feature, "<= 129600", "found 129601");
            List<CheckResult> recent = CustomChecks.of(checks.checks())
                    .now(Instant.ofEpochSecond(newest + 60))
                    .evaluate(dataset);
            assertThat(recent).extracting(CheckResult::passed).containsExactly(true, true);
        }
        CheckSet note = ChecksFile.parse(Path.of("c.yaml"), String.format(CHECKS, "note", "note"));
        CheckResult noTime = CustomChecks.of(note.checks())
                .now(Instant.now())
                .evaluate(dataset)
                .get(0);
        assertThat(noTime.passed()).isFalse();
        assertThat(noTime.description()).contains("no custom statistic time_max");
        CheckResult noClock = CustomChecks.of(note.checks()).evaluate(dataset).get(0);
        assertThat(noClock.description()).contains("no run time");
    }

    @Test
    void durationsAndMisplacedMaxAgeAreReadWithTheirPlace() {
        assertThat(ChecksFile.parse(
                                Path.of("c.yaml"), "checks:\n  - {metric: freshness, feature: t, max_age: PT1H30M}\n")
                        .checks()
                        .get(0)
                        .max())
                .isEqualTo(5400);
        assertThat(ChecksFile.parse(Path.of("c.yaml"), "checks:\n  - {metric: freshness, feature: t, max_age: 1.5d}\n")
                        .checks()
                        .get(0)
                        .max())
                .isEqualTo(129600);
        assertThatThrownBy(() -> ChecksFile.parse(
                        Path.of("c.yaml"), "checks:\n  - {metric: freshness, feature: t, max_age: 36 hours}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("c.yaml:2:")
                .hasMessageContaining("expected a duration such as 90s");
        assertThatThrownBy(() ->
                        ChecksFile.parse(Path.of("c.yaml"), "checks:\n  - {metric: mean, feature: t, max_age: 36h}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("max_age only with the metric freshness");
    }
}
