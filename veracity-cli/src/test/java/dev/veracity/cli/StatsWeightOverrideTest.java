package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stats --weight-override}: one feature weighted by its own weight feature, the others by {@code --weight}. */
class StatsWeightOverrideTest {
    @TempDir
    Path dir;

    private static FeatureNameStatistics feature(DatasetFeatureStatistics dataset, String name) {
        return dataset.getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theOverriddenFeatureIsWeightedByItsOwnWeight() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "x,y,w,v\n1,10,1,1\n2,20,1,2\n3,30,2,3\n");
        Path out = dir.resolve("data.pb");
        CommandRun run = CommandRun.of(
                "stats", csv.toString(), "-o", out.toString(), "--weight", "w", "--weight-override", "x=v");
        assertThat(run.exitCode()).as(run.err()).isZero();
        DatasetFeatureStatistics dataset = StatisticsFiles.read(out).getDatasets(0);
        assertThat(dataset.getWeightedNumExamples()).isEqualTo(4);
        // x by v: (1*1 + 2*2 + 3*3) / 6; y by w: (10 + 20 + 2*30) / 4
        assertThat(feature(dataset, "x").getNumStats().getWeightedNumericStats().getMean())
                .isCloseTo(14.0 / 6, within(1e-12));
        assertThat(feature(dataset, "x")
                        .getNumStats()
                        .getCommonStats()
                        .getWeightedCommonStats()
                        .getNumNonMissing())
                .isEqualTo(6);
        assertThat(feature(dataset, "y").getNumStats().getWeightedNumericStats().getMean())
                .isCloseTo(90.0 / 4, within(1e-12));
    }

    @Test
    void aMissingOverrideWeightIsAUsageError() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "x,w\n1,1\n");
        CommandRun run = CommandRun.of(
                "stats", csv.toString(), "-o", dir.resolve("o.pb").toString(), "--weight-override", "x=nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("weight feature \"nope\"");
        assertThat(run.err().lines()).hasSize(1);
    }
}
