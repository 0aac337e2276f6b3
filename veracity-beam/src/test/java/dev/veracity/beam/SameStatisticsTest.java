package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Veracity;
import dev.veracity.io.convert.Converter;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.schema.SchemaInference;
import dev.veracity.schema.Validator;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.StatisticsAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same dataset gives the same statistics on the local engine, Beam's DirectRunner, Flink's embedded cluster and
 * Spark's local mode:
 * exact fields equal, sums within rounding, sketched quantiles within their rank error of the exact ones.
 */
class SameStatisticsTest {
    private static final int ROWS = 6000;

    @TempDir
    static Path directory;

    private static List<Path> files;
    private static DatasetFeatureStatisticsList local;
    private static StatisticsOptions options;
    private static List<Slicing> slicings;

    @BeforeAll
    static void computeLocally() throws IOException {
        files = TestTables.write(directory, 11, ROWS, 3);
        options = StatisticsOptions.DEFAULT.withWeightFeature("w");
        slicings = List.of(Slicing.of("country"), Slicing.of("country", "device"));
        Veracity.StatisticsRequest request =
                Veracity.statistics(files).withOptions(options).withThreads(2);
        for (Slicing slicing : slicings) {
            request = request.sliceBy(slicing.features().toArray(String[]::new));
        }
        local = request.compute().statistics();
    }

    private static ComputedStatistics onBeam(String runner, int partitions, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--runner=" + runner));
        args.addAll(Arrays.asList(more));
        PipelineOptions pipeline =
                PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create();
        StatisticsSpec spec =
                StatisticsSpec.of(options).withSlicings(slicings, 100).withFeaturePartitions(partitions);
        return BeamStatistics.run(
                pipeline, List.of(directory.resolve("part-*.csv").toString()), CsvOptions.DEFAULT, Sampling.ALL, spec);
    }

    @Test
    void directRunnerWithThreeFeaturePartitionsGivesTheLocalStatistics() throws IOException {
        ComputedStatistics beam = onBeam("DirectRunner", 3, "--targetParallelism=2");
        assertSameStatistics(beam.statistics(), local);
        assertThat(beam.skippedRecords()).isZero();
        assertThat(beam.rowsNotSliced()).isEqualTo(Map.of(slicings.get(0), 0L, slicings.get(1), 0L));
    }

    @Test
    void flinkEmbeddedClusterGivesTheLocalStatistics() throws IOException {
        ComputedStatistics beam = onBeam("FlinkRunner", 1, "--parallelism=2", "--objectReuse=true");
        assertSameStatistics(beam.statistics(), local);
    }

    @Test
    void flinkWithTwoFeaturePartitionsGivesTheLocalStatistics() throws IOException {
        ComputedStatistics beam = onBeam("FlinkRunner", 2, "--parallelism=2", "--objectReuse=true");
        assertSameStatistics(beam.statistics(), local);
    }

    @Test
    void sparkLocalModeGivesTheLocalStatistics() throws IOException {
        ComputedStatistics beam = onBeam("SparkRunner", 2, "--sparkMaster=local[2]");
        assertSameStatistics(beam.statistics(), local);
        assertThat(beam.rowsNotSliced()).isEqualTo(Map.of(slicings.get(0), 0L, slicings.get(1), 0L));
    }

    @Test
    void schemaInferredFromBeamStatisticsIsTheLocalOneAndValidatesTheLocalStatistics() throws IOException {
        DatasetFeatureStatisticsList beam = onBeam("DirectRunner", 2).statistics();
        assertThat(SchemaInference.infer(beam)).isEqualTo(SchemaInference.infer(local));
        Anomalies anomalies =
                Validator.validate(local, SchemaInference.infer(beam)).run();
        assertThat(anomalies.getAnomalyInfoMap()).isEmpty();
    }

    @Test
    void tfRecordAndJsonLinesFilesThroughReadFilesGiveTheLocalStatistics() throws IOException {
        for (String extension : List.of(".tfrecord.gz", ".jsonl")) {
            List<Path> converted = new ArrayList<>();
            for (Path file : files) {
                Path target = directory.resolve(file.getFileName().toString().replace(".csv", extension));
                Converter.convert(List.of(file), ReadOptions.DEFAULT, target);
                converted.add(target);
            }
            DatasetFeatureStatisticsList expected = Veracity.statistics(converted)
                    .withOptions(options)
                    .withThreads(2)
                    .compute()
                    .statistics();
            PipelineOptions pipeline = PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--targetParallelism=2")
                    .create();
            ComputedStatistics beam = BeamStatistics.run(
                    pipeline,
                    ReadFiles.of(converted, ReadOptions.DEFAULT),
                    StatisticsSpec.of(options).withFeaturePartitions(2));
            assertThat(expected.getDatasets(0).getNumExamples()).as(extension).isEqualTo(ROWS);
            assertSameStatistics(beam.statistics(), expected, files);
        }
    }

    /** Exact fields equal; sums close; the sketched median within the rank error of the exact median. */
    static void assertSameStatistics(DatasetFeatureStatisticsList actual, DatasetFeatureStatisticsList expected)
            throws IOException {
        assertSameStatistics(actual, expected, files);
    }

    static void assertSameStatistics(
            DatasetFeatureStatisticsList actual, DatasetFeatureStatisticsList expected, List<Path> files)
            throws IOException {
        assertThat(actual.getDatasetsList())
                .extracting(DatasetFeatureStatistics::getName)
                .containsExactlyElementsOf(expected.getDatasetsList().stream()
                        .map(DatasetFeatureStatistics::getName)
                        .toList());
        double[] sortedAmounts = amounts(files);
        for (int d = 0; d < expected.getDatasetsCount(); d++) {
            DatasetFeatureStatistics a = actual.getDatasets(d);
            DatasetFeatureStatistics e = expected.getDatasets(d);
            assertThat(a.getNumExamples()).as(e.getName()).isEqualTo(e.getNumExamples());
            assertThat(a.getWeightedNumExamples()).as(e.getName()).isEqualTo(e.getWeightedNumExamples());
            assertThat(a.getFeaturesList())
                    .extracting(PartitionAssembly::featureName)
                    .containsExactlyElementsOf(e.getFeaturesList().stream()
                            .map(PartitionAssembly::featureName)
                            .toList());
            for (int f = 0; f < e.getFeaturesCount(); f++) {
                FeatureNameStatistics af = a.getFeatures(f);
                FeatureNameStatistics ef = e.getFeatures(f);
                StatisticsAssertions.assertSameExactFields(withoutWeighted(af), withoutWeighted(ef), 100);
                assertThat(withoutWeighted(af).getStringStats())
                        .isEqualTo(withoutWeighted(ef).getStringStats());
                if (d == 0 && PartitionAssembly.featureName(ef).equals("amount")) {
                    StatisticsAssertions.assertRank(
                            "median",
                            sortedAmounts,
                            af.getNumStats().getMedian(),
                            0.5,
                            StatisticsOptions.DEFAULT.quantilesRankError());
                }
            }
        }
    }

    /** The weighted parts hold sketched weighted quantiles; their exact sums are compared by mean and counts above. */
    private static FeatureNameStatistics withoutWeighted(FeatureNameStatistics feature) {
        FeatureNameStatistics.Builder b = feature.toBuilder();
        if (b.hasNumStats()) {
            b.getNumStatsBuilder()
                    .clearWeightedNumericStats()
                    .getCommonStatsBuilder()
                    .clearWeightedCommonStats();
        }
        if (b.hasStringStats()) {
            b.getStringStatsBuilder()
                    .clearWeightedStringStats()
                    .getCommonStatsBuilder()
                    .clearWeightedCommonStats();
        }
        return b.build();
    }

    private static double[] amounts(List<Path> files) throws IOException {
        List<Double> values = new ArrayList<>();
        for (Path file : files) {
            for (String line :
                    Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String amount = line.split(",", -1)[1];
                if (!amount.isEmpty()) {
                    values.add(Double.parseDouble(amount));
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
