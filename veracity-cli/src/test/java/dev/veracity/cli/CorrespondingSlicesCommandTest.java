package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --corresponding-slices} end to end: sliced statistics from {@code stats --slice-by}, a schema with a
 * drift comparator, and a span whose one region changed.
 */
class CorrespondingSlicesCommandTest {
    private static final String[] COLORS = {"red", "green", "blue"};

    @TempDir
    Path dir;

    /** Statistics sliced by region of 600 rows, half north and half south, colors from {@code color}. */
    private Path slicedStats(String name, IntFunction<String> color) throws IOException {
        StringBuilder text = new StringBuilder("color,region\n");
        for (int i = 0; i < 600; i++) {
            text.append(color.apply(i))
                    .append(',')
                    .append(i % 2 == 0 ? "north" : "south")
                    .append('\n');
        }
        Path csv = dir.resolve(name + ".csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        Path out = dir.resolve(name + ".pb");
        CommandRun run = CommandRun.of("stats", csv.toString(), "-o", out.toString(), "--slice-by", "region");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    private Path schemaWithDrift(Path statistics) {
        Path schema = dir.resolve("schema.pbtxt");
        CommandRun infer = CommandRun.of("infer-schema", statistics.toString(), "-o", schema.toString());
        assertThat(infer.exitCode()).as(infer.err()).isZero();
        CommandRun set = CommandRun.of(
                "schema",
                "set-comparator",
                "--schema",
                schema.toString(),
                "color",
                "--drift",
                "--infinity-norm",
                "0.2");
        assertThat(set.exitCode()).as(set.err()).isZero();
        return schema;
    }

    @Test
    void driftInOneSliceIsNamedAfterItsSliceAndTheOverallDatasetStaysClean() throws IOException {
        Path before = slicedStats("day1", i -> COLORS[(i / 2) % 3]);
        // north: every third row of red becomes blue (L-infinity 1/3 in north, 1/6 overall, under 0.2)
        Path after = slicedStats("day2", i -> i % 2 == 0 && (i / 2) % 3 == 0 ? "blue" : COLORS[(i / 2) % 3]);
        Path schema = schemaWithDrift(before);
        Path output = dir.resolve("anomalies.pbtxt");

        CommandRun plain = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                after.toString(),
                "--previous",
                before.toString());
        assertThat(plain.exitCode()).as(plain.out() + plain.err()).isZero();

        CommandRun sliced = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                after.toString(),
                "--previous",
                before.toString(),
                "--corresponding-slices",
                "-o",
                output.toString());
        assertThat(sliced.exitCode()).as(sliced.out() + sliced.err()).isEqualTo(1);
        Anomalies anomalies = AnomaliesFiles.read(output);
        assertThat(anomalies.getAnomalyInfoMap()).containsOnlyKeys("'slice(region_north)::color'");
        AnomalyInfo info = anomalies.getAnomalyInfoMap().get("'slice(region_north)::color'");
        assertThat(info.getReasonList())
                .extracting(AnomalyInfo.Reason::getType)
                .containsExactly(AnomalyInfo.Type.COMPARATOR_L_INFTY_HIGH);
        assertThat(info.getDescription()).contains("is 0.333333", "The feature value with maximum difference is: ");
        assertThat(sliced.out()).contains("slice(region_north)::color");
    }

    @Test
    void correspondingSlicesWithDatasetIsAUsageError() throws IOException {
        Path stats = slicedStats("day1", i -> COLORS[i % 3]);
        Path schema = schemaWithDrift(stats);
        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                stats.toString(),
                "--corresponding-slices",
                "--dataset",
                "region_north");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("--corresponding-slices", "--dataset");
    }
}
