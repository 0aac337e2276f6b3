package dev.veracity.schema;

import com.google.protobuf.TextFormat;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.PresenceAndValencyStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringStatistics;
import dev.veracity.proto.WeightedCommonStatistics;
import dev.veracity.proto.WeightedNumericStatistics;
import dev.veracity.proto.WeightedStringStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made statistics for schema tests: a dataset of {@code n} examples and features whose counts default to
 * "every example has exactly one value", so that a test states only what it is about.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList stats = Stats.examples(10).ints("age").present(9).range(0, 90)
 *         .strings("city").labels("a", 4, "b", 5).build();
 * Schema schema = Stats.schema("feature { name: 'age' type: INT }");
 * }</pre>
 */
final class Stats {
    private final long numExamples;
    private Double weightedNumExamples;
    private final List<Feature> features = new ArrayList<>();

    private Stats(long numExamples) {
        this.numExamples = numExamples;
    }

    /** {@return a dataset of {@code numExamples} examples and no features yet} */
    static Stats examples(long numExamples) {
        return new Stats(numExamples);
    }

    /** {@return the schema written in text format} */
    static Schema schema(String pbtxt) {
        try {
            return TextFormat.parse(pbtxt, Schema.class);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException("bad schema text: " + e.getMessage(), e);
        }
    }

    /** Sets {@code weighted_num_examples}; features then need {@link Feature#weighted} for weighted mode. */
    Stats weighted(double weightedNumExamples) {
        this.weightedNumExamples = weightedNumExamples;
        return this;
    }

    Feature ints(String... path) {
        return feature(FeatureNameStatistics.Type.INT, path);
    }

    Feature floats(String... path) {
        return feature(FeatureNameStatistics.Type.FLOAT, path);
    }

    Feature strings(String... path) {
        return feature(FeatureNameStatistics.Type.STRING, path);
    }

    Feature bytes(String... path) {
        return feature(FeatureNameStatistics.Type.BYTES, path);
    }

    Feature struct(String... path) {
        return feature(FeatureNameStatistics.Type.STRUCT, path);
    }

    Feature feature(FeatureNameStatistics.Type type, String... path) {
        Feature feature = new Feature(this, type, path);
        features.add(feature);
        return feature;
    }

    DatasetFeatureStatisticsList build() {
        DatasetFeatureStatistics.Builder dataset =
                DatasetFeatureStatistics.newBuilder().setName("hand-made").setNumExamples(numExamples);
        if (weightedNumExamples != null) {
            dataset.setWeightedNumExamples(weightedNumExamples);
        }
        for (Feature feature : features) {
            dataset.addFeatures(feature.toProto());
        }
        return DatasetFeatureStatisticsList.newBuilder().addDatasets(dataset).build();
    }

    /** One feature's statistics; every setter returns the feature, and the dataset's methods chain on. */
    static final class Feature {
        private final Stats dataset;
        private final FeatureNameStatistics.Type type;
        private final String[] path;
        private long present;
        private Long missing;
        private long minValues = 1;
        private long maxValues = 1;
        private Long totValues;
        private final List<long[]> levels = new ArrayList<>();
        private Double min;
        private Double max;
        private long numNan;
        private final List<Histogram> histograms = new ArrayList<>();
        private Map<String, Double> labels;
        private Long unique;
        private long invalidUtf8;
        private final List<CustomStatistic> custom = new ArrayList<>();
        private double[] weighted;
        private Map<String, Double> weightedLabels;
        private long weightedNan;

        private Feature(Stats dataset, FeatureNameStatistics.Type type, String[] path) {
            this.dataset = dataset;
            this.type = type;
            this.path = path;
            this.present = dataset.numExamples;
        }

        /** Examples with the feature; the rest of the dataset lacks it unless {@link #missing} says otherwise. */
        Feature present(long numNonMissing) {
            this.present = numNonMissing;
            return this;
        }

        Feature missing(long numMissing) {
            this.missing = numMissing;
            return this;
        }

        /** Fewest and most values per example that has the feature. */
        Feature values(long min, long max) {
            this.minValues = min;
            this.maxValues = max;
            return this;
        }

        Feature totValues(long tot) {
            this.totValues = tot;
            return this;
        }

        /** Adds a nesting level to {@code presence_and_valency_stats}: missing, min and max values at that level. */
        Feature level(long numMissing, long min, long max) {
            levels.add(new long[] {numMissing, min, max});
            return this;
        }

        /** Numeric min and max (numeric statistics). */
        Feature range(double min, double max) {
            this.min = min;
            this.max = max;
            return this;
        }

        /** NaN values, in a standard histogram. */
        Feature nan(long numNan) {
            this.numNan = numNan;
            return this;
        }

        /** Adds a histogram bucket [low, high] with {@code count} values, to a histogram of {@code type}. */
        Feature bucket(Histogram.HistogramType type, double low, double high, double count) {
            Histogram.Bucket bucket = Histogram.Bucket.newBuilder()
                    .setLowValue(low)
                    .setHighValue(high)
                    .setSampleCount(count)
                    .build();
            for (int i = 0; i < histograms.size(); i++) {
                if (histograms.get(i).getType() == type) {
                    histograms.set(
                            i, histograms.get(i).toBuilder().addBuckets(bucket).build());
                    return this;
                }
            }
            histograms.add(
                    Histogram.newBuilder().setType(type).addBuckets(bucket).build());
            return this;
        }

        /** Rank histogram labels and counts, alternating: {@code "a", 3, "b", 7} (string statistics). */
        Feature labels(Object... labelsAndCounts) {
            this.labels = pairs(labelsAndCounts);
            return this;
        }

        Feature unique(long unique) {
            this.unique = unique;
            return this;
        }

        Feature invalidUtf8(long count) {
            this.invalidUtf8 = count;
            return this;
        }

        /** Adds a {@code domain_info} custom statistic (a semantic domain in text format). */
        Feature domainInfo(String text) {
            custom.add(CustomStatistic.newBuilder()
                    .setName("domain_info")
                    .setStr(text)
                    .build());
            return this;
        }

        /** Weighted common statistics: present, missing and total values by weight. */
        Feature weighted(double numNonMissing, double numMissing, double totNumValues) {
            this.weighted = new double[] {numNonMissing, numMissing, totNumValues};
            return this;
        }

        /** Weighted rank histogram labels and counts, alternating. */
        Feature weightedLabels(Object... labelsAndCounts) {
            this.weightedLabels = pairs(labelsAndCounts);
            return this;
        }

        /** NaN values in the weighted histogram. */
        Feature weightedNan(long numNan) {
            this.weightedNan = numNan;
            return this;
        }

        Feature ints(String... path) {
            return dataset.ints(path);
        }

        Feature floats(String... path) {
            return dataset.floats(path);
        }

        Feature strings(String... path) {
            return dataset.strings(path);
        }

        Feature bytes(String... path) {
            return dataset.bytes(path);
        }

        Feature struct(String... path) {
            return dataset.struct(path);
        }

        Stats weightedDataset(double weightedNumExamples) {
            return dataset.weighted(weightedNumExamples);
        }

        DatasetFeatureStatisticsList build() {
            return dataset.build();
        }

        private static Map<String, Double> pairs(Object... labelsAndCounts) {
            Map<String, Double> pairs = new LinkedHashMap<>();
            for (int i = 0; i < labelsAndCounts.length; i += 2) {
                pairs.put((String) labelsAndCounts[i], ((Number) labelsAndCounts[i + 1]).doubleValue());
            }
            return pairs;
        }

        private static RankHistogram rank(Map<String, Double> labels) {
            RankHistogram.Builder histogram = RankHistogram.newBuilder();
            long rank = 0;
            for (Map.Entry<String, Double> entry : labels.entrySet()) {
                histogram.addBuckets(RankHistogram.Bucket.newBuilder()
                        .setLowRank(rank)
                        .setHighRank(rank)
                        .setLabel(entry.getKey())
                        .setSampleCount(entry.getValue()));
                rank++;
            }
            return histogram.build();
        }

        private CommonStatistics common() {
            long numMissing = missing != null ? missing : Math.max(0, dataset.numExamples - present);
            long tot = totValues != null
                    ? totValues
                    : labels != null
                            ? Math.round(labels.values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .sum())
                            : present * minValues;
            CommonStatistics.Builder common = CommonStatistics.newBuilder()
                    .setNumNonMissing(present)
                    .setNumMissing(numMissing)
                    .setMinNumValues(minValues)
                    .setMaxNumValues(maxValues)
                    .setTotNumValues(tot)
                    .setAvgNumValues(present == 0 ? 0 : (float) tot / present);
            for (long[] level : levels) {
                common.addPresenceAndValencyStats(PresenceAndValencyStatistics.newBuilder()
                        .setNumMissing(level[0])
                        .setMinNumValues(level[1])
                        .setMaxNumValues(level[2]));
            }
            if (weighted != null) {
                common.setWeightedCommonStats(WeightedCommonStatistics.newBuilder()
                        .setNumNonMissing(weighted[0])
                        .setNumMissing(weighted[1])
                        .setTotNumValues(weighted[2])
                        .setAvgNumValues(weighted[0] == 0 ? 0 : weighted[2] / weighted[0]));
            }
            return common.build();
        }

        FeatureNameStatistics toProto() {
            FeatureNameStatistics.Builder stats =
                    FeatureNameStatistics.newBuilder().setType(type);
            if (path.length == 1) {
                stats.setName(path[0]);
            } else {
                stats.setPath(PathNames.of(path));
            }
            stats.addAllCustomStats(custom);
            boolean numeric = min != null
                    || (labels == null
                            && (type == FeatureNameStatistics.Type.INT || type == FeatureNameStatistics.Type.FLOAT));
            if (labels != null || (!numeric && type == FeatureNameStatistics.Type.STRING)) {
                Map<String, Double> own = labels == null ? Map.of() : labels;
                StringStatistics.Builder strings = StringStatistics.newBuilder()
                        .setCommonStats(common())
                        .setUnique(unique != null ? unique : own.size())
                        .setRankHistogram(rank(own))
                        .setInvalidUtf8Count(invalidUtf8);
                if (weightedLabels != null) {
                    strings.setWeightedStringStats(
                            WeightedStringStatistics.newBuilder().setRankHistogram(rank(weightedLabels)));
                }
                stats.setStringStats(strings);
            } else if (numeric) {
                List<Histogram> all = new ArrayList<>(histograms);
                int standard = -1;
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).getType() == Histogram.HistogramType.STANDARD) {
                        standard = i;
                    }
                }
                if (standard < 0) {
                    all.add(Histogram.newBuilder()
                            .setType(Histogram.HistogramType.STANDARD)
                            .setNumNan(numNan)
                            .build());
                } else {
                    all.set(
                            standard,
                            all.get(standard).toBuilder().setNumNan(numNan).build());
                }
                NumericStatistics.Builder numbers = NumericStatistics.newBuilder()
                        .setCommonStats(common())
                        .setMin(min == null ? 0 : min)
                        .setMax(max == null ? 0 : max)
                        .addAllHistograms(all);
                if (weighted != null) {
                    numbers.setWeightedNumericStats(WeightedNumericStatistics.newBuilder()
                            .addHistograms(Histogram.newBuilder().setNumNan(weightedNan)));
                }
                stats.setNumStats(numbers);
            } else if (type == FeatureNameStatistics.Type.BYTES) {
                stats.setBytesStats(dev.veracity.proto.BytesStatistics.newBuilder()
                        .setCommonStats(common())
                        .setUnique(unique == null ? 0 : unique));
            } else {
                stats.setStructStats(
                        dev.veracity.proto.StructStatistics.newBuilder().setCommonStats(common()));
            }
            return stats.build();
        }
    }
}
