package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numeric ops against brute-force computations in the test. */
class NumericOpsTest {
    @TempDir
    Path dir;

    private double[] values(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round((random.nextGaussian() * 12 + 40) * 1000) / 1000.0;
        }
        return x;
    }

    private Path data(double[] x) throws IOException {
        List<String> rows = new ArrayList<>();
        for (double v : x) {
            rows.add(Double.toString(v));
        }
        return Fitting.csv(dir, "x.csv", "x", rows);
    }

    @Test
    void zScoreUsesThePopulationStandardDeviation() throws IOException {
        double[] x = values(5000, 1);
        TransformFn fn = Fitting.fit(dir, "transforms: [{name: z, op: scale_to_z_score, input: x}]", data(x));
        double mean = Arrays.stream(x).sum() / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / x.length);
        for (double v : new double[] {x[0], x[17], 0, 100}) {
            assertThat((double) fn.apply(Map.of("x", v)).get("z")).isCloseTo((v - mean) / std, within(1e-9));
        }
        assertThat(fn.constants().get(0).stdDev()).isCloseTo(std, within(1e-9));
    }

    @Test
    void zScoreOfAConstantColumnOnlyCenters() throws IOException {
        TransformFn fn = Fitting.fit(
                dir, "transforms: [{name: z, op: scale_to_z_score, input: x}]", data(new double[] {3, 3, 3}));
        assertThat(fn.apply(Map.of("x", 5.0))).containsEntry("z", 2.0);
    }

    @Test
    void minMaxScalesToTheRangeAndSigmoidWhenConstant() throws IOException {
        double[] x = values(1000, 2);
        TransformFn fn = Fitting.fit(
                dir,
                "transforms:\n  - {name: s, op: scale_to_0_1, input: x}\n"
                        + "  - {name: m, op: scale_by_min_max, input: x, output_min: -1, output_max: 3}\n",
                data(x));
        double min = Arrays.stream(x).min().orElseThrow();
        double max = Arrays.stream(x).max().orElseThrow();
        for (double v : x) {
            Map<String, Object> out = fn.apply(Map.of("x", v));
            assertThat((double) out.get("s")).isCloseTo((v - min) / (max - min), within(1e-12));
            assertThat((double) out.get("m")).isCloseTo((v - min) / (max - min) * 4 - 1, within(1e-12));
        }
        TransformFn constant =
                Fitting.fit(dir, "transforms: [{name: s, op: scale_to_0_1, input: x}]", data(new double[] {2, 2}));
        assertThat((double) constant.apply(Map.of("x", 0.5)).get("s"))
                .isCloseTo(1 / (1 + Math.exp(-0.5)), within(1e-15));
    }

    @Test
    void log1pAndClipAreElementwise() throws IOException {
        TransformFn fn = Fitting.fit(
                dir,
                "transforms:\n  - {name: l, op: log1p, input: x}\n  - {name: c, op: clip, input: x, min: 0, max: 10}\n",
                data(new double[] {1, 2}));
        Map<String, Object> out = fn.apply(Map.of("x", List.of(-5.0, 3.0, 42.0)));
        assertThat(out.get("c")).isEqualTo(List.of(0.0, 3.0, 10.0));
        assertThat(out.get("l")).isEqualTo(List.of(Math.log1p(-5.0), Math.log1p(3.0), Math.log1p(42.0)));
        assertThat(fn.apply(Map.of())).doesNotContainKeys("l", "c");
    }

    @Test
    void imputeReplacesMissingAndNaNByMeanMedianMostFrequentOrConstant() throws IOException {
        Path csv = Fitting.csv(dir, "x.csv", "x", List.of("1", "2", "2", "10", "", "NaN"));
        TransformFn fn = Fitting.fit(
                dir,
                "transforms:\n"
                        + "  - {name: mean, op: impute, input: x, strategy: mean}\n"
                        + "  - {name: median, op: impute, input: x, strategy: median}\n"
                        + "  - {name: mode, op: impute, input: x, strategy: most_frequent}\n"
                        + "  - {name: zero, op: impute, input: x, strategy: constant, value: 0}\n",
                csv);
        Map<String, Object> missing = fn.apply(Map.of());
        assertThat(missing).containsEntry("mean", 15.0 / 4).containsEntry("median", 2.0);
        assertThat(missing).containsEntry("mode", 2.0).containsEntry("zero", 0.0);
        assertThat(fn.apply(Map.of("x", Double.NaN))).containsEntry("mean", 15.0 / 4);
        assertThat(fn.apply(Map.of("x", 7L))).containsEntry("mean", 7.0).containsEntry("zero", 7.0);
    }

    @Test
    void bucketBoundariesAreExactQuantilesOnSmallData() throws IOException {
        double[] x = values(900, 3);
        TransformFn fn = Fitting.fit(dir, "transforms: [{name: b, op: bucketize, input: x, num_buckets: 4}]", data(x));
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        List<Double> expected = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            expected.add(sorted[(int) Math.ceil(i / 4.0 * x.length) - 1]);
        }
        assertThat(fn.constants().get(0).boundaries()).isEqualTo(expected);
        assertThat(fn.constants().get(0).rankError()).isZero();
        for (double v : x) {
            long bucket = (long) fn.apply(Map.of("x", v)).get("b");
            long brute = expected.stream().filter(b -> b <= v).count();
            assertThat(bucket).isEqualTo(brute);
        }
    }

    @Test
    void bucketBoundariesOnLargeDataAreWithinTheStatedRankError() throws IOException {
        double[] x = values(60_000, 4);
        TransformFn fn = Fitting.fit(dir, "transforms: [{name: b, op: bucketize, input: x, num_buckets: 10}]", data(x));
        Constants c = fn.constants().get(0);
        assertThat(c.rankError()).isGreaterThan(0).isLessThan(0.01);
        assertThat(c.boundaries()).hasSize(9);
        for (int i = 0; i < 9; i++) {
            double boundary = c.boundaries().get(i);
            double rank = Arrays.stream(x).filter(v -> v <= boundary).count() / (double) x.length;
            assertThat(rank).isCloseTo((i + 1) / 10.0, within(c.rankError()));
        }
    }

    @Test
    void fewDistinctValuesGiveFewerBoundariesAsTft() throws IOException {
        TransformFn fn = Fitting.fit(
                dir,
                "transforms: [{name: b, op: bucketize, input: x, num_buckets: 10}]",
                data(new double[] {1, 1, 1, 1, 2, 2, 2, 2}));
        assertThat(fn.constants().get(0).boundaries()).containsExactly(1.0, 2.0);
    }

    @Test
    void applyBucketsPutsABoundaryInTheBucketAboveIt() throws IOException {
        TransformFn fn = Fitting.fit(
                dir,
                "transforms: [{name: b, op: apply_buckets, input: x, boundaries: [0, 10, 100]}]",
                data(new double[] {1}));
        assertThat(Fitting.column(
                        fn, List.of(Map.of("x", -5.0), Map.of("x", 0.0), Map.of("x", 10.0), Map.of("x", 10000L)), "b"))
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void inversesRecoverTheInputOrTheBucketInterval() throws IOException {
        double[] x = values(500, 9);
        TransformFn fn = Fitting.fit(
                dir,
                "transforms:\n  - {name: z, op: scale_to_z_score, input: x}\n"
                        + "  - {name: m, op: scale_by_min_max, input: x, output_min: -1, output_max: 1}\n"
                        + "  - {name: b, op: apply_buckets, input: x, boundaries: [30, 50]}\n",
                data(x));
        for (double v : new double[] {x[3], 12.5, 77}) {
            Map<String, Object> out = fn.apply(Map.of("x", v));
            assertThat((double) fn.inverse("z", out.get("z")).orElseThrow()).isCloseTo(v, within(1e-9));
            assertThat((double) fn.inverse("m", out.get("m")).orElseThrow()).isCloseTo(v, within(1e-9));
        }
        assertThat(fn.inverse("b", 1L)).contains(List.of(30.0, 50.0));
        assertThat(fn.inverse("b", 0L)).contains(List.of(Double.NEGATIVE_INFINITY, 30.0));
    }
}
