package dev.veracity.labeling.active;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Active learning's query step: which unlabeled items raters should label next, by a {@link Strategy}, within a
 * budget and optional per-class quotas. Scores are "higher first" and ties go to the smaller id (text order), so the
 * same predictions and options give the same queue.
 *
 * <pre>{@code
 * Committee predictions = Committee.read(List.of(Path.of("predictions.csv")), "id", TableOptions.DEFAULT);
 * List<QueueItem> queue = ActiveQuery.select(predictions, Strategy.ENTROPY, 100, QueryOptions.DEFAULT);
 * }</pre>
 */
public final class ActiveQuery {
    private ActiveQuery() {}

    /**
     * {@return up to {@code budget} items, most informative first}
     *
     * @throws InputException INVALID_OPTION when a diversity strategy has no features or a committee strategy one
     *                        model; LABEL_EVENT_INVALID when an item has no row in the features
     */
    public static List<QueueItem> select(Committee committee, Strategy strategy, int budget, QueryOptions options) {
        Objects.requireNonNull(committee, "committee is null");
        Objects.requireNonNull(strategy, "strategy is null");
        Objects.requireNonNull(options, "options is null");
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0: " + budget);
        }
        if (strategy.needsCommittee() && committee.size() < 2) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION,
                    "--strategy " + name(strategy) + ": expected a committee (two or more --predictions files), "
                            + "found one");
        }
        if (strategy.needsFeatures() && options.points().isEmpty()) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION,
                    "--strategy " + name(strategy) + ": expected item features (--data and --features), found none");
        }
        int n = committee.ids().size();
        int[] classOf = consensusClasses(committee);
        return switch (strategy) {
            case LEAST_CONFIDENCE, MARGIN, ENTROPY, VOTE_ENTROPY, KL_TO_CONSENSUS ->
                top(
                        committee,
                        Scores.of(committee, strategy),
                        IntStream.range(0, n).toArray(),
                        budget,
                        classOf,
                        options);
            case RANDOM ->
                top(
                        committee,
                        random(committee, options.seed()),
                        IntStream.range(0, n).toArray(),
                        budget,
                        classOf,
                        options);
            case K_CENTER -> KCenter.select(committee, IntStream.range(0, n).toArray(), budget, classOf, options);
            case UNCERTAINTY_DIVERSE -> {
                double[] entropy = Scores.of(committee, Strategy.ENTROPY);
                int pool = (int) Math.min(n, (long) budget * QueryOptions.DIVERSITY_POOL);
                int[] candidates = Arrays.copyOf(
                        ranked(committee, entropy, IntStream.range(0, n).toArray()), pool);
                yield KCenter.select(committee, candidates, budget, classOf, options);
            }
        };
    }

    static String name(Strategy strategy) {
        return strategy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** {@return the candidates by score, highest first, ties by id} */
    static int[] ranked(Committee committee, double[] scores, int[] candidates) {
        List<String> ids = committee.ids();
        return Arrays.stream(candidates)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(ids::get))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static List<QueueItem> top(
            Committee committee, double[] scores, int[] candidates, int budget, int[] classOf, QueryOptions options) {
        Quotas quotas = new Quotas(committee, classOf, options);
        List<QueueItem> queue = new ArrayList<>();
        for (int i : ranked(committee, scores, candidates)) {
            if (queue.size() >= budget) {
                break;
            }
            if (quotas.take(i)) {
                queue.add(new QueueItem(committee.ids().get(i), scores[i], queue.size() + 1));
            }
        }
        return queue;
    }

    /** {@return a uniform score in [0, 1) per item, from the seed and the id alone} */
    private static double[] random(Committee committee, long seed) {
        double[] scores = new double[committee.ids().size()];
        for (int i = 0; i < scores.length; i++) {
            long h = seed ^ 0x9E37_79B9_7F4A_7C15L;
            for (byte b : committee.ids().get(i).getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xFF)) * 0x0000_0100_0000_01B3L;
            }
            scores[i] = new java.util.SplittableRandom(h).nextDouble();
        }
        return scores;
    }

    /** {@return each item's consensus class: the highest mean probability, the first on a tie} */
    static int[] consensusClasses(Committee committee) {
        int k = committee.classes().size();
        int[] classOf = new int[committee.ids().size()];
        for (int i = 0; i < classOf.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (committee.consensus(i, c) > committee.consensus(i, best)) {
                    best = c;
                }
            }
            classOf[i] = best;
        }
        return classOf;
    }

    /** The per-class quotas being filled. */
    static final class Quotas {
        private final int[] classOf;
        private final int[] left;

        Quotas(Committee committee, int[] classOf, QueryOptions options) {
            this.classOf = classOf;
            this.left = new int[committee.classes().size()];
            for (int c = 0; c < left.length; c++) {
                left[c] = options.quota(committee.classes().get(c));
            }
            for (Map.Entry<String, Integer> e : options.quotas().entrySet()) {
                if (!committee.classes().contains(e.getKey())) {
                    throw new InputException(
                            ErrorCode.INVALID_OPTION,
                            "--per-class-quota: expected a class among " + committee.classes() + ", found "
                                    + e.getKey());
                }
            }
        }

        boolean allows(int item) {
            return left[classOf[item]] > 0;
        }

        boolean take(int item) {
            if (!allows(item)) {
                return false;
            }
            left[classOf[item]]--;
            return true;
        }
    }
}
