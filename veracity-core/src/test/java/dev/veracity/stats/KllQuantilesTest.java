package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KllQuantilesTest {
    private static final int K = StatisticsOptions.DEFAULT.kllK();

    private static double[] values(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian() * 100 + (random.nextInt(10) == 0 ? 1e6 : 0);
        }
        return values;
    }

    private static KllQuantiles sketch(double[] values, int from, int to) {
        KllQuantiles sketch = new KllQuantiles(K);
        sketch.update(values, from, to - from);
        return sketch;
    }

    private static double exactRank(double[] sorted, double value) {
        int count = 0;
        while (count < sorted.length && sorted[count] <= value) {
            count++;
        }
        return (double) count / sorted.length;
    }

    @Nested
    class Determinism {
        @Test
        void sameUpdatesGiveTheSameBytes() {
            double[] values = values(1, 200_000);
            byte[] first = sketch(values, 0, values.length).toBytes();
            byte[] second = sketch(values, 0, values.length).toBytes();
            assertThat(second).isEqualTo(first);
        }

        @Test
        void sameMergesGiveTheSameBytes() {
            double[] values = values(2, 100_000);
            byte[][] runs = new byte[2][];
            for (int run = 0; run < 2; run++) {
                KllQuantiles all = new KllQuantiles(K);
                for (int from = 0; from < values.length; from += 7_000) {
                    all.merge(sketch(values, from, Math.min(values.length, from + 7_000)));
                }
                runs[run] = all.toBytes();
            }
            assertThat(runs[1]).isEqualTo(runs[0]);
        }
    }

    @Nested
    class Accuracy {
        @Test
        void exactBelowK() {
            double[] values = {5, 1, 4, 2, 3};
            KllQuantiles sketch = sketch(values, 0, values.length);
            assertThat(sketch.quantile(0.5)).isEqualTo(3);
            assertThat(sketch.quantile(0)).isEqualTo(1);
            assertThat(sketch.quantile(1)).isEqualTo(5);
            assertThat(sketch.rank(2)).isEqualTo(0.4);
            assertThat(sketch.rank(0)).isEqualTo(0);
        }

        @Test
        void ranksStayWithinTheBoundAfterUpdatesAndMerges() {
            double[] values = values(3, 300_000);
            KllQuantiles updated = sketch(values, 0, values.length);
            KllQuantiles merged = new KllQuantiles(K);
            for (int from = 0; from < values.length; from += 10_000) {
                merged.merge(sketch(values, from, from + 10_000));
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double bound = updated.normalizedRankError();
            for (KllQuantiles sketch : new KllQuantiles[] {updated, merged}) {
                assertThat(sketch.n()).isEqualTo(values.length);
                assertThat(sketch.retained()).isLessThan(10 * K);
                for (double rank = 0.05; rank < 1; rank += 0.05) {
                    assertThat(exactRank(sorted, sketch.quantile(rank))).isCloseTo(rank, within(bound));
                    double value = sorted[(int) (rank * sorted.length)];
                    assertThat(sketch.rank(value)).isCloseTo(exactRank(sorted, value), within(bound));
                }
            }
        }

        @Test
        void nanIsIgnored() {
            KllQuantiles sketch = new KllQuantiles(K);
            sketch.update(Double.NaN);
            assertThat(sketch.isEmpty()).isTrue();
        }
    }

    @Nested
    class Bytes {
        @Test
        void roundTripKeepsResultsAndFutureCompactions() {
            double[] values = values(4, 50_000);
            KllQuantiles sketch = sketch(values, 0, 40_000);
            KllQuantiles copy = KllQuantiles.fromBytes(sketch.toBytes());
            assertThat(copy.toBytes()).isEqualTo(sketch.toBytes());
            sketch.update(values, 40_000, 10_000);
            copy.update(values, 40_000, 10_000);
            assertThat(copy.toBytes()).isEqualTo(sketch.toBytes());
            assertThat(copy.serializedBytes()).isEqualTo(copy.toBytes().length);
        }

        @Test
        void readsDataSketchesBytesOfEarlierFormatVersions() {
            double[] values = values(5, 30_000);
            KllDoublesSketch old = KllDoublesSketch.newHeapInstance(K);
            for (double value : values) {
                old.update(value);
            }
            KllQuantiles read = KllQuantiles.fromBytes(old.toByteArray());
            assertThat(read.n()).isEqualTo(old.getN());
            assertThat(read.quantile(0.5)).isEqualTo(old.getQuantile(0.5));
        }

        @Test
        void unknownVersionIsRefused() {
            byte[] bytes = new KllQuantiles(K).toBytes();
            bytes[1] = 9;
            assertThatThrownBy(() -> KllQuantiles.fromBytes(bytes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("version 9");
        }
    }
}
