package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.veracity.io.EngineRun;
import dev.veracity.io.StatisticsEngine;
import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.stats.NaturalLanguageFeature;
import dev.veracity.stats.SemanticDomains;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.Gen;
import dev.veracity.testing.StatisticsAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics beyond the columns' own (issue 23's custom statistics) are the local engine's on Beam too: a
 * schema's sparse and weighted features ({@code missing_value}, {@code missing_index}, length mismatches), the bytes
 * statistics of an image_domain feature and natural-language statistics ({@code nl_statistics}), over files read in
 * parallel.
 */
class ExtraStatisticsTest {
    private static final String SCHEMA = "feature { name: \"q\" type: BYTES natural_language_domain { vocabulary:"
            + " \"words\" } }\n"
            + "sparse_feature { name: \"ad\" index_feature { name: \"idx\" } value_feature { name: \"val\" } }\n"
            + "weighted_feature { name: \"wt\" feature { step: \"term\" } weight_feature { step: \"w\" } }\n"
            + "feature { name: \"img\" type: BYTES image_domain { } }\n";

    @TempDir
    Path directory;

    @Test
    void sparseWeightedNaturalLanguageAndBytesStatisticsAreTheLocalOnes() throws IOException {
        List<Path> files = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(23);
        for (int f = 0; f < 3; f++) {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < 400; r++) {
                int indexes = Gen.between(random, 0, 3);
                int values = Gen.oneIn(random, 8) ? Gen.between(random, 0, 3) : indexes; // some mismatches
                int terms = Gen.between(random, 0, 2);
                int weights = Gen.oneIn(random, 10) ? 0 : terms;
                text.append("{\"idx\": ")
                        .append(list(random, indexes, false))
                        .append(", \"val\": ")
                        .append(list(random, values, true))
                        .append(", \"term\": ")
                        .append(list(random, terms, true))
                        .append(", \"w\": [");
                for (int i = 0; i < weights; i++) {
                    text.append(i == 0 ? "" : ", ")
                            .append(Gen.between(random, 1, 9))
                            .append(".5");
                }
                text.append("], \"q\": \"");
                int words = Gen.between(random, 1, 6);
                for (int i = 0; i < words; i++) {
                    text.append(i == 0 ? "" : " ").append(Gen.oneOf(random, "x", "y", "zz", "unknown", "y"));
                }
                text.append("\", \"img\": \"")
                        .append("x".repeat(Gen.between(random, 0, 40)))
                        .append("\"}\n");
            }
            Path file = directory.resolve("part-" + f + ".jsonl");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            files.add(file);
        }
        Schema schema = TextFormat.parse(SCHEMA, Schema.class);
        StatisticsOptions options = StatisticsOptions.DEFAULT.withSemanticDomains(new SemanticDomains(
                NaturalLanguageFeature.of(schema, Map.of("words", List.of("x", "y"))), true));
        Veracity.StatisticsRequest request = Veracity.statistics(files)
                .withSchema(schema)
                .withOptions(options)
                .withThreads(2);

        DatasetFeatureStatisticsList expected = request.compute().statistics();
        DatasetFeatureStatisticsList beam = beam().compute(
                        request,
                        new EngineRun(
                                files.stream().map(Path::toString).toList(),
                                "DirectRunner",
                                List.of("--featurePartitions=3"),
                                2))
                .statistics();

        DatasetFeatureStatistics e = expected.getDatasets(0);
        DatasetFeatureStatistics a = beam.getDatasets(0);
        assertThat(a.getNumExamples()).isEqualTo(1200);
        assertThat(a.getFeaturesList())
                .extracting(PartitionAssembly::featureName)
                .containsExactlyElementsOf(e.getFeaturesList().stream()
                        .map(PartitionAssembly::featureName)
                        .toList())
                .contains("ad", "wt", "q", "img");
        for (int f = 0; f < e.getFeaturesCount(); f++) {
            FeatureNameStatistics ef = e.getFeatures(f);
            FeatureNameStatistics af = a.getFeatures(f);
            String name = PartitionAssembly.featureName(ef);
            assertThat(af.getCustomStatsList()).as(name).isEqualTo(ef.getCustomStatsList());
            StatisticsAssertions.assertSameExactFields(af, ef, 100);
        }
        assertThat(customNames(a, "ad")).contains("missing_value", "missing_index");
        assertThat(customNames(a, "wt")).contains("missing_value", "missing_weight");
        assertThat(customNames(a, "q")).contains("nl_statistics");
        assertThat(a.getFeaturesList())
                .filteredOn(f -> PartitionAssembly.featureName(f).equals("img"))
                .singleElement()
                .satisfies(f -> assertThat(f.hasBytesStats()).isTrue());
    }

    private static String list(SplittableRandom random, int length, boolean strings) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : ", ");
            if (strings) {
                text.append('"').append(Gen.oneOf(random, "a", "b", "c")).append('"');
            } else {
                text.append(Gen.between(random, 0, 20));
            }
        }
        return text.append(']').toString();
    }

    private static List<String> customNames(DatasetFeatureStatistics dataset, String feature) {
        return dataset.getFeaturesList().stream()
                .filter(f -> PartitionAssembly.featureName(f).equals(feature))
                .flatMap(f -> f.getCustomStatsList().stream())
                .map(c -> c.getName())
                .toList();
    }

    private static StatisticsEngine beam() {
        for (StatisticsEngine engine : ServiceLoader.load(StatisticsEngine.class)) {
            if (engine.name().equals("beam")) {
                return engine;
            }
        }
        throw new AssertionError("no engine named beam on the class path");
    }
}
