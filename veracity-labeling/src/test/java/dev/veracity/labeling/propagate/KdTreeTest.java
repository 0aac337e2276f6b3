package dev.veracity.labeling.propagate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KdTreeTest {
    /** The k nearest rows of each row by brute force: distance, then row index. */
    private static int[] bruteForce(double[] points, int dimension, int k) {
        int n = points.length / dimension;
        int[] out = new int[n * k];
        for (int i = 0; i < n; i++) {
            int q = i;
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(
                    order,
                    Comparator.comparingDouble((Integer j) ->
                                    KdTree.squaredDistance(points, q * dimension, j * dimension, dimension))
                            .thenComparingInt(j -> j));
            for (int j = 0; j < k; j++) {
                out[i * k + j] = order[j];
            }
        }
        return out;
    }

    @Test
    void equalsBruteForceOnRandomClusteredAndTiedData() {
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(400);
            int dimension = 1 + random.nextInt(8);
            int k = 1 + random.nextInt(Math.min(n, 12));
            boolean grid = random.nextBoolean(); // small integers: many exact ties and duplicated rows
            double[] points = new double[n * dimension];
            for (int i = 0; i < points.length; i++) {
                points[i] = grid ? random.nextInt(4) : random.nextGaussian() * (1 + (i % dimension) * 10);
            }
            assertThat(KdTree.build(points, dimension).nearestOfEach(k))
                    .as("trial %d: n=%d d=%d k=%d grid=%s", trial, n, dimension, k, grid)
                    .containsExactly(bruteForce(points, dimension, k));
        }
    }

    @Test
    void everyRowIsItsOwnNearestWhenDistinct() {
        double[] points = {0, 0, 1, 0, 0, 1, 5, 5};
        int[] neighbors = KdTree.build(points, 2).nearestOfEach(2);
        assertThat(neighbors).containsExactly(0, 1, 1, 0, 2, 0, 3, 1);
    }

    @Test
    void refusesKOutOfRangeAndRaggedPoints() {
        KdTree tree = KdTree.build(new double[] {1, 2, 3}, 1);
        assertThatThrownBy(() -> tree.nearestOfEach(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.nearestOfEach(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KdTree.build(new double[] {1, 2, 3}, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
