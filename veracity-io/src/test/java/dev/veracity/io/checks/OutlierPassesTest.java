package dev.veracity.io.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.Veracity;
import dev.veracity.io.table.TableOptions;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.stats.OutlierStatistics;
import dev.veracity.validate.checks.Check;
import dev.veracity.validate.checks.CheckResult;
import dev.veracity.validate.checks.CustomChecks;
import dev.veracity.validate.checks.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outlier counts from the real statistics path, against brute-force counts over the generated values. */
class OutlierPassesTest {
    private static final double RANK_ERROR = 0.02;

    @TempDir
    Path dir;

    @Test
    void countsEqualABruteForceCountAtTheStatedFencesAndMad() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int rows = 3000 + random.nextInt(4000);
            double[] x = new double[rows];
            long[] n = new long[rows];
            StringBuilder csv = new StringBuilder("x,n,label\n");
            for (int i = 0; i < rows; i++) {
                double v = 50 + 10 * gaussian(random);
                if (random.nextInt(50) == 0) {
                    v += (random.nextBoolean() ? 1 : -1) * (40 + random.nextDouble() * 200); // injected outliers
                }
                x[i] = Math.round(v * 100) / 100.0;
                n[i] = (long) Math.floor(Math.exp(2 + gaussian(random))); // skewed integers
                csv.append(x[i])
                        .append(',')
                        .append(n[i])
                        .append(',')
                        .append(i % 3 == 0 ? "a" : "b")
                        .append('\n');
            }
            Path file = dir.resolve("data-" + seed + ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            DatasetFeatureStatisticsList statistics =
                    Veracity.statistics(file).compute().statistics();

            DatasetFeatureStatistics dataset = OutlierPasses.add(
                            statistics, List.of(file), TableOptions.DEFAULT, OutlierStatistics.DEFAULT_K)
                    .getDatasets(0);

            check(feature(dataset, "x"), x);
            double[] asDoubles = Arrays.stream(n).asDoubleStream().toArray();
            check(feature(dataset, "n"), asDoubles);
            assertThat(feature(dataset, "label").getCustomStatsList())
                    .noneMatch(c -> c.getName().startsWith("outliers_"));
        }
    }

    @Test
    void customChecksBoundTheCounts() throws IOException {
        StringBuilder csv = new StringBuilder("x\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i % 10).append('\n');
        }
        csv.append("1000\n-500\n"); // two far outliers
        Path file = dir.resolve("x.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        DatasetFeatureStatistics dataset = OutlierPasses.add(
                        Veracity.statistics(file).compute().statistics(), List.of(file), TableOptions.DEFAULT, 3.5)
                .getDatasets(0);
        List<CheckResult> results = CustomChecks.of(List.of(
                        Check.of("x", Metric.OUTLIERS_TUKEY_3).withBounds(0, 1),
                        Check.of("x", Metric.OUTLIERS_TUKEY_1_5).withBounds(0, 2),
                        Check.of("x", Metric.OUTLIERS_ROBUST_Z).withBounds(0, 2)))
                .evaluate(dataset);
        assertThat(results).extracting(CheckResult::passed).containsExactly(false, true, true);
        assertThat(results.get(0).current().value()).isEqualTo(2);
        assertThat(results.get(0).description()).contains("outliers_tukey_3");
    }

    private static void check(FeatureNameStatistics feature, double[] values) {
        double q1 = OutlierStatistics.quantile(feature.getNumStats(), 0.25).orElseThrow();
        double q3 = OutlierStatistics.quantile(feature.getNumStats(), 0.75).orElseThrow();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // the stated estimate: Q1 and Q3 from the QUANTILES histogram, within the sketch's rank error (+ interpolation)
        assertRank(sorted, q1, 0.25, RANK_ERROR + 0.05);
        assertRank(sorted, q3, 0.75, RANK_ERROR + 0.05);
        double iqr = q3 - q1;
        long tukey15 = Arrays.stream(values)
                .filter(v -> v < q1 - 1.5 * iqr || v > q3 + 1.5 * iqr)
                .count();
        long tukey3 = Arrays.stream(values)
                .filter(v -> v < q1 - 3 * iqr || v > q3 + 3 * iqr)
                .count();
        assertThat(custom(feature, OutlierStatistics.TUKEY_1_5)).isEqualTo(tukey15);
        assertThat(custom(feature, OutlierStatistics.TUKEY_3)).isEqualTo(tukey3);
        double median = feature.getNumStats().getMedian();
        double mad = custom(feature, OutlierStatistics.MAD);
        double[] deviations =
                Arrays.stream(values).map(v -> Math.abs(v - median)).sorted().toArray();
        assertRank(deviations, mad, 0.5, RANK_ERROR);
        double limit = OutlierStatistics.DEFAULT_K * mad / 0.6745;
        long robust =
                Arrays.stream(values).filter(v -> Math.abs(v - median) > limit).count();
        assertThat(custom(feature, OutlierStatistics.ROBUST_Z)).isEqualTo(robust);
        assertThat(custom(feature, OutlierStatistics.ROBUST_Z_K)).isEqualTo(OutlierStatistics.DEFAULT_K);
    }

    /** Asserts that some rank of {@code v} among the sorted values (ties span a range) is within {@code error}. */
    private static void assertRank(double[] sorted, double v, double expected, double error) {
        int below = 0;
        int equal = 0;
        for (double s : sorted) {
            if (s < v) {
                below++;
            } else if (s == v) {
                equal++;
            }
        }
        double low = (double) below / sorted.length;
        double high = (double) (below + equal) / sorted.length;
        assertThat(Math.max(low - expected, expected - high))
                .as("rank range [%s, %s] of %s against %s", low, high, v, expected)
                .isLessThanOrEqualTo(error);
    }

    private static double custom(FeatureNameStatistics feature, String name) {
        return feature.getCustomStatsList().stream()
                .filter(c -> c.getName().equals(name))
                .mapToDouble(CustomStatistic::getNum)
                .findFirst()
                .orElseThrow(() -> new AssertionError(feature.getName() + " lacks " + name));
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatistics dataset, String name) {
        return dataset.getFeaturesList().stream()
                .filter(f -> f.getName().equals(name) || f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
