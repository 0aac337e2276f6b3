package dev.veracity.io.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.validate.checks.Check;
import dev.veracity.validate.checks.CheckResult;
import dev.veracity.validate.checks.CustomChecks;
import dev.veracity.validate.checks.Metric;
import dev.veracity.validate.checks.MetricValue;
import dev.veracity.validate.checks.StatisticsMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each metric read from statistics computed by the real statistics path, against a brute-force count of the rows. */
class StatisticsMetricsTest {
    private static final int ROWS = 5000;
    private static final double KLL_RANK_ERROR = 0.02;

    @TempDir
    static Path directory;

    private static final List<Double> fares = new ArrayList<>();
    private static final List<String> companies = new ArrayList<>();
    private static int examples;
    private static DatasetFeatureStatistics dataset;

    @BeforeAll
    static void computeStatistics() throws IOException {
        SplittableRandom random = new SplittableRandom(20261206L);
        StringBuilder csv = new StringBuilder("fare,company\n");
        for (int row = 0; row < ROWS; row++) {
            String fare = "";
            if (random.nextInt(10) != 0) {
                double value = random.nextInt(8) == 0 ? 0 : Math.round(random.nextDouble(0, 80) * 100) / 100.0;
                fares.add(value);
                fare = Double.toString(value);
            }
            String company = "";
            if (random.nextInt(20) != 0) {
                int k = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 40);
                company = "company" + "x".repeat(k % 5) + k;
                companies.add(company);
            }
            csv.append(fare).append(',').append(company).append('\n');
        }
        examples = ROWS;
        Path file = directory.resolve("trips.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        StatisticsOptions options =
                StatisticsOptions.builder().numQuantilesHistogramBuckets(100).build();
        dataset = Veracity.statistics(file)
                .withOptions(options)
                .compute()
                .statistics()
                .getDatasets(0);
    }

    private static double value(String feature, Metric metric) {
        return StatisticsMetrics.of(dataset).value(feature, metric, Double.NaN).value();
    }

    @Test
    void countsAndFractionsAreExact() {
        assertThat(value("", Metric.NUM_EXAMPLES)).isEqualTo(examples);
        assertThat(value("fare", Metric.NUM_MISSING)).isEqualTo(examples - fares.size());
        assertThat(value("fare", Metric.NUM_NON_MISSING)).isEqualTo(fares.size());
        assertThat(value("fare", Metric.MISSING_FRACTION))
                .isCloseTo((double) (examples - fares.size()) / examples, within(1e-12));
        assertThat(value("company", Metric.MISSING_FRACTION))
                .isCloseTo((double) (examples - companies.size()) / examples, within(1e-12));
        long zeros = fares.stream().filter(f -> f == 0).count();
        assertThat(value("fare", Metric.NUM_ZEROS)).isEqualTo(zeros);
        assertThat(value("fare", Metric.ZEROS_FRACTION)).isCloseTo((double) zeros / fares.size(), within(1e-12));
        assertThat(value("fare", Metric.NUM_VALUES)).isEqualTo(fares.size());
        assertThat(value("fare", Metric.AVG_NUM_VALUES)).isCloseTo(1.0, within(1e-6));
        assertThat(value("fare", Metric.MIN_NUM_VALUES)).isEqualTo(1);
        assertThat(value("fare", Metric.MAX_NUM_VALUES)).isEqualTo(1);
    }

    @Test
    void momentsAndExtremesMatchTheValues() {
        double[] v = fares.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = Arrays.stream(v).average().orElseThrow();
        double variance = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
        assertThat(value("fare", Metric.MEAN)).isCloseTo(mean, within(1e-9));
        assertThat(value("fare", Metric.STD_DEV)).isCloseTo(Math.sqrt(variance), within(1e-9));
        assertThat(value("fare", Metric.MIN)).isEqualTo(Arrays.stream(v).min().orElseThrow());
        assertThat(value("fare", Metric.MAX)).isEqualTo(Arrays.stream(v).max().orElseThrow());
    }

    @Test
    void medianAndQuantilesAreWithinTheSketchRankError() {
        double[] sorted =
                fares.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertIsQuantile(sorted, value("fare", Metric.MEDIAN), 0.5);
        for (double q : new double[] {0.01, 0.1, 0.25, 0.9, 0.99}) {
            double quantile = StatisticsMetrics.of(dataset)
                    .value("fare", Metric.QUANTILE, q)
                    .value();
            assertIsQuantile(sorted, quantile, q);
        }
        assertThat(StatisticsMetrics.of(dataset)
                        .value("fare", Metric.QUANTILE, 0)
                        .value())
                .isEqualTo(sorted[0]);
        assertThat(StatisticsMetrics.of(dataset)
                        .value("fare", Metric.QUANTILE, 1)
                        .value())
                .isEqualTo(sorted[sorted.length - 1]);
    }

    /** {@code x} is a q-quantile within the rank error: at most q + e of the values below it, q - e at most it. */
    private static void assertIsQuantile(double[] sorted, double x, double q) {
        int below = 0;
        int atMost = 0;
        for (double v : sorted) {
            below += v < x ? 1 : 0;
            atMost += v <= x ? 1 : 0;
        }
        assertThat((double) below / sorted.length).as("below %s (q=%s)", x, q).isLessThanOrEqualTo(q + KLL_RANK_ERROR);
        assertThat((double) atMost / sorted.length)
                .as("at most %s (q=%s)", x, q)
                .isGreaterThanOrEqualTo(q - KLL_RANK_ERROR);
    }

    @Test
    void stringMetricsMatchTheValues() {
        Map<String, Integer> counts = new HashMap<>();
        companies.forEach(c -> counts.merge(c, 1, Integer::sum));
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        double avgLength = companies.stream().mapToInt(String::length).average().orElseThrow();
        assertThat(value("company", Metric.UNIQUE)).isEqualTo(counts.size());
        assertThat(value("company", Metric.UNIQUE_FRACTION))
                .isCloseTo((double) counts.size() / companies.size(), within(1e-12));
        assertThat(value("company", Metric.TOP_VALUE_FRACTION))
                .isCloseTo((double) top / companies.size(), within(1e-9));
        assertThat(value("company", Metric.AVG_LENGTH)).isCloseTo(avgLength, within(1e-4));
        assertThat(value("company", Metric.NUM_VALUES)).isEqualTo(companies.size());
    }

    @Test
    void aMetricOfTheWrongKindIsUnavailableAndItsCheckFailsSayingWhy() {
        assertThat(StatisticsMetrics.of(dataset)
                        .value("company", Metric.MEAN, Double.NaN)
                        .unavailable())
                .isEqualTo("company has no numeric statistics");
        List<CheckResult> results = CustomChecks.of(
                        List.of(Check.of("company", Metric.MEAN).withBounds(0, 10)))
                .evaluate(dataset);
        assertThat(results.get(0).passed()).isFalse();
        assertThat(results.get(0).description()).contains("could not be computed: company has no numeric statistics");
    }

    @Test
    void boundsAreInclusiveForEveryExactMetric() {
        for (Metric metric : Metric.values()) {
            String feature = metric.isDatasetMetric()
                    ? ""
                    : StatisticsMetrics.of(dataset).value("fare", metric, 0.5).isAvailable() ? "fare" : "company";
            double q = metric == Metric.QUANTILE ? 0.5 : Double.NaN;
            MetricValue value = StatisticsMetrics.of(dataset).value(feature, metric, q);
            if (!value.isAvailable()) {
                // only the outlier counts (written by stats --outliers: OutlierPassesTest) and freshness (it needs
                // a run time: FreshnessTest) are absent
                assertThat(metric.fileName()).as(value.unavailable()).matches("outliers_.*|freshness");
                continue;
            }
            double v = value.value();
            Check exact = Check.of(feature, metric).withQ(q).withBounds(v, v);
            Check above = Check.of(feature, metric).withQ(q).withBounds(Math.nextUp(v), Double.POSITIVE_INFINITY);
            Check below = Check.of(feature, metric).withQ(q).withBounds(Double.NEGATIVE_INFINITY, Math.nextDown(v));
            List<CheckResult> results =
                    CustomChecks.of(List.of(exact, above, below)).evaluate(dataset);
            assertThat(results)
                    .extracting(CheckResult::passed)
                    .as(metric.name())
                    .containsExactly(true, false, false);
        }
    }
}
