package dev.veracity.io.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.ReadOptions;
import dev.veracity.io.Veracity;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesBatchWriterTest {
    @TempDir
    Path dir;

    @Test
    void nanAndInfinitiesAreBareTokensThatStatsReadsBackAsFloats() throws IOException {
        Path csv = Files.writeString(dir.resolve("e.csv"), "x\n1.5\nNaN\nInfinity\n-Infinity\n");
        Path jsonl = dir.resolve("e.jsonl");
        Converter.convert(List.of(csv), ReadOptions.DEFAULT, jsonl);
        assertThat(Files.readAllLines(jsonl))
                .containsExactly("{\"x\":1.5}", "{\"x\":NaN}", "{\"x\":Infinity}", "{\"x\":-Infinity}");
        FeatureNameStatistics x =
                Veracity.statistics(jsonl).compute().statistics().getDatasets(0).getFeatures(0);
        assertThat(x.getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
        assertThat(x.getNumStats().getCommonStats().getNumNonMissing()).isEqualTo(4);
    }
}
