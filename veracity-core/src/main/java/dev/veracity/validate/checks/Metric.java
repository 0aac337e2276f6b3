package dev.veracity.validate.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A number read from TFDV's statistics of one feature (or of the dataset) that a custom check bounds. Each constant
 * names the statistics fields it reads; "common" is the {@code common_stats} of whichever of {@code num_stats},
 * {@code string_stats}, {@code bytes_stats} or {@code struct_stats} the feature has.
 *
 * <pre>{@code
 * Metric.parse("missing_fraction")   // Optional[MISSING_FRACTION]
 * }</pre>
 */
public enum Metric {
    /** {@code num_examples} of the dataset (weighted statistics are not read). A dataset metric: no feature. */
    NUM_EXAMPLES(true),
    /** {@code common.num_missing}: examples in which the feature is absent. */
    NUM_MISSING(false),
    /** {@code common.num_non_missing}: examples in which the feature is present. */
    NUM_NON_MISSING(false),
    /** {@code num_missing / (num_missing + num_non_missing)}; unavailable when both are 0. */
    MISSING_FRACTION(false),
    /** {@code num_stats.mean}: the mean of the values that are not NaN. */
    MEAN(false),
    /** {@code num_stats.std_dev}: the population standard deviation of the values that are not NaN. */
    STD_DEV(false),
    /** {@code num_stats.min}. */
    MIN(false),
    /** {@code num_stats.max}. */
    MAX(false),
    /** {@code num_stats.median} (from the quantile sketch: within its rank error). */
    MEDIAN(false),
    /**
     * The {@code q}-quantile read off the {@code QUANTILES} histogram of {@code num_stats}: with k equal-mass buckets,
     * the edge at rank i/k is exact up to the sketch's rank error; between edges the value is interpolated linearly.
     */
    QUANTILE(false),
    /** {@code num_stats.num_zeros / common.tot_num_values}: the fraction of values equal to 0. */
    ZEROS_FRACTION(false),
    /** {@code num_stats.num_zeros}: the values equal to 0. */
    NUM_ZEROS(false),
    /** {@code string_stats.unique} (or {@code bytes_stats.unique}): distinct values. */
    UNIQUE(false),
    /**
     * {@code string_stats.unique / common.tot_num_values} (or {@code bytes_stats}): 1 when every value is distinct
     * (Deequ's uniqueness, on values).
     */
    UNIQUE_FRACTION(false),
    /** {@code string_stats.top_values[0].frequency / common.tot_num_values}: the share of the most frequent value. */
    TOP_VALUE_FRACTION(false),
    /** {@code string_stats.avg_length}: the mean length of the values in bytes. */
    AVG_LENGTH(false),
    /** {@code common.tot_num_values}: values over all examples. */
    NUM_VALUES(false),
    /** {@code common.avg_num_values}: values per example in which the feature is present. */
    AVG_NUM_VALUES(false),
    /** {@code common.min_num_values}. */
    MIN_NUM_VALUES(false),
    /** {@code common.max_num_values}. */
    MAX_NUM_VALUES(false),
    /**
     * The custom statistic {@code outliers_tukey_1_5}: values outside Tukey's fences at 1.5 IQR (written by
     * {@code stats --outliers}, see {@link dev.veracity.stats.OutlierStatistics}).
     */
    OUTLIERS_TUKEY_1_5(false),
    /** The custom statistic {@code outliers_tukey_3}: values outside Tukey's fences at 3 IQR. */
    OUTLIERS_TUKEY_3(false),
    /** The custom statistic {@code outliers_robust_z}: values beyond k modified z-scores (median and MAD). */
    OUTLIERS_ROBUST_Z(false),
    /**
     * The age in seconds of the feature's newest time at the run's time ({@code --now}): now minus the newest time,
     * which is {@code num_stats.max} for a numeric feature (epoch seconds, or epoch milliseconds when it is above
     * 10^11, i.e. after 1973 in milliseconds; in seconds that would be the year 5138) or the custom statistic
     * {@code time_max} of a string feature of ISO-8601 times (written by {@code stats --newest-time}). In a checks
     * file: {@code {metric: freshness, feature: T, max_age: 36h}}.
     */
    FRESHNESS(false);

    private final boolean dataset;

    Metric(boolean dataset) {
        this.dataset = dataset;
    }

    /** {@return whether the metric is of the dataset rather than of a feature} */
    public boolean isDatasetMetric() {
        return dataset;
    }

    /** {@return the name in checks files: the constant in lower case, e.g. {@code missing_fraction}} */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the metric of this name in a checks file ({@code mean}, {@code missing_fraction}, ...)} */
    public static Optional<Metric> parse(String name) {
        return Arrays.stream(values())
                .filter(m -> m.fileName().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** {@return the names of all metrics in checks files, in declaration order} */
    public static List<String> fileNames() {
        return Arrays.stream(values()).map(Metric::fileName).toList();
    }
}
