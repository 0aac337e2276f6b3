package dev.veracity.labeling.active;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Greedy k-center against an exhaustive greedy that recomputes every distance to every center at each pick. */
class KCenterTest {
    private record Case(Committee committee, FeaturePoints points) {}

    private static Case generate(SplittableRandom random, int items, int labeled, int d, boolean grid) {
        List<String> ids = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<double[]> member = new ArrayList<>();
        double[] p = new double[items * 2];
        for (int i = 0; i < items; i++) {
            ids.add("i" + random.nextInt(1000) + "-" + i);
            p[2 * i] = random.nextDouble();
            p[2 * i + 1] = 1 - p[2 * i];
        }
        member.add(p);
        all.addAll(ids);
        for (int j = 0; j < labeled; j++) {
            all.add("labeled-" + j);
        }
        double[] values = new double[all.size() * d];
        for (int v = 0; v < values.length; v++) {
            values[v] = grid ? random.nextInt(3) : random.nextGaussian();
        }
        return new Case(new Committee(ids, List.of("a", "b"), member), new FeaturePoints(all, d, values));
    }

    /** The exhaustive greedy: at each step, every candidate's distance to every center, from scratch. */
    private static List<String> exhaustive(Case c, int budget) {
        FeaturePoints pts = c.points();
        int d = pts.dimension();
        List<Integer> centers = new ArrayList<>();
        List<String> items = c.committee().ids();
        for (int r = 0; r < pts.ids().size(); r++) {
            if (!items.contains(pts.ids().get(r))) {
                centers.add(r);
            }
        }
        List<String> picked = new ArrayList<>();
        while (picked.size() < Math.min(budget, items.size())) {
            String best = null;
            double bestValue = 0;
            for (String id : items) {
                if (picked.contains(id)) {
                    continue;
                }
                int row = pts.ids().indexOf(id);
                double value;
                if (centers.isEmpty()) { // nearest to the mean of the candidates, as a negative "farthest"
                    double s = 0;
                    for (int f = 0; f < d; f++) {
                        double mean = 0;
                        for (String other : items) {
                            mean += pts.values()[pts.ids().indexOf(other) * d + f] / items.size();
                        }
                        double diff = pts.values()[row * d + f] - mean;
                        s += diff * diff;
                    }
                    value = -Math.rint(s * 1e12) / 1e12;
                } else {
                    value = Double.POSITIVE_INFINITY;
                    for (int center : centers) {
                        double s = 0;
                        for (int f = 0; f < d; f++) {
                            double diff = pts.values()[row * d + f] - pts.values()[center * d + f];
                            s += diff * diff;
                        }
                        value = Math.min(value, Math.rint(s * 1e12) / 1e12);
                    }
                }
                if (best == null || value > bestValue || value == bestValue && id.compareTo(best) < 0) {
                    best = id;
                    bestValue = value;
                }
            }
            picked.add(best);
            centers.add(pts.ids().indexOf(best));
        }
        return picked;
    }

    @Test
    void equalsTheExhaustiveGreedyWithAndWithoutLabeledRows() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 40; trial++) {
            int items = 1 + random.nextInt(60);
            Case c = generate(
                    random,
                    items,
                    random.nextBoolean() ? 0 : 1 + random.nextInt(5),
                    1 + random.nextInt(4),
                    random.nextBoolean());
            int budget = random.nextInt(items + 3);
            List<QueueItem> queue = ActiveQuery.select(
                    c.committee(), Strategy.K_CENTER, budget, QueryOptions.DEFAULT.withPoints(c.points()));
            assertThat(queue).extracting(QueueItem::id).as("trial %d", trial).isEqualTo(exhaustive(c, budget));
        }
    }

    @Test
    void theScoreIsTheDistanceToTheNearestCenter() {
        Committee c = new Committee(List.of("x", "y"), List.of("a", "b"), List.of(new double[] {0.5, 0.5, 0.5, 0.5}));
        FeaturePoints points = new FeaturePoints(List.of("x", "y", "seen"), 1, new double[] {1, 4, 0});
        List<QueueItem> queue = ActiveQuery.select(c, Strategy.K_CENTER, 2, QueryOptions.DEFAULT.withPoints(points));
        assertThat(queue).extracting(QueueItem::id).containsExactly("y", "x");
        assertThat(queue.get(0).score()).isCloseTo(4, within(1e-12));
        assertThat(queue.get(1).score()).isCloseTo(1, within(1e-12));
    }
}
