package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.ReadOptions;
import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Nested data (a {@code tf.SequenceExample} file: context features, feature lists under the STRUCT
 * {@code ##SEQUENCE##}, two list levels each) gives on Beam the local engine's statistics: struct features, paths,
 * per-level presence and valency, as the local engine computes them.
 */
class NestedOnBeamTest {
    private static final Path SESSIONS = Path.of("../examples/tfx-parity/sessions.tfrecord");

    private static DatasetFeatureStatisticsList local(ReadOptions read) throws IOException {
        return Veracity.statistics(List.of(SESSIONS))
                .withReadOptions(read)
                .withThreads(2)
                .compute()
                .statistics();
    }

    private static DatasetFeatureStatisticsList beam(ReadOptions read, int partitions, String... args)
            throws IOException {
        return BeamStatistics.run(
                        PipelineOptionsFactory.fromArgs(args).create(),
                        ReadFiles.of(List.of(SESSIONS), read),
                        StatisticsSpec.of(StatisticsOptions.DEFAULT).withFeaturePartitions(partitions))
                .statistics();
    }

    /** Every feature equal, in the same order, but for sketched quantiles and histograms (within their error). */
    private static void assertSame(DatasetFeatureStatisticsList actual, DatasetFeatureStatisticsList expected) {
        assertThat(actual.getDatasetsCount()).isEqualTo(expected.getDatasetsCount());
        assertThat(actual.getDatasets(0).getNumExamples())
                .isEqualTo(expected.getDatasets(0).getNumExamples());
        assertThat(actual.getDatasets(0).getFeaturesList())
                .extracting(PartitionAssembly::featureName)
                .containsExactlyElementsOf(expected.getDatasets(0).getFeaturesList().stream()
                        .map(PartitionAssembly::featureName)
                        .toList());
        for (int f = 0; f < expected.getDatasets(0).getFeaturesCount(); f++) {
            FeatureNameStatistics a = actual.getDatasets(0).getFeatures(f);
            FeatureNameStatistics e = expected.getDatasets(0).getFeatures(f);
            assertThat(a.getPath()).isEqualTo(e.getPath());
            assertThat(a.getType()).isEqualTo(e.getType());
            dev.veracity.testing.StatisticsAssertions.assertSameExactFields(a, e, 100);
            assertThat(a.getStructStats()).isEqualTo(e.getStructStats());
            assertThat(a.getStringStats().getCommonStats().getPresenceAndValencyStatsList())
                    .isEqualTo(e.getStringStats().getCommonStats().getPresenceAndValencyStatsList());
            assertThat(a.getNumStats().getCommonStats().getPresenceAndValencyStatsList())
                    .isEqualTo(e.getNumStats().getCommonStats().getPresenceAndValencyStatsList());
        }
    }

    @Test
    void theLocalStatisticsHoldStructsAndTwoLevelFeatures() throws IOException {
        assertThat(Files.exists(SESSIONS)).isTrue();
        DatasetFeatureStatisticsList local = local(ReadOptions.DEFAULT);
        assertThat(local.getDatasets(0).getFeaturesList())
                .anySatisfy(f -> assertThat(f.getType()).isEqualTo(FeatureNameStatistics.Type.STRUCT))
                .anySatisfy(f -> assertThat(f.getPath().getStepCount()).isEqualTo(2));
    }

    @Test
    void directRunnerGivesTheLocalNestedStatistics() throws IOException {
        assertSame(
                beam(ReadOptions.DEFAULT, 1, "--runner=DirectRunner", "--targetParallelism=2"),
                local(ReadOptions.DEFAULT));
    }

    @Test
    void directRunnerWithThreeFeaturePartitionsGivesTheLocalNestedStatistics() throws IOException {
        assertSame(
                beam(ReadOptions.DEFAULT, 3, "--runner=DirectRunner", "--targetParallelism=2"),
                local(ReadOptions.DEFAULT));
    }

    @Test
    void selectedColumnsKeepTheirNestingOnBothEngines() throws IOException {
        FeatureNameStatistics nested = local(ReadOptions.DEFAULT).getDatasets(0).getFeaturesList().stream()
                .filter(f -> f.getPath().getStepCount() == 2)
                .findFirst()
                .orElseThrow();
        ReadOptions read = ReadOptions.DEFAULT.withColumns(
                List.of("user_id", String.join(".", nested.getPath().getStepList())));
        DatasetFeatureStatisticsList local = local(read);
        assertThat(local.getDatasets(0).getFeaturesList())
                .extracting(FeatureNameStatistics::getType)
                .contains(FeatureNameStatistics.Type.STRUCT);
        assertThat(local.getDatasets(0).getFeaturesList()).hasSize(3);
        assertSame(beam(read, 2, "--runner=DirectRunner", "--targetParallelism=2"), local);
    }

    @Test
    void flinkGivesTheLocalNestedStatistics() throws IOException {
        assertSame(
                beam(ReadOptions.DEFAULT, 1, "--runner=FlinkRunner", "--parallelism=2", "--objectReuse=true"),
                local(ReadOptions.DEFAULT));
    }
}
