package dev.veracity.labeling.active;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every strategy against a brute-force oracle written from its definition, on seeded random committees. */
class ActiveQueryTest {
    private static Committee committee(SplittableRandom random, int n, int k, int members, boolean ties) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("item-%04d", random.nextInt(100_000)) + "-" + i);
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add("c" + c);
        }
        List<double[]> all = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            double[] p = new double[n * k];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    // coarse values make many exact score ties, so the id tie-break is exercised
                    p[i * k + c] = ties ? 1 + random.nextInt(3) : random.nextDouble() + 1e-3;
                    sum += p[i * k + c];
                }
                for (int c = 0; c < k; c++) {
                    p[i * k + c] /= sum;
                }
            }
            all.add(p);
        }
        return new Committee(ids, classes, all);
    }

    /** The oracle's score of item i, straight from the definitions. */
    private static double oracle(Committee c, Strategy s, int i) {
        int k = c.classes().size();
        int m = c.size();
        double[] mean = new double[k];
        for (int j = 0; j < m; j++) {
            for (int x = 0; x < k; x++) {
                mean[x] += c.probability(j, i, x) / m;
            }
        }
        double[] sorted = mean.clone();
        Arrays.sort(sorted);
        switch (s) {
            case LEAST_CONFIDENCE:
                return 1 - sorted[k - 1];
            case MARGIN:
                return 1 - (sorted[k - 1] - (k > 1 ? sorted[k - 2] : 0));
            case ENTROPY:
                return entropy(mean);
            case VOTE_ENTROPY: {
                double[] votes = new double[k];
                for (int j = 0; j < m; j++) {
                    int arg = 0;
                    for (int x = 0; x < k; x++) {
                        if (c.probability(j, i, x) > c.probability(j, i, arg)) {
                            arg = x;
                        }
                    }
                    votes[arg]++;
                }
                for (int x = 0; x < k; x++) {
                    votes[x] /= m;
                }
                return entropy(votes);
            }
            case KL_TO_CONSENSUS: {
                double total = 0;
                for (int j = 0; j < m; j++) {
                    for (int x = 0; x < k; x++) {
                        double p = c.probability(j, i, x);
                        total += p == 0 ? 0 : p * Math.log(p / mean[x]);
                    }
                }
                return total / m;
            }
            default:
                throw new AssertionError(s);
        }
    }

    private static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            h += v == 0 ? 0 : -v * Math.log(v);
        }
        return h;
    }

    @Test
    void eachScoreStrategyPicksExactlyTheTopNByItsDefinition() {
        SplittableRandom random = new SplittableRandom(42);
        Strategy[] strategies = {
            Strategy.LEAST_CONFIDENCE,
            Strategy.MARGIN,
            Strategy.ENTROPY,
            Strategy.VOTE_ENTROPY,
            Strategy.KL_TO_CONSENSUS
        };
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(200);
            int k = 1 + random.nextInt(5);
            Committee c = committee(random, n, k, 2 + random.nextInt(3), random.nextBoolean());
            int budget = random.nextInt(n + 5);
            for (Strategy s : strategies) {
                Integer[] order = new Integer[n];
                double[] score = new double[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                    score[i] = Math.rint(oracle(c, s, i) * 1e12) / 1e12;
                }
                // scores equal by definition tie once rounded to 1e-12, as the implementation rounds them
                Arrays.sort(
                        order,
                        Comparator.comparingDouble((Integer i) -> -score[i])
                                .thenComparing(i -> c.ids().get(i)));
                List<QueueItem> queue = ActiveQuery.select(c, s, budget, QueryOptions.DEFAULT);
                assertThat(queue).hasSize(Math.min(budget, n));
                for (int r = 0; r < queue.size(); r++) {
                    assertThat(queue.get(r).id())
                            .as("%s trial %d rank %d", s, trial, r + 1)
                            .isEqualTo(c.ids().get(order[r]));
                    assertThat(queue.get(r).score()).isCloseTo(score[order[r]], within(1e-12));
                    assertThat(queue.get(r).rank()).isEqualTo(r + 1);
                }
            }
        }
    }

    @Test
    void quotasCapEachPredictedClassAndRandomIsSeeded() {
        SplittableRandom random = new SplittableRandom(3);
        Committee c = committee(random, 300, 3, 1, false);
        List<QueueItem> queue =
                ActiveQuery.select(c, Strategy.ENTROPY, 50, QueryOptions.DEFAULT.withQuotas(Map.of("c0", 2), 5));
        int[] perClass = new int[3];
        int[] classOf = ActiveQuery.consensusClasses(c);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            index.put(c.ids().get(i), i);
        }
        for (QueueItem item : queue) {
            perClass[classOf[index.get(item.id())]]++;
        }
        assertThat(perClass).containsExactly(2, 5, 5);
        List<QueueItem> a = ActiveQuery.select(c, Strategy.RANDOM, 20, QueryOptions.DEFAULT.withSeed(9));
        List<QueueItem> b = ActiveQuery.select(c, Strategy.RANDOM, 20, QueryOptions.DEFAULT.withSeed(9));
        List<QueueItem> other = ActiveQuery.select(c, Strategy.RANDOM, 20, QueryOptions.DEFAULT.withSeed(10));
        assertThat(a).isEqualTo(b).isNotEqualTo(other);
    }

    @Test
    void committeeStrategiesNeedACommitteeAndDiversityNeedsFeatures() {
        Committee one = committee(new SplittableRandom(1), 5, 2, 1, false);
        assertThatThrownBy(() -> ActiveQuery.select(one, Strategy.VOTE_ENTROPY, 2, QueryOptions.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("expected a committee");
        assertThatThrownBy(() -> ActiveQuery.select(one, Strategy.K_CENTER, 2, QueryOptions.DEFAULT))
                .hasMessageContaining("expected item features");
    }
}
