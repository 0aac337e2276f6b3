package dev.veracity.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Ranks features and selects. Features with a blocking warning (constant, near-constant, ID-like, leakage) come after
 * the others and unscored features last; the candidates before them are ordered by {@link Order}. A candidate whose
 * association with a candidate ranked before it (|r| for numeric pairs, Cramér's V for categorical pairs, eta for
 * mixed pairs, see
 * {@link Redundancy}) is at least {@code maxRedundancy} gets a {@code redundant} warning and is not selected.
 * Selected: the other candidates, the first {@code k} of them (0: all), those with strength at least
 * {@code minScore}.
 *
 * @param k             how many features to select at most; 0 for no limit
 * @param minScore      the least strength of a selected feature, in [0, 1]
 * @param order         relevance, or mRMR
 * @param maxRedundancy the association, in (0, 1], from which a feature is redundant with one ranked before it
 */
public record Ranking(int k, double minScore, Order order, double maxRedundancy) {
    /** The default of {@code maxRedundancy}. */
    public static final double DEFAULT_MAX_REDUNDANCY = 0.95;

    public Ranking {
        if (k < 0) {
            throw new IllegalArgumentException("k must be at least 0: " + k);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be in [0, 1]: " + minScore);
        }
        Objects.requireNonNull(order, "order is null");
        if (!(maxRedundancy > 0 && maxRedundancy <= 1)) {
            throw new IllegalArgumentException("maxRedundancy must be in (0, 1]: " + maxRedundancy);
        }
    }

    /** Relevance order and the default redundancy threshold. */
    public Ranking(int k, double minScore) {
        this(k, minScore, Order.RELEVANCE, DEFAULT_MAX_REDUNDANCY);
    }

    /** How candidates are ordered. */
    public enum Order {
        /** By consensus strength, strongest first, then by name. */
        RELEVANCE,
        /**
         * Minimum redundancy, maximum relevance (Peng et al. 2005, difference form): greedily, the candidate with the
         * largest strength minus its mean redundancy to those already picked, redundancy being r² of a numeric pair,
         * V² of a categorical pair or eta² of a mixed pair (the same scale as strength; 0 when not measured); ties
         * by relevance order.
         */
        MRMR;

        /** {@return the name on the command line} */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@return the features ranked and selected, in rank order, without redundancy} */
    public List<FeatureResult> rank(List<FeatureResult> features) {
        return rank(features, Redundancy.none());
    }

    /** {@return the features ranked and selected, in rank order} */
    public List<FeatureResult> rank(List<FeatureResult> features, Redundancy redundancy) {
        List<FeatureResult> sorted = new ArrayList<>(features);
        sorted.sort(Comparator.comparing((FeatureResult f) -> !f.isScored())
                .thenComparing(FeatureResult::isBlocked)
                .thenComparing(FeatureResult::strength, Comparator.reverseOrder())
                .thenComparing(FeatureResult::name));
        int candidates = 0;
        while (candidates < sorted.size() && isCandidate(sorted.get(candidates))) {
            candidates++;
        }
        if (order == Order.MRMR) {
            List<FeatureResult> greedy = mrmr(sorted.subList(0, candidates), redundancy);
            for (int i = 0; i < candidates; i++) {
                sorted.set(i, greedy.get(i));
            }
        }
        List<FeatureResult> ranked = new ArrayList<>(sorted.size());
        int selected = 0;
        for (int i = 0; i < sorted.size(); i++) {
            FeatureResult f = sorted.get(i);
            Optional<FeatureResult.Redundant> with =
                    i < candidates ? mostAssociated(f, sorted.subList(0, i), redundancy) : Optional.empty();
            boolean keep = i < candidates && with.isEmpty() && f.strength() >= minScore && (k == 0 || selected < k);
            if (keep) {
                selected++;
            }
            FeatureResult result = f.ranked(i + 1, keep);
            if (with.isPresent()) {
                result = result.redundant(
                        with.get(),
                        new FeatureWarning(
                                FeatureWarning.Kind.REDUNDANT,
                                String.format(
                                        Locale.ROOT,
                                        "%s %.4f with %s, ranked before it (>= %s, --max-redundancy)",
                                        redundancy.measure(f.name(), with.get().name()),
                                        with.get().value(),
                                        with.get().name(),
                                        Double.toString(maxRedundancy))));
            }
            ranked.add(result);
        }
        return ranked;
    }

    private static boolean isCandidate(FeatureResult f) {
        return f.isScored() && !f.isBlocked();
    }

    private Optional<FeatureResult.Redundant> mostAssociated(
            FeatureResult f, List<FeatureResult> before, Redundancy redundancy) {
        FeatureResult.Redundant best = null;
        for (FeatureResult other : before) {
            Optional<Double> value = redundancy.between(f.name(), other.name());
            if (value.isPresent()
                    && Math.abs(value.get()) >= maxRedundancy
                    && (best == null || Math.abs(value.get()) > Math.abs(best.value()))) {
                best = new FeatureResult.Redundant(other.name(), value.get());
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<FeatureResult> mrmr(List<FeatureResult> byRelevance, Redundancy redundancy) {
        List<FeatureResult> left = new ArrayList<>(byRelevance);
        List<FeatureResult> picked = new ArrayList<>(left.size());
        double[] sum = new double[left.size()];
        while (!left.isEmpty()) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < left.size(); i++) {
                double score = left.get(i).strength() - (picked.isEmpty() ? 0 : sum[i] / picked.size());
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            FeatureResult chosen = left.remove(best);
            System.arraycopy(sum, best + 1, sum, best, left.size() - best);
            picked.add(chosen);
            for (int i = 0; i < left.size(); i++) {
                double v = redundancy.between(chosen.name(), left.get(i).name()).orElse(0.0);
                sum[i] += v * v;
            }
        }
        return picked;
    }
}
