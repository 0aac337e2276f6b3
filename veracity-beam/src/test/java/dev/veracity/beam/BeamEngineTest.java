package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.EngineRun;
import dev.veracity.io.StatisticsEngine;
import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.Schema;
import dev.veracity.stats.PiiProtection;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Beam engine as the CLI's {@code stats --engine beam} finds and calls it: through {@link ServiceLoader} and the
 * {@link StatisticsEngine} API of veracity-io (this module does not depend on the CLI), on the DirectRunner.
 */
class BeamEngineTest {
    @TempDir
    Path directory;

    private static StatisticsEngine beam() {
        List<String> names = new ArrayList<>();
        for (StatisticsEngine engine : ServiceLoader.load(StatisticsEngine.class)) {
            if (engine.name().equals("beam")) {
                return engine;
            }
            names.add(engine.name());
        }
        throw new AssertionError("no engine named beam on the class path, found " + names);
    }

    private static EngineRun direct(String... inputs) {
        return new EngineRun(List.of(inputs), "DirectRunner", List.of(), 2);
    }

    @Test
    void theServiceLoaderFindsTheBeamEngineWhichComputesTheLocalStatistics() throws IOException {
        List<Path> files = TestTables.write(directory, 5, 500, 2);
        Veracity.StatisticsRequest request = Veracity.statistics(files)
                .sliceBy("device")
                .withOptions(StatisticsOptions.DEFAULT.withWeightFeature("w"));
        ComputedStatistics beam =
                beam().compute(request, direct(directory.resolve("part-*.csv").toString()));
        SameStatisticsTest.assertSameStatistics(
                beam.statistics(), request.compute().statistics(), files);
    }

    @Test
    void weightOverridesGiveTheLocalStatisticsOnDirectWithFeaturePartitionsAndOnFlink() throws IOException {
        List<Path> files = TestTables.write(directory, 5, 1500, 2);
        Veracity.StatisticsRequest request = Veracity.statistics(files)
                .withOptions(StatisticsOptions.builder()
                        .weightFeature("w")
                        .weightOverrides(java.util.Map.of("note", "id", "amount", "id"))
                        .build());
        DatasetFeatureStatisticsList local = request.compute().statistics();
        String glob = directory.resolve("part-*.csv").toString();
        for (EngineRun run : List.of(
                new EngineRun(List.of(glob), "DirectRunner", List.of("--featurePartitions=3"), 2),
                new EngineRun(List.of(glob), "FlinkRunner", List.of(), 2))) {
            SameStatisticsTest.assertSameStatistics(beam().compute(request, run).statistics(), local, files);
        }
    }

    @Test
    void aFileWithAHeaderAndNoRowsHasItsFeatures() throws IOException {
        Path file = directory.resolve("empty.csv");
        Files.writeString(file, "a,b\n");
        DatasetFeatureStatisticsList beam = beam().compute(Veracity.statistics(List.of(file)), direct(file.toString()))
                .statistics();
        assertThat(beam.getDatasets(0).getNumExamples()).isZero();
        assertThat(beam.getDatasets(0).getFeaturesList())
                .extracting(PartitionAssembly::featureName)
                .containsExactly("a", "b");
    }

    @Test
    void aRaggedRowIsTheInputErrorNamingTheSourceTheRecordAndTheField() throws IOException {
        Path file = directory.resolve("bad.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n4,5\n7,8,9\n");
        assertThatThrownBy(() -> beam().compute(Veracity.statistics(List.of()), direct(file.toString())))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":3:3: expected 3 fields as in the header, found 2");
    }

    @Test
    void featuresTheSchemaMarksAsPiiKeepNoRawValueOnTheBeamEngine() throws IOException {
        Path file = directory.resolve("people.csv");
        Files.writeString(
                file,
                "email,age,city\njane@example.com,41,Oslo\nbob@example.org,35,Oslo\n" + "jane@example.com,29,Rome\n");
        Schema schema = Schema.newBuilder()
                .addFeature(Feature.newBuilder()
                        .setName("email")
                        .setType(FeatureType.BYTES)
                        .setAnnotation(
                                dev.veracity.proto.Annotation.newBuilder().addTag("veracity:pii=EMAIL_ADDRESS")))
                .addFeature(Feature.newBuilder()
                        .setName("age")
                        .setType(FeatureType.INT)
                        .setAnnotation(
                                dev.veracity.proto.Annotation.newBuilder().addTag("veracity:pii")))
                .build();
        Veracity.StatisticsRequest request = Veracity.statistics(List.of(file)).withSchema(schema);

        DatasetFeatureStatisticsList beam =
                beam().compute(request, direct(file.toString())).statistics();

        String text = beam.toString();
        assertThat(text).doesNotContain("jane@example.com", "bob@example.org").contains("Oslo");
        FeatureNameStatistics email = feature(beam, "email");
        assertThat(email.getStringStats().getTopValuesList()).isEmpty();
        assertThat(email.getStringStats().getUnique()).isEqualTo(2);
        FeatureNameStatistics age = feature(beam, "age");
        assertThat(List.of(
                        age.getNumStats().getMin(),
                        age.getNumStats().getMax(),
                        age.getNumStats().getMedian()))
                .containsOnly(0.0);
        assertThat(age.getNumStats().getHistogramsList()).isEmpty();
        assertThat(age.getNumStats().getMean()).isCloseTo(35.0, org.assertj.core.api.Assertions.within(1e-9));
        SameStatisticsTest.assertSameStatistics(beam, request.compute().statistics(), List.of(file));

        DatasetFeatureStatisticsList hashed = beam().compute(
                        request.withPiiProtection(PiiProtection.hashing("a secret of 16+ bytes".getBytes())),
                        direct(file.toString()))
                .statistics();
        assertThat(hashed.toString()).doesNotContain("jane@example.com");
        assertThat(feature(hashed, "email").getStringStats().getTopValues(0).getValue())
                .startsWith("pii:");
    }

    @Test
    void slicingByAPiiFeatureIsRefused() throws IOException {
        Path file = directory.resolve("people.csv");
        Files.writeString(file, "email,age\njane@example.com,41\n");
        Schema schema = Schema.newBuilder()
                .addFeature(Feature.newBuilder()
                        .setName("email")
                        .setAnnotation(
                                dev.veracity.proto.Annotation.newBuilder().addTag("veracity:pii")))
                .build();
        assertThatThrownBy(() -> beam().compute(
                                Veracity.statistics(List.of(file))
                                        .withSchema(schema)
                                        .sliceBy("email"),
                                direct(file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--slice-by email");
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatisticsList statistics, String name) {
        return statistics.getDatasets(0).getFeaturesList().stream()
                .filter(f -> f.getName().equals(name)
                        || String.join(".", f.getPath().getStepList()).equals(name))
                .findFirst()
                .orElseThrow();
    }
}
