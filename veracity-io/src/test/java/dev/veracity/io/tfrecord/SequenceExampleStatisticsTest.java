package dev.veracity.io.tfrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import dev.veracity.io.Veracity;
import dev.veracity.io.tfrecord.proto.BytesList;
import dev.veracity.io.tfrecord.proto.Feature;
import dev.veracity.io.tfrecord.proto.FeatureList;
import dev.veracity.io.tfrecord.proto.FeatureLists;
import dev.veracity.io.tfrecord.proto.Features;
import dev.veracity.io.tfrecord.proto.FloatList;
import dev.veracity.io.tfrecord.proto.Int64List;
import dev.veracity.io.tfrecord.proto.SequenceExample;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.PresenceAndValencyStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.proto.WeightedCommonStatistics;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistics of generated {@code tf.SequenceExample}s (context features, feature lists with missing, empty and
 * untyped steps, a sparse and a weighted feature, example weights), every field checked against a brute-force
 * computation over the generated values.
 */
class SequenceExampleStatisticsTest {
    private static final String SEQ = SequenceExampleDecoder.SEQUENCE;
    private static final List<String> LISTS = List.of("fl_int", "fl_float", "fl_bytes");
    private static final List<String> CONTEXT = List.of("ctx_int", "ctx_text", "sp_idx", "sp_val", "wf_val", "wf_w");

    @TempDir
    Path dir;

    /** One generated example: context lists (absent = missing) and feature lists (null step = no list set). */
    record Generated(double weight, Map<String, List<Object>> context, Map<String, List<List<Object>>> lists) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyFieldMatchesBruteForce(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 200 + random.nextInt(200);
        List<Generated> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            examples.add(generate(random, i == 0));
        }
        Path file = write(examples, seed % 2 == 0);
        Schema schema = TextFormat.parse("""
                sparse_feature { name: "sp" index_feature { name: "sp_idx" } value_feature { name: "sp_val" } }
                weighted_feature { name: "wf" feature { step: "wf_val" } weight_feature { step: "wf_w" } }
                """, Schema.class);
        DatasetFeatureStatistics stats = Veracity.statistics(file)
                .withOptions(StatisticsOptions.DEFAULT.withWeightFeature("weight"))
                .withSchema(schema)
                .withThreads(1 + (int) (seed % 3))
                .compute()
                .statistics()
                .getDatasets(0);

        double totalWeight = examples.stream().mapToDouble(Generated::weight).sum();
        assertThat(stats.getNumExamples()).isEqualTo(n);
        assertThat(stats.getWeightedNumExamples()).isCloseTo(totalWeight, within(1e-9));

        Map<List<String>, FeatureNameStatistics> byPath = new LinkedHashMap<>();
        for (FeatureNameStatistics feature : stats.getFeaturesList()) {
            byPath.put(feature.getPath().getStepList(), feature);
        }
        // the struct comes before its fields
        List<List<String>> order = new ArrayList<>(byPath.keySet());
        int structAt = order.indexOf(List.of(SEQ));
        assertThat(structAt).isNotNegative();
        for (String list : LISTS) {
            assertThat(order.indexOf(List.of(SEQ, list))).isGreaterThan(structAt);
        }
        checkStruct(byPath.get(List.of(SEQ)), n, totalWeight);
        for (String list : LISTS) {
            checkFeatureList(byPath.get(List.of(SEQ, list)), list, examples, totalWeight);
        }
        for (String context : CONTEXT) {
            checkContext(byPath.get(List.of(context)), context, examples, totalWeight);
        }
        checkSparse(byPath.get(List.of("sp")), examples);
        checkWeighted(byPath.get(List.of("wf")), examples);
    }

    private static Generated generate(SplittableRandom random, boolean complete) {
        double weight = new double[] {0.5, 1, 2, 3}[random.nextInt(4)];
        Map<String, List<Object>> context = new LinkedHashMap<>();
        Map<String, List<List<Object>>> lists = new LinkedHashMap<>();
        if (complete || random.nextInt(5) > 0) {
            context.put("ctx_int", values(random, 0, random.nextInt(4)));
        }
        if (complete || random.nextInt(4) > 0) {
            context.put("ctx_text", values(random, 2, random.nextInt(3)));
        }
        int sparseLength = random.nextInt(3);
        if (complete || random.nextInt(6) > 0) {
            context.put("sp_idx", values(random, 0, sparseLength + (random.nextInt(8) == 0 ? 1 : 0)));
        }
        if (complete || random.nextInt(6) > 0) {
            context.put("sp_val", values(random, 1, sparseLength));
        }
        int weightedLength = random.nextInt(3);
        if (complete || random.nextInt(6) > 0) {
            context.put("wf_val", values(random, 2, weightedLength));
        }
        if (complete || random.nextInt(6) > 0) {
            context.put("wf_w", values(random, 1, weightedLength + (random.nextInt(8) == 0 ? -1 : 0)));
        }
        for (int l = 0; l < LISTS.size(); l++) {
            if (!complete && random.nextInt(5) == 0) {
                continue; // missing feature list
            }
            int steps = complete ? 1 + random.nextInt(3) : random.nextInt(5);
            List<List<Object>> list = new ArrayList<>();
            for (int s = 0; s < steps; s++) {
                list.add(!complete && random.nextInt(6) == 0 ? null : values(random, l, random.nextInt(4)));
            }
            lists.put(LISTS.get(l), list);
        }
        return new Generated(weight, context, lists);
    }

    /** {@return values of a kind (0 INT, 1 FLOAT, 2 BYTES)} */
    private static List<Object> values(SplittableRandom random, int kind, int count) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < Math.max(0, count); i++) {
            values.add(
                    switch (kind) {
                        case 0 -> (long) random.nextInt(-3, 20);
                        case 1 -> (double) (float) (random.nextInt(-50, 50) / 4.0);
                        default -> "w" + random.nextInt(12);
                    });
        }
        return values;
    }

    private Path write(List<Generated> examples, boolean gzip) throws IOException {
        Path file = dir.resolve(gzip ? "seq.tfrecord.gz" : "seq.tfrecord");
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            TfRecordWriter writer = new TfRecordWriter(out);
            for (Generated example : examples) {
                Features.Builder context =
                        Features.newBuilder().putFeature("weight", feature(List.of(example.weight()), 1));
                example.context().forEach((name, values) -> context.putFeature(name, feature(values, kindOf(name))));
                FeatureLists.Builder lists = FeatureLists.newBuilder();
                example.lists().forEach((name, steps) -> {
                    FeatureList.Builder list = FeatureList.newBuilder();
                    for (List<Object> step : steps) {
                        list.addFeature(
                                step == null ? Feature.getDefaultInstance() : feature(step, LISTS.indexOf(name)));
                    }
                    lists.putFeatureList(name, list.build());
                });
                writer.write(SequenceExample.newBuilder()
                        .setContext(context)
                        .setFeatureLists(lists)
                        .build()
                        .toByteArray());
            }
        }
        return file;
    }

    private static int kindOf(String context) {
        return switch (context) {
            case "ctx_int", "sp_idx" -> 0;
            case "sp_val", "wf_w" -> 1;
            default -> 2;
        };
    }

    private static Feature feature(List<?> values, int kind) {
        return switch (kind) {
            case 0 ->
                Feature.newBuilder()
                        .setInt64List(Int64List.newBuilder()
                                .addAllValue(values.stream().map(v -> (Long) v).toList()))
                        .build();
            case 1 ->
                Feature.newBuilder()
                        .setFloatList(FloatList.newBuilder()
                                .addAllValue(values.stream()
                                        .map(v -> (float) (double) (Double) v)
                                        .toList()))
                        .build();
            default ->
                Feature.newBuilder()
                        .setBytesList(BytesList.newBuilder()
                                .addAllValue(values.stream()
                                        .map(v -> ByteString.copyFrom((String) v, StandardCharsets.UTF_8))
                                        .toList()))
                        .build();
        };
    }

    // ---- oracles ----------------------------------------------------------------------------------------------

    private static void checkStruct(FeatureNameStatistics struct, int n, double totalWeight) {
        assertThat(struct.getType()).isEqualTo(FeatureNameStatistics.Type.STRUCT);
        CommonStatistics common = struct.getStructStats().getCommonStats();
        assertThat(common.getNumNonMissing()).isEqualTo(n);
        assertThat(common.getNumMissing()).isZero();
        assertThat(common.getMinNumValues()).isEqualTo(1);
        assertThat(common.getMaxNumValues()).isEqualTo(1);
        assertThat(common.getTotNumValues()).isEqualTo(n);
        assertThat(common.getAvgNumValues()).isEqualTo(1f);
        assertThat(common.getPresenceAndValencyStatsCount()).isZero();
        WeightedCommonStatistics weighted = common.getWeightedCommonStats();
        assertThat(weighted.getNumNonMissing()).isCloseTo(totalWeight, within(1e-9));
        assertThat(weighted.getNumMissing()).isCloseTo(0, within(1e-9));
        assertThat(weighted.getTotNumValues()).isCloseTo(totalWeight, within(1e-9));
        assertThat(weighted.getAvgNumValues()).isCloseTo(1, within(1e-12));
    }

    private static void checkFeatureList(
            FeatureNameStatistics feature, String name, List<Generated> examples, double totalWeight) {
        int kind = LISTS.indexOf(name);
        assertThat(feature.getType())
                .isEqualTo(
                        switch (kind) {
                            case 0 -> FeatureNameStatistics.Type.INT;
                            case 1 -> FeatureNameStatistics.Type.FLOAT;
                            default -> FeatureNameStatistics.Type.STRING;
                        });
        long present = 0;
        long steps = 0;
        long minSteps = Long.MAX_VALUE;
        long maxSteps = 0;
        long presentSteps = 0;
        long values = 0;
        long minStepValues = Long.MAX_VALUE;
        long maxStepValues = 0;
        long minValues = Long.MAX_VALUE;
        long maxValues = 0;
        double wPresent = 0;
        double wSteps = 0;
        double wPresentSteps = 0;
        double wValues = 0;
        List<Object> all = new ArrayList<>();
        List<Double> allWeights = new ArrayList<>();
        for (Generated example : examples) {
            List<List<Object>> list = example.lists().get(name);
            if (list == null) {
                continue;
            }
            double w = example.weight();
            present++;
            wPresent += w;
            steps += list.size();
            wSteps += w * list.size();
            minSteps = Math.min(minSteps, list.size());
            maxSteps = Math.max(maxSteps, list.size());
            long inExample = 0;
            for (List<Object> step : list) {
                if (step == null) {
                    continue;
                }
                presentSteps++;
                wPresentSteps += w;
                values += step.size();
                wValues += w * step.size();
                inExample += step.size();
                minStepValues = Math.min(minStepValues, step.size());
                maxStepValues = Math.max(maxStepValues, step.size());
                for (Object value : step) {
                    all.add(value);
                    allWeights.add(w);
                }
            }
            minValues = Math.min(minValues, inExample);
            maxValues = Math.max(maxValues, inExample);
        }
        int n = examples.size();
        CommonStatistics common = common(feature);
        // common statistics count the innermost values per example (TFDV's is_top_nested)
        assertThat(common.getNumNonMissing()).isEqualTo(present);
        assertThat(common.getNumMissing()).isEqualTo(n - present);
        assertThat(common.getMinNumValues()).isEqualTo(minValues);
        assertThat(common.getMaxNumValues()).isEqualTo(maxValues);
        assertThat(common.getTotNumValues()).isEqualTo(values);
        assertThat(common.getAvgNumValues()).isEqualTo((float) ((double) values / present));
        assertThat(common.getNumValuesHistogram().getBucketsCount()).isEqualTo(10);

        assertThat(common.getPresenceAndValencyStatsList())
                .containsExactly(
                        PresenceAndValencyStatistics.newBuilder()
                                .setNumNonMissing(present)
                                .setNumMissing(n - present)
                                .setMinNumValues(minSteps)
                                .setMaxNumValues(maxSteps)
                                .setTotNumValues(steps)
                                .build(),
                        PresenceAndValencyStatistics.newBuilder()
                                .setNumNonMissing(presentSteps)
                                .setNumMissing(steps - presentSteps)
                                .setMinNumValues(minStepValues)
                                .setMaxNumValues(maxStepValues)
                                .setTotNumValues(values)
                                .build());
        assertThat(common.getWeightedPresenceAndValencyStatsCount()).isEqualTo(2);
        WeightedCommonStatistics level0 = common.getWeightedPresenceAndValencyStats(0);
        assertThat(level0.getNumNonMissing()).isCloseTo(wPresent, within(1e-9));
        assertThat(level0.getNumMissing()).isCloseTo(totalWeight - wPresent, within(1e-9));
        assertThat(level0.getTotNumValues()).isCloseTo(wSteps, within(1e-9));
        assertThat(level0.getAvgNumValues()).isCloseTo(wSteps / wPresent, within(1e-9));
        WeightedCommonStatistics level1 = common.getWeightedPresenceAndValencyStats(1);
        assertThat(level1.getNumNonMissing()).isCloseTo(wPresentSteps, within(1e-9));
        assertThat(level1.getNumMissing()).isCloseTo(wSteps - wPresentSteps, within(1e-9));
        assertThat(level1.getTotNumValues()).isCloseTo(wValues, within(1e-9));
        assertThat(level1.getAvgNumValues()).isCloseTo(wValues / wPresentSteps, within(1e-9));
        WeightedCommonStatistics weighted = common.getWeightedCommonStats();
        assertThat(weighted.getNumNonMissing()).isCloseTo(wPresent, within(1e-9));
        assertThat(weighted.getNumMissing()).isCloseTo(totalWeight - wPresent, within(1e-9));
        assertThat(weighted.getTotNumValues()).isCloseTo(wValues, within(1e-9));
        assertThat(weighted.getAvgNumValues()).isCloseTo(wValues / wPresent, within(1e-9));
        checkValues(feature, kind, all, allWeights);
    }

    private static void checkContext(
            FeatureNameStatistics feature, String name, List<Generated> examples, double totalWeight) {
        long present = 0;
        long values = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        double wPresent = 0;
        double wValues = 0;
        List<Object> all = new ArrayList<>();
        List<Double> allWeights = new ArrayList<>();
        for (Generated example : examples) {
            List<Object> list = example.context().get(name);
            if (list == null) {
                continue;
            }
            present++;
            values += list.size();
            min = Math.min(min, list.size());
            max = Math.max(max, list.size());
            wPresent += example.weight();
            wValues += example.weight() * list.size();
            for (Object value : list) {
                all.add(value);
                allWeights.add(example.weight());
            }
        }
        CommonStatistics common = common(feature);
        assertThat(common.getNumNonMissing()).isEqualTo(present);
        assertThat(common.getNumMissing()).isEqualTo(examples.size() - present);
        assertThat(common.getMinNumValues()).isEqualTo(min);
        assertThat(common.getMaxNumValues()).isEqualTo(max);
        assertThat(common.getTotNumValues()).isEqualTo(values);
        assertThat(common.getPresenceAndValencyStatsCount()).isZero();
        assertThat(common.getWeightedCommonStats().getNumNonMissing()).isCloseTo(wPresent, within(1e-9));
        assertThat(common.getWeightedCommonStats().getNumMissing()).isCloseTo(totalWeight - wPresent, within(1e-9));
        assertThat(common.getWeightedCommonStats().getTotNumValues()).isCloseTo(wValues, within(1e-9));
        checkValues(feature, kindOf(name), all, allWeights);
    }

    /** Checks the statistics of the values: numeric moments and extremes, or string counts and lengths. */
    private static void checkValues(FeatureNameStatistics feature, int kind, List<Object> all, List<Double> weights) {
        if (kind == 2) {
            Map<String, Long> counts = new HashMap<>();
            long bytes = 0;
            for (Object value : all) {
                counts.merge((String) value, 1L, Long::sum);
                bytes += ((String) value).length();
            }
            assertThat(feature.getStringStats().getUnique()).isEqualTo(counts.size());
            assertThat(feature.getStringStats().getAvgLength()).isEqualTo((float) ((double) bytes / all.size()));
            long top = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(feature.getStringStats().getTopValues(0).getFrequency()).isEqualTo(top);
            return;
        }
        double sum = 0;
        double weightedSum = 0;
        double totalWeight = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long zeros = 0;
        for (int i = 0; i < all.size(); i++) {
            double v = all.get(i) instanceof Long l ? l : (Double) all.get(i);
            sum += v;
            weightedSum += v * weights.get(i);
            totalWeight += weights.get(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            zeros += v == 0 ? 1 : 0;
        }
        double mean = sum / all.size();
        double squares = 0;
        for (Object value : all) {
            double v = value instanceof Long l ? l : (Double) value;
            squares += (v - mean) * (v - mean);
        }
        var numeric = feature.getNumStats();
        assertThat(numeric.getMean()).isCloseTo(mean, within(1e-9));
        assertThat(numeric.getStdDev()).isCloseTo(Math.sqrt(squares / all.size()), within(1e-9));
        assertThat(numeric.getMin()).isEqualTo(min);
        assertThat(numeric.getMax()).isEqualTo(max);
        assertThat(numeric.getNumZeros()).isEqualTo(zeros);
        assertThat(numeric.getWeightedNumericStats().getMean()).isCloseTo(weightedSum / totalWeight, within(1e-9));
    }

    private static void checkSparse(FeatureNameStatistics sparse, List<Generated> examples) {
        long missingValue = 0;
        long missingIndex = 0;
        long minDiff = Long.MAX_VALUE;
        long maxDiff = Long.MIN_VALUE;
        for (Generated example : examples) {
            List<Object> index = example.context().get("sp_idx");
            List<Object> value = example.context().get("sp_val");
            if (index == null && value == null) {
                continue;
            }
            missingValue += value == null ? 1 : 0;
            missingIndex += index == null ? 1 : 0;
            long diff = (index == null ? 0 : index.size()) - (long) (value == null ? 0 : value.size());
            minDiff = Math.min(minDiff, diff);
            maxDiff = Math.max(maxDiff, diff);
        }
        Map<String, CustomStatistic> custom = custom(sparse);
        assertThat(custom.get("missing_value").getNum()).isEqualTo(missingValue);
        assertThat(custom.get("missing_index").getRankHistogram().getBuckets(0).getSampleCount())
                .isEqualTo(missingIndex);
        assertThat(custom.get("min_length_diff")
                        .getRankHistogram()
                        .getBuckets(0)
                        .getSampleCount())
                .isEqualTo(minDiff);
        assertThat(custom.get("max_length_diff")
                        .getRankHistogram()
                        .getBuckets(0)
                        .getSampleCount())
                .isEqualTo(maxDiff);
    }

    private static void checkWeighted(FeatureNameStatistics weighted, List<Generated> examples) {
        long missingValue = 0;
        long missingWeight = 0;
        long minDiff = Long.MAX_VALUE;
        long maxDiff = Long.MIN_VALUE;
        for (Generated example : examples) {
            List<Object> value = example.context().get("wf_val");
            List<Object> weight = example.context().get("wf_w");
            if (value == null && weight == null) {
                continue;
            }
            missingValue += value == null ? 1 : 0;
            missingWeight += weight == null ? 1 : 0;
            long diff = (weight == null ? 0 : weight.size()) - (long) (value == null ? 0 : value.size());
            minDiff = Math.min(minDiff, diff);
            maxDiff = Math.max(maxDiff, diff);
        }
        Map<String, CustomStatistic> custom = custom(weighted);
        assertThat(custom.get("missing_value").getNum()).isEqualTo(missingValue);
        assertThat(custom.get("missing_weight").getNum()).isEqualTo(missingWeight);
        assertThat(custom.get("min_weight_length_diff").getNum()).isEqualTo(minDiff);
        assertThat(custom.get("max_weight_length_diff").getNum()).isEqualTo(maxDiff);
    }

    private static Map<String, CustomStatistic> custom(FeatureNameStatistics feature) {
        Map<String, CustomStatistic> custom = new HashMap<>();
        for (CustomStatistic statistic : feature.getCustomStatsList()) {
            custom.put(statistic.getName(), statistic);
        }
        return custom;
    }

    private static CommonStatistics common(FeatureNameStatistics feature) {
        return switch (feature.getStatsCase()) {
            case NUM_STATS -> feature.getNumStats().getCommonStats();
            case STRING_STATS -> feature.getStringStats().getCommonStats();
            case BYTES_STATS -> feature.getBytesStats().getCommonStats();
            case STRUCT_STATS -> feature.getStructStats().getCommonStats();
            case STATS_NOT_SET -> throw new AssertionError("no statistics: " + feature.getPath());
        };
    }

    @Test
    void plainExamplesHaveNoStruct() throws IOException {
        Path file = dir.resolve("plain.tfrecord");
        try (OutputStream out = Files.newOutputStream(file)) {
            new TfRecordWriter(out)
                    .write(dev.veracity.io.tfrecord.proto.Example.newBuilder()
                            .setFeatures(Features.newBuilder().putFeature("a", feature(List.of(1L, 2L), 0)))
                            .build()
                            .toByteArray());
        }
        DatasetFeatureStatistics stats =
                Veracity.statistics(file).compute().statistics().getDatasets(0);
        Set<List<String>> paths = new HashSet<>();
        stats.getFeaturesList().forEach(f -> paths.add(f.getPath().getStepList()));
        assertThat(paths).containsExactly(List.of("a"));
    }
}
