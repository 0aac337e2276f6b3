package dev.veracity.io.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.io.BadRecords;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.StringStatistics;
import dev.veracity.stats.StatisticsGenerator;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end, from fixed JSON Lines files to statistics, checked by hand. */
class JsonLinesStatisticsTest {
    @TempDir
    Path dir;

    private static DatasetFeatureStatistics statistics(Path file, JsonLinesOptions options) throws IOException {
        try (JsonLinesReader reader = JsonLinesReader.open(file, options)) {
            return new StatisticsGenerator(StatisticsOptions.DEFAULT)
                    .compute(reader, "")
                    .getDatasets(0);
        }
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatistics statistics, String name) {
        return statistics.getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static CommonStatistics common(FeatureNameStatistics feature) {
        return feature.hasNumStats()
                ? feature.getNumStats().getCommonStats()
                : feature.getStringStats().getCommonStats();
    }

    @Test
    void countsEmptyListsAsPresentAndAbsentKeysAsMissing() throws IOException, URISyntaxException {
        Path file = Path.of(
                JsonLinesStatisticsTest.class.getResource("/jsonl/runs.jsonl").toURI());
        DatasetFeatureStatistics statistics = statistics(file, JsonLinesOptions.DEFAULT);

        assertThat(statistics.getNumExamples()).isEqualTo(6);
        assertThat(statistics.getFeaturesList())
                .extracting(f -> f.getPath().getStep(0) + ":" + f.getType())
                .containsExactly(
                        "date:STRING",
                        "runner:STRING",
                        "distance_km:FLOAT",
                        "laps_s:INT",
                        "tags:STRING",
                        "weather.temp_c:FLOAT",
                        "weather.wind:STRING",
                        "finished:INT",
                        "notes:STRING");

        // laps_s: [300, 310, 305], [], absent, [295, 301], absent, [330]
        FeatureNameStatistics laps = feature(statistics, "laps_s");
        CommonStatistics lapsCommon = common(laps);
        assertThat(lapsCommon.getNumNonMissing()).isEqualTo(4);
        assertThat(lapsCommon.getNumMissing()).isEqualTo(2);
        assertThat(lapsCommon.getMinNumValues()).isZero();
        assertThat(lapsCommon.getMaxNumValues()).isEqualTo(3);
        assertThat(lapsCommon.getTotNumValues()).isEqualTo(6);
        assertThat(lapsCommon.getAvgNumValues()).isEqualTo(1.5f);
        assertThat(laps.getNumStats().getMin()).isEqualTo(295);
        assertThat(laps.getNumStats().getMax()).isEqualTo(330);
        assertThat(laps.getNumStats().getMean()).isCloseTo(1841 / 6.0, within(1e-9));

        // tags: [park, easy], [], absent, [river], [null], [track, easy, null]
        FeatureNameStatistics tags = feature(statistics, "tags");
        CommonStatistics tagsCommon = common(tags);
        assertThat(tagsCommon.getNumNonMissing()).isEqualTo(5);
        assertThat(tagsCommon.getNumMissing()).isEqualTo(1);
        assertThat(tagsCommon.getMinNumValues()).isZero();
        assertThat(tagsCommon.getMaxNumValues()).isEqualTo(2);
        assertThat(tagsCommon.getTotNumValues()).isEqualTo(5);
        assertThat(tagsCommon.getAvgNumValues()).isEqualTo(1.0f);
        StringStatistics tagValues = tags.getStringStats();
        assertThat(tagValues.getUnique()).isEqualTo(4);
        assertThat(tagValues.getTopValuesList())
                .extracting(v -> v.getValue() + "=" + (long) v.getFrequency())
                .containsExactly("easy=2", "track=1", "river=1", "park=1");

        // weather.wind: calm, null, weather null, gusty, weather {}, calm
        CommonStatistics wind = common(feature(statistics, "weather.wind"));
        assertThat(wind.getNumNonMissing()).isEqualTo(3);
        assertThat(wind.getNumMissing()).isEqualTo(3);

        // finished: true, true, false, true, absent, true
        FeatureNameStatistics finished = feature(statistics, "finished");
        assertThat(common(finished).getNumMissing()).isEqualTo(1);
        assertThat(finished.getNumStats().getNumZeros()).isEqualTo(1);
        assertThat(finished.getNumStats().getMean()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void describeOnlyTheLinesNotSkipped() throws IOException {
        Path file = Files.writeString(
                dir.resolve("s.jsonl"),
                "{\"n\":1}\n{\"n\":\"x\"}\nnot json\n{\"n\":[2,3]}\n{\"n\":[]}\n",
                StandardCharsets.UTF_8);
        DatasetFeatureStatistics statistics =
                statistics(file, JsonLinesOptions.DEFAULT.withBadRecords(BadRecords.SKIP));
        assertThat(statistics.getNumExamples()).isEqualTo(3);
        CommonStatistics n = common(feature(statistics, "n"));
        assertThat(n.getNumNonMissing()).isEqualTo(3);
        assertThat(n.getTotNumValues()).isEqualTo(3);
        assertThat(n.getMinNumValues()).isZero();
        assertThat(n.getMaxNumValues()).isEqualTo(2);
    }
}
