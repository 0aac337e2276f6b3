package dev.veracity.cli;

import static dev.veracity.cli.StatisticsTable.count;
import static dev.veracity.cli.StatisticsTable.featureName;
import static dev.veracity.cli.StatisticsTable.number;
import static dev.veracity.cli.StatisticsTable.percent;
import static dev.veracity.cli.StatisticsTable.printable;

import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.RankHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a statistics file that are no table row: the semantic domains statistics found ({@code domain_info}
 * with its match ratio), image statistics, natural-language length histograms, and struct features with their
 * children (a feature whose path has one more step) nested under them.
 *
 * <pre>{@code
 * new StatisticsDetails(dataset).renderStructs(text);
 * }</pre>
 */
final class StatisticsDetails {
    private static final int LINE_WIDTH = 100;

    private final DatasetFeatureStatistics dataset;

    StatisticsDetails(DatasetFeatureStatistics dataset) {
        this.dataset = dataset;
    }

    /** {@return "Sparse feature", "Weighted feature" or "Other feature", from the feature's custom statistics} */
    static String otherKind(FeatureNameStatistics feature) {
        for (CustomStatistic custom : feature.getCustomStatsList()) {
            switch (custom.getName()) {
                case "missing_index", "max_length_diff", "min_length_diff" -> {
                    return "Sparse feature";
                }
                case "missing_weight", "max_weight_length_diff", "min_weight_length_diff" -> {
                    return "Weighted feature";
                }
                default -> {}
            }
        }
        return "Other feature";
    }

    /** {@return the line broken after commas so that no line passes 100 columns, continued with an indent} */
    static String wrap(String line) {
        StringBuilder text = new StringBuilder();
        String rest = line;
        String indent = "";
        while (indent.length() + rest.length() > LINE_WIDTH) {
            int cut = rest.lastIndexOf(", ", LINE_WIDTH - indent.length() - 2);
            if (cut <= 0) {
                break;
            }
            text.append(indent).append(rest, 0, cut + 1).append('\n');
            rest = rest.substring(cut + 2);
            indent = "    ";
        }
        return text.append(indent).append(rest).append('\n').toString();
    }

    /** Appends, per feature with a {@code domain_info}, the domain and the ratio of values that matched it. */
    void renderDomains(StringBuilder text) {
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            String domain = null;
            String ratio = null;
            for (CustomStatistic custom : feature.getCustomStatsList()) {
                switch (custom.getName()) {
                    case "domain_info" -> domain = custom.getStr();
                    case "time_match_ratio", "natural_language_match_rate" ->
                        ratio = String.format(Locale.ROOT, "%.1f%%", 100 * custom.getNum()) + " of values match";
                    default -> {}
                }
            }
            if (domain != null) {
                text.append(String.format(
                        Locale.ROOT,
                        "%nSemantic domain %s: %s%s%n",
                        featureName(feature),
                        printable(domain, 60),
                        ratio == null ? "" : " (" + ratio + ")"));
            }
        }
    }

    /** Appends, per feature with image statistics, its formats and largest width and height. */
    void renderImages(StringBuilder text) {
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            List<String> formats = new ArrayList<>();
            String width = "-";
            String height = "-";
            for (CustomStatistic custom : feature.getCustomStatsList()) {
                switch (custom.getName()) {
                    case "image_format_histogram" -> {
                        for (RankHistogram.Bucket bucket :
                                custom.getRankHistogram().getBucketsList()) {
                            formats.add(printable(bucket.getLabel(), 12) + " " + number(bucket.getSampleCount()));
                        }
                    }
                    case "image_max_width" -> width = number(custom.getNum());
                    case "image_max_height" -> height = number(custom.getNum());
                    default -> {}
                }
            }
            if (!formats.isEmpty()) {
                text.append(String.format(
                        Locale.ROOT,
                        "%nImages %s: %s; largest %s x %s%n",
                        featureName(feature),
                        String.join(", ", formats),
                        width,
                        height));
            }
        }
    }

    /** {@return a histogram as one line: {@code label: n buckets from low to high: b1 b2 ...}, the bounds shortened} */
    static String histogramLine(String label, Histogram histogram) {
        if (histogram.getBucketsCount() == 0) {
            return "";
        }
        List<Histogram.Bucket> buckets = histogram.getBucketsList();
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "  %s (%s, %d buckets): ",
                label,
                histogram.getType() == Histogram.HistogramType.QUANTILES ? "equal mass" : "equal width",
                buckets.size()));
        List<String> parts = new ArrayList<>();
        for (Histogram.Bucket bucket : buckets) {
            parts.add("[" + number(bucket.getLowValue()) + ", " + number(bucket.getHighValue()) + "] "
                    + number(bucket.getSampleCount()));
        }
        for (int i = 0; i < parts.size(); i++) {
            String part = (i == 0 ? "" : ", ") + parts.get(i);
            if (line.length() + part.length() > LINE_WIDTH - 5) {
                line.append(", ...");
                break;
            }
            line.append(part);
        }
        return line.append('\n').toString();
    }

    /**
     * Appends each struct feature (one with {@code struct_stats}, or whose path is a prefix of another's) with its
     * children nested under it, one line each: the last step of the path, its kind and presence.
     */
    void renderStructs(StringBuilder text) {
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            List<String> path = feature.getPath().getStepList();
            if (path.size() == 1 && (feature.hasStructStats() || !children(path).isEmpty())) {
                text.append(String.format(Locale.ROOT, "%nStruct %s: %s%n", featureName(feature), presence(feature)));
                renderChildren(path, 1, text);
            }
        }
    }

    private void renderChildren(List<String> parent, int depth, StringBuilder text) {
        for (FeatureNameStatistics child : children(parent)) {
            List<String> path = child.getPath().getStepList();
            String name = "  ".repeat(depth) + printable(path.get(path.size() - 1), 22);
            text.append(String.format(Locale.ROOT, "%-30s %-12s %s%n", name, kind(child), presence(child)));
            if (depth < 8) {
                renderChildren(path, depth + 1, text);
            }
        }
    }

    private List<FeatureNameStatistics> children(List<String> parent) {
        List<FeatureNameStatistics> children = new ArrayList<>();
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            List<String> path = feature.getPath().getStepList();
            if (path.size() == parent.size() + 1
                    && path.subList(0, parent.size()).equals(parent)) {
                children.add(feature);
            }
        }
        return children;
    }

    private static String kind(FeatureNameStatistics feature) {
        return switch (feature.getStatsCase()) {
            case NUM_STATS -> "numeric";
            case STRING_STATS -> "categorical";
            case BYTES_STATS -> "bytes";
            case STRUCT_STATS -> "struct";
            case STATS_NOT_SET -> "-";
        };
    }

    private static String presence(FeatureNameStatistics feature) {
        CommonStatistics common = switch (feature.getStatsCase()) {
            case NUM_STATS -> feature.getNumStats().getCommonStats();
            case STRING_STATS -> feature.getStringStats().getCommonStats();
            case BYTES_STATS -> feature.getBytesStats().getCommonStats();
            case STRUCT_STATS -> feature.getStructStats().getCommonStats();
            case STATS_NOT_SET -> CommonStatistics.getDefaultInstance();
        };
        return String.format(
                Locale.ROOT,
                "%s present, %s missing",
                count(common.getNumNonMissing()),
                percent(common.getNumMissing(), common.getNumMissing() + common.getNumNonMissing()));
    }
}
