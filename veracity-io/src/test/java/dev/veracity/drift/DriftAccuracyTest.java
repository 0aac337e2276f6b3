package dev.veracity.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How far KS and Wasserstein from sketched QUANTILES histograms are from the exact values on the raw samples:
 * samples written to CSV, described by the {@link Veracity} facade with 10 (TFDV's default) and 100 buckets. Each
 * error must stay within the documented bound; the measured errors are written to
 * {@code target/drift-accuracy.md} (quoted in DECISIONS.md).
 */
class DriftAccuracyTest {
    private static final int SEEDS = 3;
    private static final int[] SIZES = {1000, 20_000};
    private static final int[] BUCKETS = {10, 100};
    private static final double[] SHIFTS = {0, 0.5};

    @TempDir
    Path dir;

    private enum Shape {
        NORMAL,
        LOGNORMAL
    }

    private record Row(
            Shape shape,
            int n,
            int buckets,
            double shift,
            double ksError,
            double ksBound,
            double wassersteinError,
            double wassersteinBound,
            double exactWasserstein) {}

    @Test
    void sketchedDistancesStayWithinTheirBoundsAndTheMeasuredErrorsAreRecorded() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            for (int n : SIZES) {
                for (int seed = 0; seed < SEEDS; seed++) {
                    Random random = new Random(31L * seed + n + shape.ordinal());
                    double[] baseline = sample(random, shape, n, 0);
                    for (double shift : SHIFTS) {
                        double[] current = sample(random, shape, n, shift);
                        for (int buckets : BUCKETS) {
                            rows.add(measure(shape, n, buckets, shift, baseline, current));
                        }
                    }
                }
            }
        }
        for (Row row : rows) {
            assertThat(row.ksError()).as(row.toString()).isLessThanOrEqualTo(row.ksBound());
            assertThat(row.wassersteinError()).as(row.toString()).isLessThanOrEqualTo(row.wassersteinBound());
        }
        Files.writeString(Path.of("target", "drift-accuracy.md"), table(rows), StandardCharsets.UTF_8);
    }

    /** Normal(shift, 1), or lognormal exp(Normal(0, 1)) + shift (a shift in units of about half its σ of 2.16). */
    private static double[] sample(Random random, Shape shape, int n, double shift) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double g = random.nextGaussian();
            values[i] = (shape == Shape.NORMAL ? g : Math.exp(g)) + shift;
        }
        return values;
    }

    private Row measure(Shape shape, int n, int buckets, double shift, double[] baseline, double[] current)
            throws IOException {
        StatisticsOptions options = StatisticsOptions.DEFAULT.withNumHistogramBuckets(buckets);
        FeatureNameStatistics before = statistics(baseline, options);
        FeatureNameStatistics after = statistics(current, options);
        DriftResult ks = FeatureDrift.compare("x", before, after, DriftTest.KS, 0.05);
        DriftResult wasserstein = FeatureDrift.compare("x", before, after, DriftTest.WASSERSTEIN, 0.1);
        double stdDev = before.getNumStats().getStdDev();
        double exactWasserstein = exactWasserstein(baseline, current) / Math.max(stdDev, 0.001);
        return new Row(
                shape,
                n,
                buckets,
                shift,
                Math.abs(ks.statistic() - exactKs(baseline, current)),
                ks.errorBound(),
                Math.abs(wasserstein.statistic() - exactWasserstein),
                wasserstein.errorBound(),
                exactWasserstein);
    }

    private FeatureNameStatistics statistics(double[] values, StatisticsOptions options) throws IOException {
        StringBuilder csv = new StringBuilder("x\n");
        for (double value : values) {
            csv.append(value).append('\n');
        }
        Path file = Files.createTempFile(dir, "sample", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        DatasetFeatureStatisticsList list = Veracity.statistics(file)
                .withOptions(options)
                .withThreads(1)
                .compute()
                .statistics();
        return list.getDatasets(0).getFeatures(0);
    }

    /** {@return sup |F − G| of the empirical CDFs} */
    static double exactKs(double[] a, double[] b) {
        double[] x = sorted(a);
        double[] y = sorted(b);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** {@return ∫ |F − G| dx of the empirical CDFs} */
    static double exactWasserstein(double[] a, double[] b) {
        double[] x = sorted(a);
        double[] y = sorted(b);
        double[] all = new double[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        Arrays.sort(all);
        int i = 0;
        int j = 0;
        double distance = 0;
        for (int k = 0; k + 1 < all.length; k++) {
            while (i < x.length && x[i] <= all[k]) {
                i++;
            }
            while (j < y.length && y[j] <= all[k]) {
                j++;
            }
            distance += Math.abs((double) i / x.length - (double) j / y.length) * (all[k + 1] - all[k]);
        }
        return distance;
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Per shape, size, buckets and shift: the mean and largest error over the seeds, and the bound. */
    private static String table(List<Row> rows) {
        StringBuilder text = new StringBuilder("| shape | n | buckets | shift | exact W (norm.) | KS error mean / max"
                + " | KS bound | W error mean / max | W bound (max) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Shape shape : Shape.values()) {
            for (int n : SIZES) {
                for (int buckets : BUCKETS) {
                    for (double shift : SHIFTS) {
                        List<Row> group = rows.stream()
                                .filter(r -> r.shape() == shape
                                        && r.n() == n
                                        && r.buckets() == buckets
                                        && r.shift() == shift)
                                .toList();
                        text.append(String.format(
                                Locale.ROOT,
                                "| %s | %d | %d | %.1f | %.4f | %.4f / %.4f | %.2f | %.4f / %.4f | %.2f |%n",
                                shape.name().toLowerCase(Locale.ROOT),
                                n,
                                buckets,
                                shift,
                                group.stream()
                                        .mapToDouble(Row::exactWasserstein)
                                        .average()
                                        .orElseThrow(),
                                group.stream()
                                        .mapToDouble(Row::ksError)
                                        .average()
                                        .orElseThrow(),
                                group.stream().mapToDouble(Row::ksError).max().orElseThrow(),
                                group.get(0).ksBound(),
                                group.stream()
                                        .mapToDouble(Row::wassersteinError)
                                        .average()
                                        .orElseThrow(),
                                group.stream()
                                        .mapToDouble(Row::wassersteinError)
                                        .max()
                                        .orElseThrow(),
                                group.stream()
                                        .mapToDouble(Row::wassersteinBound)
                                        .max()
                                        .orElseThrow()));
                    }
                }
            }
        }
        return text.toString();
    }
}
