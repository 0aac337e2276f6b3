package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.Veracity;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.stats.CompositeFeatures;
import dev.veracity.stats.NaturalLanguageFeature;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SemanticDomains;
import dev.veracity.stats.StatisticsOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statistics option reaches Beam's workers: the spec carries each component of {@link StatisticsOptions} through
 * Java serialization and gives it back unchanged.
 */
class StatisticsSpecTest {
    @TempDir
    java.nio.file.Path directory;

    /** A value other than the default for every component, by component name. */
    private static Map<String, Object> otherThanDefaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("numTopValues", 7);
        values.put("numRankHistogramBuckets", 9);
        values.put("numHistogramBuckets", 4);
        values.put("numQuantilesHistogramBuckets", 5);
        values.put("numValuesHistogramBuckets", 3);
        values.put("maxExactDistinct", 123);
        values.put("quantilesRankError", 0.02);
        values.put("weightFeature", "w");
        values.put("categoricalFeatures", Set.of("code", "zip"));
        values.put(
                "compositeFeatures",
                new CompositeFeatures(
                        List.of(new CompositeFeatures.Sparse(
                                Path.newBuilder().addStep("ad").build(), "val", List.of("idx"), List.of("idx"))),
                        List.of(new CompositeFeatures.Weighted("wt", "term", "tw"))));
        values.put(
                "semanticDomains",
                new SemanticDomains(
                        List.of(new NaturalLanguageFeature(
                                "q",
                                List.of("x", "y"),
                                true,
                                Set.of("x"),
                                Set.of(3L),
                                Set.of("y"),
                                Set.of(1L, 2L),
                                Set.of("a"),
                                Set.of(4L),
                                Set.of("b"))),
                        true));
        values.put("bytesFeatures", Set.of("image"));
        values.put("weightOverrides", Map.of("clicks", "impressions", "price", "w"));
        return values;
    }

    @Test
    void everyOptionRoundTripsThroughTheSpecAndJavaSerialization() throws Exception {
        RecordComponent[] components = StatisticsOptions.class.getRecordComponents();
        Map<String, Object> values = otherThanDefaults();
        assertThat(values.keySet())
                .as("a component of StatisticsOptions needs a value here and a field in StatisticsSpec.Options")
                .containsExactlyElementsOf(
                        Arrays.stream(components).map(RecordComponent::getName).toList());
        Object[] arguments = values.values().toArray();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        StatisticsOptions options =
                StatisticsOptions.class.getDeclaredConstructor(types).newInstance(arguments);

        StatisticsOptions carried =
                serializedAndBack(StatisticsSpec.of(options)).statisticsOptions();

        for (RecordComponent component : components) {
            Object value = component.getAccessor().invoke(options);
            assertThat(value)
                    .as("%s is not its default, so the trip is seen", component.getName())
                    .isNotEqualTo(component.getAccessor().invoke(StatisticsOptions.DEFAULT));
            assertThat(component.getAccessor().invoke(carried))
                    .as(component.getName())
                    .isEqualTo(value);
        }
        assertThat(carried).isEqualTo(options);
    }

    @Test
    void weightOverridesOnThreeFeaturePartitionsGiveTheLocalStatistics() throws IOException {
        List<java.nio.file.Path> files = TestTables.write(directory, 5, 3000, 2);
        StatisticsOptions options = StatisticsOptions.builder()
                .weightFeature("w")
                .weightOverrides(Map.of("note", "id", "amount", "id"))
                .build();
        DatasetFeatureStatisticsList local = Veracity.statistics(files)
                .withOptions(options)
                .withThreads(2)
                .compute()
                .statistics();
        DatasetFeatureStatisticsList beam = BeamStatistics.run(
                        PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--targetParallelism=2")
                                .create(),
                        List.of(directory.resolve("part-*.csv").toString()),
                        CsvOptions.DEFAULT,
                        Sampling.ALL,
                        StatisticsSpec.of(options).withFeaturePartitions(3))
                .statistics();
        SameStatisticsTest.assertSameStatistics(beam, local, files);
        assertThat(beam.getDatasets(0).getFeaturesList())
                .filteredOn(f -> f.getPath().getStepList().equals(List.of("note")))
                .singleElement()
                .satisfies(f -> assertThat(
                                f.getStringStats().getWeightedStringStats().getTopValuesCount())
                        .isPositive());
    }

    private static StatisticsSpec serializedAndBack(StatisticsSpec spec) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StatisticsSpec) in.readObject();
        }
    }
}
