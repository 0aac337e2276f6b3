package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.io.tfrecord.TfRecordWriter;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.NumericStatistics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics stored as TFX writes them: TFRecord of DatasetFeatureStatisticsList, one record or sharded. */
class StatisticsFilesTfRecordTest {
    @TempDir
    java.nio.file.Path dir;

    private static FeatureNameStatistics numeric(String name, double mean) {
        return FeatureNameStatistics.newBuilder()
                .setPath(Path.newBuilder().addStep(name))
                .setType(FeatureNameStatistics.Type.FLOAT)
                .setNumStats(NumericStatistics.newBuilder().setMean(mean))
                .build();
    }

    private static DatasetFeatureStatisticsList list(String dataset, long rows, FeatureNameStatistics... features) {
        return DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(DatasetFeatureStatistics.newBuilder()
                        .setName(dataset)
                        .setNumExamples(rows)
                        .addAllFeatures(List.of(features)))
                .build();
    }

    private void writeRecords(java.nio.file.Path file, DatasetFeatureStatisticsList... records) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            TfRecordWriter writer = new TfRecordWriter(out);
            for (DatasetFeatureStatisticsList record : records) {
                writer.write(record.toByteArray());
            }
        }
    }

    @Test
    void aTfRecordFileRoundTripsPlainAndGzipped() throws IOException {
        DatasetFeatureStatisticsList stats = list("train", 10, numeric("fare", 3.5));
        for (String name : List.of("stats.tfrecord", "stats.tfrecord.gz")) {
            java.nio.file.Path file = dir.resolve(name);
            StatisticsFiles.write(stats, file);
            assertThat(StatisticsFiles.read(file)).isEqualTo(stats);
        }
        assertThat(Files.readAllBytes(dir.resolve("stats.tfrecord.gz"))[0]).isEqualTo((byte) 0x1f);
    }

    @Test
    void tfxOlderFileNameWithoutExtensionIsSniffed() throws IOException {
        DatasetFeatureStatisticsList stats = list("train", 10, numeric("fare", 3.5));
        java.nio.file.Path tfrecord = dir.resolve("stats_tfrecord");
        writeRecords(tfrecord, stats);
        assertThat(StatisticsFiles.read(tfrecord)).isEqualTo(stats);
        java.nio.file.Path binary = dir.resolve("FeatureStats.pb");
        Files.write(binary, stats.toByteArray());
        assertThat(StatisticsFiles.read(binary)).isEqualTo(stats);
    }

    @Test
    void shardsSplitByFeatureAreJoined() throws IOException {
        FeatureNameStatistics withCustom = numeric("tips", 1.0).toBuilder()
                .addCustomStats(CustomStatistic.newBuilder().setName("a").setNum(1))
                .build();
        FeatureNameStatistics tipsMore = FeatureNameStatistics.newBuilder()
                .setPath(Path.newBuilder().addStep("tips"))
                .addCustomStats(CustomStatistic.newBuilder().setName("b").setNum(2))
                .build();
        java.nio.file.Path file = dir.resolve("sharded.tfrecord");
        writeRecords(
                file,
                list("train", 10, numeric("fare", 3.5), withCustom),
                list("train", 0, tipsMore),
                list("eval", 4, numeric("fare", 2.0)));
        DatasetFeatureStatisticsList whole = StatisticsFiles.read(file);
        assertThat(whole.getDatasetsList())
                .extracting(DatasetFeatureStatistics::getName)
                .containsExactly("train", "eval");
        DatasetFeatureStatistics train = whole.getDatasets(0);
        assertThat(train.getNumExamples()).isEqualTo(10);
        assertThat(train.getFeaturesList()).hasSize(2);
        assertThat(train.getFeatures(1).getCustomStatsList())
                .extracting(CustomStatistic::getName)
                .containsExactly("a", "b");
        assertThat(train.getFeatures(1).getNumStats().getMean()).isEqualTo(1.0);

        java.nio.file.Path a = dir.resolve("stats-00000-of-00002.tfrecord");
        java.nio.file.Path b = dir.resolve("stats-00001-of-00002.tfrecord");
        writeRecords(a, list("train", 10, numeric("fare", 3.5)));
        writeRecords(b, list("train", 10, numeric("tips", 1.0)));
        assertThat(StatisticsFiles.readShards(List.of(a, b)).getDatasets(0).getFeaturesCount())
                .isEqualTo(2);
    }

    @Test
    void shardsThatDisagreeAreRefused() throws IOException {
        java.nio.file.Path rows = dir.resolve("rows.tfrecord");
        writeRecords(rows, list("train", 10, numeric("fare", 3.5)), list("train", 11, numeric("tips", 1.0)));
        assertThatThrownBy(() -> StatisticsFiles.read(rows))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("dataset \"train\": expected num_examples 10 in every shard, found 11");
        java.nio.file.Path types = dir.resolve("types.tfrecord");
        FeatureNameStatistics fareString = FeatureNameStatistics.newBuilder()
                .setPath(Path.newBuilder().addStep("fare"))
                .setType(FeatureNameStatistics.Type.STRING)
                .build();
        writeRecords(types, list("train", 10, numeric("fare", 3.5)), list("train", 10, fareString));
        assertThatThrownBy(() -> StatisticsFiles.read(types))
                .hasMessageContaining("feature fare: expected type FLOAT in every shard, found STRING");
    }

    @Test
    void aCorruptTfRecordIsAnInputError() throws IOException {
        java.nio.file.Path file = dir.resolve("bad.tfrecord");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
        assertThatThrownBy(() -> StatisticsFiles.read(file)).isInstanceOf(InputException.class);
    }
}
