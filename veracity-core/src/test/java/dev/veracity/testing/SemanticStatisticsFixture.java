package dev.veracity.testing;

import com.google.protobuf.Any;
import com.google.protobuf.TextFormat;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NaturalLanguageStatistics;

/**
 * Hand-made statistics with one feature of each kind the report and {@code show} display beyond tables: a time and a
 * natural-language domain found by the inferring generators (the latter with {@code nl_statistics} and its token- and
 * sequence-length histograms), image statistics, a sparse and a weighted feature, and a struct {@code trip} with
 * children {@code trip.fare}, {@code trip.stops} and {@code trip.stops.city} (paths of two and three steps).
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList statistics = SemanticStatisticsFixture.statistics();
 * }</pre>
 */
public final class SemanticStatisticsFixture {
    private static final String TEXT = """
            datasets {
              name: "train" num_examples: 200
              features {
                path { step: "day" } type: STRING
                string_stats { common_stats { num_non_missing: 200 tot_num_values: 200 min_num_values: 1
                                              max_num_values: 1 avg_num_values: 1 } unique: 60 avg_length: 10 }
                custom_stats { name: "domain_info" str: "time_domain {string_format: '%Y-%m-%d'}" }
                custom_stats { name: "time_match_ratio" num: 0.95 }
              }
              features {
                path { step: "note" } type: STRING
                string_stats { common_stats { num_non_missing: 190 num_missing: 10 tot_num_values: 190 } unique: 30 }
                custom_stats { name: "domain_info" str: "natural_language_domain {}" }
                custom_stats { name: "natural_language_match_rate" num: 0.9 }
              }
              features {
                path { step: "photo" } type: BYTES
                bytes_stats { common_stats { num_non_missing: 200 tot_num_values: 200 } unique: 200 }
                custom_stats { name: "domain_info" str: "image_domain {}" }
                custom_stats { name: "image_format_histogram" rank_histogram {
                  buckets { label: "UNKNOWN" sample_count: 10 } buckets { label: "jpeg" sample_count: 120 }
                  buckets { label: "png" sample_count: 70 } } }
                custom_stats { name: "image_max_width" num: 640 }
                custom_stats { name: "image_max_height" num: 480 }
              }
              features {
                path { step: "ad" }
                custom_stats { name: "missing_value" num: 1 }
                custom_stats { name: "missing_index" rank_histogram { buckets { label: "ad_index" sample_count: 0 } } }
                custom_stats { name: "max_length_diff" rank_histogram { buckets { label: "ad_index" sample_count: 3 } } }
                custom_stats { name: "min_length_diff" rank_histogram { buckets { label: "ad_index" sample_count: 0 } } }
              }
              features {
                path { step: "weighted_term" }
                custom_stats { name: "missing_weight" num: 2 }
                custom_stats { name: "missing_value" num: 0 }
                custom_stats { name: "min_weight_length_diff" num: 0 }
                custom_stats { name: "max_weight_length_diff" num: 2 }
              }
              features {
                path { step: "trip" } type: STRUCT
                struct_stats { common_stats { num_non_missing: 180 num_missing: 20 } }
              }
              features {
                path { step: "trip" step: "fare" } type: FLOAT
                num_stats { common_stats { num_non_missing: 170 num_missing: 10 tot_num_values: 170 } mean: 12.5
                            max: 80 }
              }
              features {
                path { step: "trip" step: "stops" } type: STRUCT
                struct_stats { common_stats { num_non_missing: 150 num_missing: 30 } }
              }
              features {
                path { step: "trip" step: "stops" step: "city" } type: STRING
                string_stats { common_stats { num_non_missing: 150 tot_num_values: 400 } unique: 12 }
              }
            }
            """;

    private SemanticStatisticsFixture() {}

    /** {@return the statistics, with {@code nl_statistics} packed into the {@code note} feature} */
    public static DatasetFeatureStatisticsList statistics() {
        DatasetFeatureStatisticsList.Builder list;
        try {
            list = TextFormat.parse(TEXT, DatasetFeatureStatisticsList.class).toBuilder();
        } catch (TextFormat.ParseException e) {
            throw new IllegalStateException(e);
        }
        NaturalLanguageStatistics nl = NaturalLanguageStatistics.newBuilder()
                .setFeatureCoverage(0.97)
                .setAvgTokenLength(4.5)
                .setMinSequenceLength(2)
                .setMaxSequenceLength(9)
                .setTokenLengthHistogram(histogram(1, 3, 40, 3, 11, 38))
                .setSequenceLengthHistogram(histogram(2, 5, 95, 5, 9, 95))
                .build();
        DatasetFeatureStatistics.Builder dataset = list.getDatasetsBuilder(0);
        dataset.getFeaturesBuilder(1)
                .addCustomStats(
                        CustomStatistic.newBuilder().setName("nl_statistics").setAny(Any.pack(nl)));
        return list.build();
    }

    private static Histogram histogram(double... lowHighCount) {
        Histogram.Builder histogram = Histogram.newBuilder().setType(Histogram.HistogramType.QUANTILES);
        for (int i = 0; i < lowHighCount.length; i += 3) {
            histogram
                    .addBucketsBuilder()
                    .setLowValue(lowHighCount[i])
                    .setHighValue(lowHighCount[i + 1])
                    .setSampleCount(lowHighCount[i + 2]);
        }
        return histogram.build();
    }
}
