package dev.veracity.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CrossFeatureStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.LiftSeries;
import dev.veracity.proto.NaturalLanguageStatistics;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.StringStatistics;
import dev.veracity.stats.StringAccumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders statistics as TFDV's display does: per dataset, a numeric table (count, missing %, mean, std dev, zeros %,
 * min, median, max) and a categorical table (count, missing %, unique, top value, its frequency, avg length), aligned
 * within 100 columns, then any lift (TFDV's {@code LiftStatistics} in {@code cross_features}), the values of highest
 * lift first. Reads features named by {@code name} or by {@code path} (TFDV writes paths).
 */
final class StatisticsTable {
    private static final int NAME_WIDTH = 22;
    private static final String NUMERIC_FORMAT = "%-22s %8s %7s %9s %9s %6s %9s %9s %9s%n";
    /** Lift values shown per label value; the file holds them all. */
    private static final int LIFT_ROWS = 10;

    private static final String CATEGORICAL_FORMAT = "%-22s %8s %7s %8s %-28s %8s %7s%n";

    String render(DatasetFeatureStatisticsList statistics) {
        StringBuilder text = new StringBuilder();
        int index = 0;
        for (DatasetFeatureStatistics dataset : statistics.getDatasetsList()) {
            if (index++ > 0) {
                text.append('\n');
            }
            renderDataset(dataset, text);
        }
        if (statistics.getDatasetsCount() == 0) {
            text.append("No datasets in this file.\n");
        }
        return text.toString();
    }

    private void renderDataset(DatasetFeatureStatistics dataset, StringBuilder text) {
        String name = dataset.getName().isEmpty() ? "(unnamed)" : dataset.getName();
        text.append(String.format(
                Locale.ROOT,
                "Dataset %s: %,d examples, %d features%n",
                name,
                dataset.getNumExamples(),
                dataset.getFeaturesCount()));
        List<FeatureNameStatistics> numeric = new ArrayList<>();
        List<FeatureNameStatistics> categorical = new ArrayList<>();
        List<FeatureNameStatistics> other = new ArrayList<>();
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            switch (feature.getStatsCase()) {
                case NUM_STATS -> numeric.add(feature);
                case STRING_STATS, BYTES_STATS -> categorical.add(feature);
                case STRUCT_STATS, STATS_NOT_SET -> other.add(feature);
            }
        }
        if (!numeric.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nNumeric features (%d)%n", numeric.size()));
            text.append(String.format(
                    Locale.ROOT,
                    NUMERIC_FORMAT,
                    "feature",
                    "count",
                    "missing",
                    "mean",
                    "std dev",
                    "zeros",
                    "min",
                    "median",
                    "max"));
            for (FeatureNameStatistics feature : numeric) {
                NumericStatistics s = feature.getNumStats();
                CommonStatistics c = s.getCommonStats();
                boolean hasValues = c.getTotNumValues() > 0;
                text.append(String.format(
                        Locale.ROOT,
                        NUMERIC_FORMAT,
                        featureName(feature),
                        count(c.getNumNonMissing()),
                        percent(c.getNumMissing(), c.getNumMissing() + c.getNumNonMissing()),
                        hasValues ? number(s.getMean()) : "-",
                        hasValues ? number(s.getStdDev()) : "-",
                        percent(s.getNumZeros(), c.getTotNumValues()),
                        hasValues ? number(s.getMin()) : "-",
                        hasValues ? number(s.getMedian()) : "-",
                        hasValues ? number(s.getMax()) : "-"));
            }
        }
        if (!categorical.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nCategorical features (%d)%n", categorical.size()));
            text.append(String.format(
                    Locale.ROOT,
                    CATEGORICAL_FORMAT,
                    "feature",
                    "count",
                    "missing",
                    "unique",
                    "top",
                    "freq top",
                    "avg len"));
            for (FeatureNameStatistics feature : categorical) {
                text.append(categoricalRow(feature));
            }
        }
        StatisticsDetails details = new StatisticsDetails(dataset);
        for (FeatureNameStatistics feature : other) {
            if (feature.getStatsCase() == FeatureNameStatistics.StatsCase.STRUCT_STATS) {
                continue; // under "Struct", with its children
            }
            text.append(StatisticsDetails.wrap(String.format(
                    Locale.ROOT,
                    "%n%s %s: %s",
                    StatisticsDetails.otherKind(feature),
                    featureName(feature),
                    feature.getCustomStatsCount() > 0 ? customSummary(feature) : "no statistics")));
        }
        details.renderStructs(text);
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            for (CustomStatistic custom : feature.getCustomStatsList()) {
                NaturalLanguageStatistics nl = naturalLanguage(custom);
                if (nl != null) {
                    text.append(String.format(
                            Locale.ROOT,
                            "%nNatural language %s: coverage %s, avg token length %s, sequence length %s to %s%n",
                            featureName(feature),
                            number(nl.getFeatureCoverage()),
                            number(nl.getAvgTokenLength()),
                            count(nl.getMinSequenceLength()),
                            count(nl.getMaxSequenceLength())));
                    text.append(StatisticsDetails.histogramLine("token length", nl.getTokenLengthHistogram()));
                    text.append(StatisticsDetails.histogramLine("sequence length", nl.getSequenceLengthHistogram()));
                }
            }
        }
        details.renderDomains(text);
        details.renderImages(text);
        for (CrossFeatureStatistics cross : dataset.getCrossFeaturesList()) {
            if (cross.getCategoricalCrossStats().hasLift()) {
                renderLift(cross, text);
            }
        }
    }

    /** Renders TFDV's lift of a feature against the label: per label value, the values of highest lift first. */
    private static void renderLift(CrossFeatureStatistics cross, StringBuilder text) {
        String x = printable(String.join(".", cross.getPathX().getStepList()), NAME_WIDTH);
        String y = printable(String.join(".", cross.getPathY().getStepList()), NAME_WIDTH);
        text.append(String.format(Locale.ROOT, "%nLift of %s against %s: P(%s | value) / P(%s)%n", x, y, y, y));
        for (LiftSeries series : cross.getCategoricalCrossStats().getLift().getLiftSeriesList()) {
            String label = series.hasYString()
                    ? printable(series.getYString(), 28)
                    : series.hasYBucket()
                            ? "[" + number(series.getYBucket().getLowValue()) + ", "
                                    + number(series.getYBucket().getHighValue()) + ")"
                            : Long.toString(series.getYInt());
            long yCount = series.hasWeightedYCount() ? Math.round(series.getWeightedYCount()) : series.getYCount();
            text.append(String.format(Locale.ROOT, "  %s=%s (%s examples)%n", y, label, count(yCount)));
            int shown = 0;
            for (LiftSeries.LiftValue value : series.getLiftValuesList()) {
                if (shown++ == LIFT_ROWS) {
                    text.append(String.format(
                            Locale.ROOT, "    ... %d more values%n", series.getLiftValuesCount() - LIFT_ROWS));
                    break;
                }
                String name = value.hasXString() ? printable(value.getXString(), 28) : Long.toString(value.getXInt());
                text.append(String.format(
                        Locale.ROOT,
                        "    %-28s %9s  %s of %s examples with it%n",
                        name,
                        number(value.getLift()),
                        count(
                                value.hasWeightedXAndYCount()
                                        ? Math.round(value.getWeightedXAndYCount())
                                        : value.getXAndYCount()),
                        count(value.hasWeightedXCount() ? Math.round(value.getWeightedXCount()) : value.getXCount())));
            }
        }
    }

    private String categoricalRow(FeatureNameStatistics feature) {
        if (feature.hasBytesStats()) {
            CommonStatistics c = feature.getBytesStats().getCommonStats();
            return String.format(
                    Locale.ROOT,
                    CATEGORICAL_FORMAT,
                    featureName(feature),
                    count(c.getNumNonMissing()),
                    percent(c.getNumMissing(), c.getNumMissing() + c.getNumNonMissing()),
                    count(feature.getBytesStats().getUnique()),
                    "(bytes)",
                    "-",
                    number(feature.getBytesStats().getAvgNumBytes()));
        }
        StringStatistics s = feature.getStringStats();
        CommonStatistics c = s.getCommonStats();
        boolean estimated = feature.getCustomStatsList().stream()
                .map(CustomStatistic::getName)
                .anyMatch(StringAccumulator.UNIQUE_RELATIVE_ERROR::equals);
        String top =
                s.getTopValuesCount() == 0 ? "-" : printable(s.getTopValues(0).getValue(), 28);
        String freq =
                s.getTopValuesCount() == 0 ? "-" : number(s.getTopValues(0).getFrequency());
        return String.format(
                Locale.ROOT,
                CATEGORICAL_FORMAT,
                featureName(feature),
                count(c.getNumNonMissing()),
                percent(c.getNumMissing(), c.getNumMissing() + c.getNumNonMissing()),
                (estimated ? "~" : "") + count(s.getUnique()),
                top,
                freq,
                c.getTotNumValues() > 0 || s.getUnique() > 0 ? number(s.getAvgLength()) : "-");
    }

    /** {@return the natural-language statistics a custom statistic holds, or null if it holds none} */
    private static NaturalLanguageStatistics naturalLanguage(CustomStatistic custom) {
        if (!custom.getName().equals("nl_statistics") || !custom.getAny().is(NaturalLanguageStatistics.class)) {
            return null;
        }
        try {
            return custom.getAny().unpack(NaturalLanguageStatistics.class);
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    /** {@return a sparse or weighted feature's custom statistics, e.g. {@code missing_value 2, missing_index a:1}} */
    private static String customSummary(FeatureNameStatistics feature) {
        List<String> parts = new ArrayList<>();
        for (CustomStatistic custom : feature.getCustomStatsList()) {
            String value = switch (custom.getValCase()) {
                case NUM -> number(custom.getNum());
                case RANK_HISTOGRAM ->
                    String.join(
                            " ",
                            custom.getRankHistogram().getBucketsList().stream()
                                    .map(b -> printable(b.getLabel(), NAME_WIDTH) + ":" + number(b.getSampleCount()))
                                    .toList());
                case STR -> printable(custom.getStr(), NAME_WIDTH);
                case HISTOGRAM, ANY, VAL_NOT_SET -> "...";
            };
            parts.add(printable(custom.getName(), NAME_WIDTH) + " " + value);
        }
        return String.join(", ", parts);
    }

    static String featureName(FeatureNameStatistics feature) {
        String name = feature.hasPath() ? String.join(".", feature.getPath().getStepList()) : feature.getName();
        return printable(name, NAME_WIDTH);
    }

    /** Escapes control characters and shortens to {@code width} display characters with an ellipsis. */
    static String printable(String value, int width) {
        return TerminalText.printable(value, width);
    }

    static String count(long n) {
        return n < 10_000_000 ? String.format(Locale.ROOT, "%,d", n) : String.format(Locale.ROOT, "%.2e", (double) n);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** A number in at most 9 characters: integers grouped, others with as many decimals as fit. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(x);
        if (x == Math.rint(x) && magnitude < 1e7) {
            return String.format(Locale.ROOT, "%,d", (long) x);
        }
        if (magnitude >= 1e7 || magnitude < 1e-3) {
            return String.format(Locale.ROOT, x < 0 ? "%.2e" : "%.3e", x);
        }
        for (int decimals = 4; decimals > 0; decimals--) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
            if (s.length() <= 9) {
                return s;
            }
        }
        return String.format(Locale.ROOT, "%.0f", x);
    }
}
