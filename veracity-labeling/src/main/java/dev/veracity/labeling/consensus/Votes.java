package dev.veracity.labeling.consensus;

import static java.util.Objects.requireNonNull;

import dev.veracity.ConfigException;
import dev.veracity.labeling.ratings.RatingTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Majority vote and weighted vote: each rating adds its rater's weight (1 for majority) to its label; the label with
 * the most weight wins, ties as the {@link TiePolicy} says. The posterior is each label's share of the weight.
 *
 * <pre>{@code
 * Consensus c = Votes.majority(TiePolicy.ABSTAIN).aggregate(table);
 * Consensus w = Votes.weighted(Map.of("ann", 2.0, "bob", 1.0), TiePolicy.FIRST).aggregate(table);
 * }</pre>
 */
public final class Votes {
    private final Map<String, Double> weights;
    private final TiePolicy ties;
    private final long seed;

    private Votes(Map<String, Double> weights, TiePolicy ties, long seed) {
        this.weights = Map.copyOf(requireNonNull(weights, "weights is null"));
        this.ties = requireNonNull(ties, "ties is null");
        this.seed = seed;
        weights.forEach((rater, w) -> {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new ConfigException("weight of rater " + rater + ": expected a finite number >= 0, found " + w);
            }
        });
    }

    /** {@return a majority vote (every rater weighs 1)} */
    public static Votes majority(TiePolicy ties) {
        return new Votes(Map.of(), ties, 0);
    }

    /** {@return a weighted vote; a rater missing from {@code weights} weighs 1} */
    public static Votes weighted(Map<String, Double> weights, TiePolicy ties) {
        return new Votes(weights, ties, 0);
    }

    /** {@return this vote with the seed of {@link TiePolicy#RANDOM}} */
    public Votes withSeed(long newSeed) {
        return new Votes(weights, ties, newSeed);
    }

    public Consensus aggregate(RatingTable table) {
        int labels = table.labels().size();
        double[][] weight = new double[table.items().size()][labels];
        int[] ratings = new int[table.items().size()];
        for (int i = 0; i < table.size(); i++) {
            weight[table.itemOf(i)][table.labelOf(i)] +=
                    weights.getOrDefault(table.raters().get(table.raterOf(i)), 1.0);
            ratings[table.itemOf(i)]++;
        }
        List<ItemConsensus> items = new ArrayList<>();
        for (int item = 0; item < weight.length; item++) {
            items.add(decide(table.items().get(item), table.labels(), weight[item], ratings[item]));
        }
        return new Consensus(weights.isEmpty() ? "majority" : "weighted", table.labels(), items, Map.of(), 0, true);
    }

    private ItemConsensus decide(String item, List<String> labels, double[] weight, int ratings) {
        double total = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (double w : weight) {
            total += w;
            best = Math.max(best, w);
        }
        List<Double> posterior = new ArrayList<>();
        List<Integer> tied = new ArrayList<>();
        for (int k = 0; k < weight.length; k++) {
            posterior.add(total == 0 ? 1.0 / weight.length : weight[k] / total);
            if (weight[k] == best) {
                tied.add(k);
            }
        }
        double confidence = total == 0 ? 0 : best / total;
        int chosen;
        if (tied.size() == 1) {
            chosen = tied.get(0);
        } else {
            chosen = switch (ties) {
                case ABSTAIN -> -1;
                case FIRST -> tied.get(0);
                case RANDOM -> tied.get((int) Long.remainderUnsigned(hash(item), tied.size()));
            };
        }
        return new ItemConsensus(item, chosen < 0 ? "" : labels.get(chosen), confidence, posterior, ratings);
    }

    private long hash(String item) {
        long h = 0xCBF2_9CE4_8422_2325L ^ seed;
        for (byte b : item.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x0000_0100_0000_01B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        return h ^ (h >>> 33);
    }
}
