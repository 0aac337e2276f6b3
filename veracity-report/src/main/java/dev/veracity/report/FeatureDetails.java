package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NaturalLanguageStatistics;
import dev.veracity.proto.RankHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a feature's custom statistics say beyond its table row, in one dataset: the semantic domain TFDV's inferring
 * generators found, natural-language statistics with their length histograms, image statistics, and the statistics of
 * a sparse or weighted feature taken together as that feature's.
 *
 * <pre>{@code
 * Optional<FeatureDetails> details = FeatureDetails.of(featureStatistics);
 * }</pre>
 *
 * @param domain          the {@code domain_info} found, e.g. {@code time_domain {string_format: '%Y-%m-%d'}}; empty
 *                        for none
 * @param domainMatch     the fraction of values that matched it ({@code time_match_ratio},
 *                        {@code natural_language_match_rate}); NaN if not given
 * @param coverage        {@code nl_statistics.feature_coverage}; NaN without natural-language statistics
 * @param avgTokenLength  {@code nl_statistics.avg_token_length}; NaN without natural-language statistics
 * @param tokenLength     the token-length histogram; empty for none
 * @param sequenceLength  the sequence-length histogram; empty for none
 * @param imageFormats    values per image format ({@code image_format_histogram}); empty without image statistics
 * @param imageMaxWidth   the widest image; NaN if not given
 * @param imageMaxHeight  the tallest image; NaN if not given
 * @param unit            {@code sparse} or {@code weighted} for the statistics of such a feature; empty otherwise
 * @param unitStatistics  that feature's custom statistics as values, a rank histogram's buckets named
 *                        {@code name label} (e.g. {@code max_length_diff ad_index})
 */
public record FeatureDetails(
        String domain,
        double domainMatch,
        double coverage,
        double avgTokenLength,
        List<Bucket> tokenLength,
        List<Bucket> sequenceLength,
        List<ValueCount> imageFormats,
        double imageMaxWidth,
        double imageMaxHeight,
        String unit,
        List<ValueCount> unitStatistics) {
    private static final List<String> SPARSE = List.of("missing_index", "max_length_diff", "min_length_diff");
    private static final List<String> WEIGHTED =
            List.of("missing_weight", "max_weight_length_diff", "min_weight_length_diff");

    public FeatureDetails {
        requireNonNull(domain, "domain is null");
        tokenLength = List.copyOf(tokenLength);
        sequenceLength = List.copyOf(sequenceLength);
        imageFormats = List.copyOf(imageFormats);
        requireNonNull(unit, "unit is null");
        unitStatistics = List.copyOf(unitStatistics);
    }

    /** {@return the details of a feature's custom statistics, or empty when they hold none of the kinds above} */
    public static Optional<FeatureDetails> of(FeatureNameStatistics statistics) {
        String domain = "";
        double match = Double.NaN;
        NaturalLanguageStatistics nl = null;
        List<ValueCount> formats = new ArrayList<>();
        double width = Double.NaN;
        double height = Double.NaN;
        String unit = "";
        for (CustomStatistic custom : statistics.getCustomStatsList()) {
            String name = custom.getName();
            switch (name) {
                case "domain_info" -> domain = custom.getStr();
                case "time_match_ratio", "natural_language_match_rate" -> match = custom.getNum();
                case "nl_statistics" -> nl = naturalLanguage(custom);
                case "image_format_histogram" -> formats = values(custom.getRankHistogram());
                case "image_max_width" -> width = custom.getNum();
                case "image_max_height" -> height = custom.getNum();
                default -> {
                    if (SPARSE.contains(name)) {
                        unit = "sparse";
                    } else if (WEIGHTED.contains(name)) {
                        unit = "weighted";
                    }
                }
            }
        }
        if (domain.isEmpty() && nl == null && formats.isEmpty() && unit.isEmpty()) {
            return Optional.empty();
        }
        List<ValueCount> unitStatistics = unit.isEmpty() ? List.of() : unitStatistics(statistics);
        return Optional.of(new FeatureDetails(
                domain,
                match,
                nl == null ? Double.NaN : nl.getFeatureCoverage(),
                nl == null ? Double.NaN : nl.getAvgTokenLength(),
                nl == null ? List.of() : buckets(nl.getTokenLengthHistogram()),
                nl == null ? List.of() : buckets(nl.getSequenceLengthHistogram()),
                formats,
                width,
                height,
                unit,
                unitStatistics));
    }

    private static List<ValueCount> unitStatistics(FeatureNameStatistics statistics) {
        List<ValueCount> values = new ArrayList<>();
        for (CustomStatistic custom : statistics.getCustomStatsList()) {
            if (custom.hasNum()) {
                values.add(new ValueCount(custom.getName(), custom.getNum()));
            } else if (custom.hasRankHistogram()) {
                for (RankHistogram.Bucket bucket : custom.getRankHistogram().getBucketsList()) {
                    values.add(new ValueCount(custom.getName() + " " + bucket.getLabel(), bucket.getSampleCount()));
                }
            }
        }
        return values;
    }

    private static NaturalLanguageStatistics naturalLanguage(CustomStatistic custom) {
        if (!custom.getAny().is(NaturalLanguageStatistics.class)) {
            return null;
        }
        try {
            return custom.getAny().unpack(NaturalLanguageStatistics.class);
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    private static List<ValueCount> values(RankHistogram histogram) {
        List<ValueCount> values = new ArrayList<>();
        for (RankHistogram.Bucket bucket : histogram.getBucketsList()) {
            values.add(new ValueCount(bucket.getLabel(), bucket.getSampleCount()));
        }
        return values;
    }

    private static List<Bucket> buckets(Histogram histogram) {
        List<Bucket> buckets = new ArrayList<>();
        for (Histogram.Bucket bucket : histogram.getBucketsList()) {
            buckets.add(new Bucket(bucket.getLowValue(), bucket.getHighValue(), bucket.getSampleCount()));
        }
        return buckets;
    }
}
