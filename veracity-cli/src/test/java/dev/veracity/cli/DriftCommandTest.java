package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veracity drift} end to end: CSV spans to statistics with {@code stats}, then drift over them. */
class DriftCommandTest {
    @TempDir
    Path dir;

    private Path spans;

    /** Spans of {@code rows} rows: "fare" normal (mean, 2), "payment" drawn from three labels with the shares. */
    private Path span(String name, long seed, int rows, double mean, double... shares) throws IOException {
        return span(name, seed, rows, true, mean, shares);
    }

    private Path span(String name, long seed, int rows, boolean sliced, double mean, double... shares)
            throws IOException {
        return span(name, seed, rows, sliced, "", mean, shares);
    }

    /** As above, with {@code extraRows} (CSV lines) appended to the span's data. */
    private Path span(String name, long seed, int rows, boolean sliced, String extraRows, double mean, double... shares)
            throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("fare,payment,region\n");
        String[] labels = {"cash", "card", "app"};
        for (int i = 0; i < rows; i++) {
            double u = random.nextDouble();
            int label = u < shares[0] ? 0 : u < shares[0] + shares[1] ? 1 : 2;
            csv.append(String.format(
                    java.util.Locale.ROOT,
                    "%.4f,%s,%s%n",
                    mean + 2 * random.nextGaussian(),
                    labels[label],
                    i % 2 == 0 ? "north" : "south"));
        }
        csv.append(extraRows);
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path statistics = spans.resolve(name + ".pb");
        CommandRun run = sliced
                ? CommandRun.of("stats", file.toString(), "-o", statistics.toString(), "--slice-by", "region")
                : CommandRun.of("stats", file.toString(), "-o", statistics.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return statistics;
    }

    @BeforeEach
    void makeSpansDirectory() throws IOException {
        spans = Files.createDirectory(dir.resolve("spans"));
    }

    @Nested
    class LargeSpans {
        @Test
        void aShiftedSpanIsFlaggedWithItsValueAndCleanSpansAreNot() throws IOException {
            span("day1", 1, 3000, 10, 0.5, 0.3);
            span("day2", 2, 3000, 10, 0.5, 0.3);
            span("day3", 3, 3000, 12, 0.2, 0.3);
            Path json = dir.resolve("drift.json");
            CommandRun run = CommandRun.of("drift", spans.toString(), "-o", json.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            List<String> lines = run.out().lines().toList();
            assertThat(lines).allMatch(line -> line.length() <= 100);
            assertThat(lines.get(0))
                    .as(run.out())
                    .isEqualTo("Drift over 3 spans against first span (" + spans.resolve("day1.pb") + "): 12 alarm(s)");
            // the shift of one standard deviation: about 1.0 both against day2 and day1
            String fareDay2 = lines.stream()
                    .filter(line -> line.startsWith("fare "))
                    .findFirst()
                    .orElseThrow();
            assertThat(fareDay2).contains("wasserstein", ">= 0.1", "day2.pb").doesNotContain("ALARM");
            String fareDay3 = lines.get(lines.indexOf(fareDay2) + 1);
            assertThat(fareDay3).contains("day3.pb", "ALARM");
            double shift = Double.parseDouble(
                    fareDay3.substring(fareDay3.indexOf("day3.pb") + 7).strip().split(" ")[0]);
            assertThat(shift).isBetween(0.85, 1.15);
            String payment = lines.stream()
                    .filter(line -> line.startsWith("payment "))
                    .findFirst()
                    .orElseThrow();
            assertThat(payment).contains("jensenshannon").doesNotContain("ALARM");
            assertThat(lines.get(lines.indexOf(payment) + 1)).contains("day3.pb", "ALARM");
            assertThat(run.out()).contains("Dataset: All Examples", "Dataset: region_north", "Dataset: region_south");
            String text = Files.readString(json);
            assertThat(text)
                    .contains(
                            "\"alarms\" : 12",
                            "\"dataset\" : \"region_south\"",
                            "\"test\" : \"wasserstein\"",
                            "\"status\" : \"NOT_APPLICABLE\"",
                            "\"reason\" : \"the first span\"");
        }

        @Test
        void optionsChooseTestsAndThresholdsAndThePreviousBaseline() throws IOException {
            Path day1 = span("day1", 1, 3000, 10, 0.5, 0.3);
            Path day2 = span("day2", 2, 3000, 12, 0.5, 0.3);
            CommandRun run = CommandRun.of(
                    "drift",
                    day1.toString(),
                    day2.toString(),
                    "--baseline",
                    "previous",
                    "--test",
                    "fare=ks",
                    "--threshold",
                    "fare=0.000001",
                    "--test",
                    "payment=psi");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out())
                    .contains("against the previous span", "p < 0.000001")
                    .doesNotContain("vs baseline");
            assertThat(run.out()
                            .lines()
                            .filter(line -> line.startsWith("payment "))
                            .findFirst()
                            .orElseThrow())
                    .contains("psi", ">= 0.1")
                    .doesNotContain("ALARM");
        }
    }

    @Nested
    class SmallSpans {
        @Test
        void aSmallBaselineGetsPValueTests() throws IOException {
            Path day1 = span("day1", 1, 500, false, 10, 0.5, 0.3);
            Path day2 = span("day2", 2, 500, false, 10, 0.5, 0.3);
            CommandRun run = CommandRun.of("drift", day1.toString(), day2.toString());
            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.out()).contains("ks", "chisquare", "p < 0.05", "0 alarm(s)");
        }
    }

    @Nested
    class Errors {
        @Test
        void oneSpanWithoutABaselineFileIsAUsageError() throws IOException {
            Path day1 = span("day1", 1, 100, 10, 0.5, 0.3);
            CommandRun run = CommandRun.of("drift", day1.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("veracity: error: expected at least 2 statistics files (or --baseline FILE), found 1");
            CommandRun withBaseline = CommandRun.of("drift", day1.toString(), "--baseline", day1.toString());
            assertThat(withBaseline.exitCode()).as(withBaseline.err()).isZero();
        }

        @Test
        void unknownTestsAndFeaturesAreNamed() throws IOException {
            Path day1 = span("day1", 1, 100, 10, 0.5, 0.3);
            CommandRun badTest = CommandRun.of("drift", day1.toString(), day1.toString(), "--test", "fare=kss");
            assertThat(badTest.exitCode()).isEqualTo(2);
            assertThat(badTest.err()).contains("--test fare=kss: expected one of ks, wasserstein");
            CommandRun badFeature = CommandRun.of("drift", day1.toString(), day1.toString(), "--threshold", "fair=0.2");
            assertThat(badFeature.exitCode()).isEqualTo(2);
            assertThat(badFeature.err())
                    .isEqualTo("veracity: error: --test/--threshold: expected a feature of the "
                            + "statistics, found \"fair\"" + System.lineSeparator());
            CommandRun missing = CommandRun.of(
                    "drift", day1.toString(), dir.resolve("nope.pb").toString());
            assertThat(missing.exitCode()).isEqualTo(2);
        }
    }

    @Nested
    class Infinities {
        @Test
        void oneInfiniteValueIsLeftOutAndReportedAndTheGateStillWorks() throws IOException {
            span("day1", 1, 3000, false, "", 10, 0.5, 0.3);
            span("day2", 2, 3000, false, "inf,cash,north\n", 10, 0.5, 0.3);
            span("day3", 3, 3000, false, "-inf,cash,north\ninf,card,south\n", 12, 0.5, 0.3);
            CommandRun run = CommandRun.of("drift", spans.toString(), "--baseline", "previous");
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            List<String> lines = run.out().lines().toList();
            String fareDay2 = lines.stream()
                    .filter(line -> line.startsWith("fare "))
                    .findFirst()
                    .orElseThrow();
            assertThat(fareDay2)
                    .as(run.out())
                    .contains("wasserstein", "day2.pb")
                    .doesNotContain("n/a", "ALARM");
            assertThat(lines.get(lines.indexOf(fareDay2) + 1)).contains("day3.pb", "ALARM");
            assertThat(run.out()).contains("  infinite values left out of the test: 1 in day2.pb, 2 in day3.pb");
        }
    }

    @Nested
    class SpansThatCannotBeCompared {
        @Test
        void anEmptyStatisticsFileIsAnInputErrorNotNoDrift() throws IOException {
            Path day1 = span("day1", 1, 100, 10, 0.5, 0.3);
            Path empty = Files.createFile(dir.resolve("empty.pb"));
            CommandRun run = CommandRun.of("drift", day1.toString(), empty.toString());
            assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
            assertThat(run.err())
                    .isEqualTo("veracity: error: " + empty + ": expected statistics of at least one "
                            + "feature to compare, found no dataset (an empty file?)" + System.lineSeparator());
        }

        @Test
        void aSpanWithoutFeaturesIsAnInputError() throws IOException {
            Path day1 = span("day1", 1, 100, 10, 0.5, 0.3);
            Path featureless = dir.resolve("featureless.pbtxt");
            Files.writeString(featureless, "datasets { name: \"All Examples\" num_examples: 0 }\n");
            CommandRun run = CommandRun.of("drift", featureless.toString(), day1.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("veracity: error: " + featureless + ": expected statistics of at least "
                            + "one feature to compare, found 1 dataset(s) without features");
        }
    }

    @Nested
    class MachineOutput {
        @Test
        void jsonPrintsTheReportToStdoutAndOutputWritesIt() throws IOException {
            Path day1 = span("day1", 1, 300, false, 10, 0.5, 0.3);
            Path day2 = span("day2", 2, 300, false, 10, 0.5, 0.3);
            Path file = dir.resolve("report.json");
            CommandRun run = CommandRun.of("drift", day1.toString(), day2.toString(), "--json", "-o", file.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("{")
                    .contains("\"alarms\" : 0", "\"currentInfinite\" : 0")
                    .doesNotContain("Drift over");
            assertThat(Files.readString(file)).isEqualTo(run.out());
            CommandRun table = CommandRun.of("drift", day1.toString(), day2.toString());
            assertThat(table.out()).startsWith("Drift over 2 spans");
        }

        @Test
        void theOldFormJsonFileSaysToUseOutput() throws IOException {
            Path day1 = span("day1", 1, 100, 10, 0.5, 0.3);
            Path day2 = span("day2", 2, 100, 10, 0.5, 0.3);
            Path file = dir.resolve("drift.json");
            CommandRun run = CommandRun.of("drift", day1.toString(), day2.toString(), "--json", file.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("veracity: error: " + file + ": expected a statistics file, found none; "
                            + "to write the report as JSON to a file use -o " + file);
            assertThat(file).doesNotExist();
        }
    }
}
