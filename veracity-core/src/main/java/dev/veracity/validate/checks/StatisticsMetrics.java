package dev.veracity.validate.checks;

import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.schema.PathNames;
import dev.veracity.stats.NewestTimes;
import dev.veracity.stats.OutlierStatistics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the {@link Metric}s of one dataset's statistics, as each constant's Javadoc defines them.
 *
 * <pre>{@code
 * StatisticsMetrics metrics = StatisticsMetrics.of(dataset);
 * double mean = metrics.value("fare", Metric.MEAN, Double.NaN).value();
 * }</pre>
 */
public final class StatisticsMetrics {
    private final DatasetFeatureStatistics dataset;
    private final Map<String, FeatureNameStatistics> features = new LinkedHashMap<>();
    private final java.time.Instant now; // null: no run time, freshness not computable

    private StatisticsMetrics(DatasetFeatureStatistics dataset, java.time.Instant now) {
        this.dataset = dataset;
        this.now = now;
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            features.put(feature.hasPath() ? PathNames.serialize(feature.getPath()) : feature.getName(), feature);
        }
    }

    /**
     * {@return these metrics measured at {@code runTime}: the reference of {@link Metric#FRESHNESS}, which is not
     * computable without one}
     */
    public StatisticsMetrics at(java.time.Instant runTime) {
        return new StatisticsMetrics(dataset, Objects.requireNonNull(runTime, "runTime is null"));
    }

    /** {@return the metrics of {@code dataset}} */
    public static StatisticsMetrics of(DatasetFeatureStatistics dataset) {
        return new StatisticsMetrics(Objects.requireNonNull(dataset, "dataset is null"), null);
    }

    /** {@return the feature names (serialized paths) of the statistics, in statistics order} */
    public java.util.Set<String> featureNames() {
        return java.util.Collections.unmodifiableSet(features.keySet());
    }

    /** {@return the statistics of a feature, if the dataset has it} */
    public Optional<FeatureNameStatistics> feature(String name) {
        return Optional.ofNullable(features.get(name));
    }

    /**
     * {@return the value of {@code metric} for {@code feature} (ignored for dataset metrics)}
     *
     * @param q the quantile's rank in [0, 1] for {@link Metric#QUANTILE}, else ignored
     */
    public MetricValue value(String feature, Metric metric, double q) {
        if (metric == Metric.NUM_EXAMPLES) {
            return MetricValue.of(dataset.getNumExamples());
        }
        FeatureNameStatistics statistics = features.get(feature);
        if (statistics == null) {
            return MetricValue.unavailable("the statistics have no feature " + feature);
        }
        Optional<CommonStatistics> common = common(statistics);
        NumericStatistics numeric = statistics.hasNumStats() ? statistics.getNumStats() : null;
        return switch (metric) {
            case NUM_EXAMPLES -> MetricValue.of(dataset.getNumExamples());
            case NUM_MISSING ->
                common.map(c -> MetricValue.of(c.getNumMissing())).orElse(noCommon(feature));
            case NUM_NON_MISSING ->
                common.map(c -> MetricValue.of(c.getNumNonMissing())).orElse(noCommon(feature));
            case MISSING_FRACTION ->
                common.map(c -> c.getNumMissing() + c.getNumNonMissing() == 0
                                ? MetricValue.unavailable(feature + " has no examples")
                                : MetricValue.of(
                                        (double) c.getNumMissing() / (c.getNumMissing() + c.getNumNonMissing())))
                        .orElse(noCommon(feature));
            case NUM_VALUES ->
                common.map(c -> MetricValue.of(c.getTotNumValues())).orElse(noCommon(feature));
            case AVG_NUM_VALUES ->
                common.map(c -> MetricValue.of(c.getAvgNumValues())).orElse(noCommon(feature));
            case MIN_NUM_VALUES ->
                common.map(c -> MetricValue.of(c.getMinNumValues())).orElse(noCommon(feature));
            case MAX_NUM_VALUES ->
                common.map(c -> MetricValue.of(c.getMaxNumValues())).orElse(noCommon(feature));
            case MEAN -> numeric == null ? noNumeric(feature) : present(feature, numeric, numeric.getMean());
            case STD_DEV -> numeric == null ? noNumeric(feature) : present(feature, numeric, numeric.getStdDev());
            case MIN -> numeric == null ? noNumeric(feature) : present(feature, numeric, numeric.getMin());
            case MAX -> numeric == null ? noNumeric(feature) : present(feature, numeric, numeric.getMax());
            case MEDIAN -> numeric == null ? noNumeric(feature) : present(feature, numeric, numeric.getMedian());
            case QUANTILE -> numeric == null ? noNumeric(feature) : quantile(feature, numeric, q);
            case NUM_ZEROS -> numeric == null ? noNumeric(feature) : MetricValue.of(numeric.getNumZeros());
            case ZEROS_FRACTION ->
                numeric == null
                        ? noNumeric(feature)
                        : numeric.getCommonStats().getTotNumValues() == 0
                                ? MetricValue.unavailable(feature + " has no values")
                                : MetricValue.of((double) numeric.getNumZeros()
                                        / numeric.getCommonStats().getTotNumValues());
            case UNIQUE ->
                statistics.hasStringStats()
                        ? MetricValue.of(statistics.getStringStats().getUnique())
                        : statistics.hasBytesStats()
                                ? MetricValue.of(statistics.getBytesStats().getUnique())
                                : MetricValue.unavailable(feature + " has no string statistics (unique is counted for "
                                        + "strings only)");
            case UNIQUE_FRACTION -> uniqueFraction(feature, statistics);
            case TOP_VALUE_FRACTION -> topValueFraction(feature, statistics);
            case AVG_LENGTH ->
                statistics.hasStringStats()
                        ? MetricValue.of(statistics.getStringStats().getAvgLength())
                        : MetricValue.unavailable(feature + " has no string statistics");
            case OUTLIERS_TUKEY_1_5 -> custom(feature, statistics, OutlierStatistics.TUKEY_1_5);
            case OUTLIERS_TUKEY_3 -> custom(feature, statistics, OutlierStatistics.TUKEY_3);
            case OUTLIERS_ROBUST_Z -> custom(feature, statistics, OutlierStatistics.ROBUST_Z);
            case FRESHNESS -> freshness(feature, statistics, numeric);
        };
    }

    /**
     * {@return every metric of a feature that its statistics hold, in declaration order (no quantile, no dataset
     * metric)}: what metric history records per span
     */
    public Map<Metric, Double> available(String feature) {
        Map<Metric, Double> values = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (metric.isDatasetMetric() || metric == Metric.QUANTILE || metric == Metric.FRESHNESS) {
                continue;
            }
            MetricValue value = value(feature, metric, Double.NaN);
            if (value.isAvailable() && !Double.isNaN(value.value())) {
                values.put(metric, value.value());
            }
        }
        return values;
    }

    private static MetricValue present(String feature, NumericStatistics numeric, double value) {
        if (numeric.getCommonStats().getTotNumValues() == 0) {
            return MetricValue.unavailable(feature + " has no values");
        }
        return MetricValue.of(value);
    }

    private static MetricValue quantile(String feature, NumericStatistics numeric, double q) {
        return OutlierStatistics.quantile(numeric, q)
                .map(MetricValue::of)
                .orElseGet(() -> MetricValue.unavailable(feature + " has no QUANTILES histogram"));
    }

    /** Epoch values above this are milliseconds (after 1973-03-03 in milliseconds; the year 5138 in seconds). */
    static final double MILLISECONDS_ABOVE = 1e11;

    private MetricValue freshness(String feature, FeatureNameStatistics statistics, NumericStatistics numeric) {
        if (now == null) {
            return MetricValue.unavailable("no run time to measure the age of " + feature + " at");
        }
        double newest;
        if (numeric != null) {
            if (numeric.getCommonStats().getTotNumValues() == 0) {
                return MetricValue.unavailable(feature + " has no values");
            }
            newest = numeric.getMax() > MILLISECONDS_ABOVE ? numeric.getMax() / 1000 : numeric.getMax();
        } else {
            MetricValue max = custom(feature, statistics, NewestTimes.TIME_MAX);
            if (!max.isAvailable()) {
                return MetricValue.unavailable(feature + " has no numeric statistics and no custom statistic "
                        + NewestTimes.TIME_MAX + " (stats --newest-time writes it for ISO-8601 times)");
            }
            newest = max.value();
        }
        return MetricValue.of(now.getEpochSecond() + now.getNano() / 1e9 - newest);
    }

    private static MetricValue custom(String feature, FeatureNameStatistics statistics, String name) {
        return statistics.getCustomStatsList().stream()
                .filter(c -> c.getName().equals(name) && c.getValCase() == CustomStatistic.ValCase.NUM)
                .findFirst()
                .map(c -> MetricValue.of(c.getNum()))
                .orElseGet(() -> MetricValue.unavailable(feature + " has no custom statistic " + name
                        + " (computed by stats --outliers for numeric features)"));
    }

    private static MetricValue uniqueFraction(String feature, FeatureNameStatistics statistics) {
        long unique;
        long values;
        if (statistics.hasStringStats()) {
            unique = statistics.getStringStats().getUnique();
            values = statistics.getStringStats().getCommonStats().getTotNumValues();
        } else if (statistics.hasBytesStats()) {
            unique = statistics.getBytesStats().getUnique();
            values = statistics.getBytesStats().getCommonStats().getTotNumValues();
        } else {
            return MetricValue.unavailable(feature + " has no string statistics (unique is counted for strings only)");
        }
        return values == 0
                ? MetricValue.unavailable(feature + " has no values")
                : MetricValue.of((double) unique / values);
    }

    private static MetricValue topValueFraction(String feature, FeatureNameStatistics statistics) {
        if (!statistics.hasStringStats()) {
            return MetricValue.unavailable(feature + " has no string statistics");
        }
        long values = statistics.getStringStats().getCommonStats().getTotNumValues();
        if (statistics.getStringStats().getTopValuesCount() == 0 || values == 0) {
            return MetricValue.unavailable(feature + " has no top values (none, or hidden as PII)");
        }
        return MetricValue.of(statistics.getStringStats().getTopValues(0).getFrequency() / values);
    }

    private static MetricValue noCommon(String feature) {
        return MetricValue.unavailable(feature + " has no common statistics");
    }

    private static MetricValue noNumeric(String feature) {
        return MetricValue.unavailable(feature + " has no numeric statistics");
    }

    /** {@return the common statistics of the feature's kind} */
    static Optional<CommonStatistics> common(FeatureNameStatistics feature) {
        return switch (feature.getStatsCase()) {
            case NUM_STATS -> Optional.of(feature.getNumStats().getCommonStats());
            case STRING_STATS -> Optional.of(feature.getStringStats().getCommonStats());
            case BYTES_STATS -> Optional.of(feature.getBytesStats().getCommonStats());
            case STRUCT_STATS -> Optional.of(feature.getStructStats().getCommonStats());
            case STATS_NOT_SET -> Optional.empty();
        };
    }
}
