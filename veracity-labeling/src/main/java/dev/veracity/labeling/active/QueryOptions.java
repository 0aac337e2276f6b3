package dev.veracity.labeling.active;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs of a query beyond strategy and budget.
 *
 * <pre>{@code
 * QueryOptions options = QueryOptions.DEFAULT.withSeed(7).withQuotas(Map.of("cat", 10), 0);
 * }</pre>
 *
 * @param seed         the seed of {@link Strategy#RANDOM}
 * @param quotas       per class, the most items whose consensus class (highest mean probability, the first on a
 *                     tie) it is; classes absent here get {@code defaultQuota}
 * @param defaultQuota the quota of the other classes; 0 for none
 * @param points       the items' features, for the diversity strategies
 */
public record QueryOptions(long seed, Map<String, Integer> quotas, int defaultQuota, Optional<FeaturePoints> points) {
    /** Seed 0, no quotas, no features. */
    public static final QueryOptions DEFAULT = new QueryOptions(0, Map.of(), 0, Optional.empty());

    /** How many candidates {@link Strategy#UNCERTAINTY_DIVERSE} keeps per item of the budget. */
    public static final int DIVERSITY_POOL = 10;

    public QueryOptions {
        quotas = Map.copyOf(quotas);
        Objects.requireNonNull(points, "points is null");
        for (int q : quotas.values()) {
            if (q < 0) {
                throw new IllegalArgumentException("quota must be >= 0: " + q);
            }
        }
        if (defaultQuota < 0) {
            throw new IllegalArgumentException("defaultQuota must be >= 0: " + defaultQuota);
        }
    }

    /** {@return these options with another seed} */
    public QueryOptions withSeed(long other) {
        return new QueryOptions(other, quotas, defaultQuota, points);
    }

    /** {@return these options with per-class quotas} */
    public QueryOptions withQuotas(Map<String, Integer> perClass, int others) {
        return new QueryOptions(seed, perClass, others, points);
    }

    /** {@return these options with item features} */
    public QueryOptions withPoints(FeaturePoints features) {
        return new QueryOptions(seed, quotas, defaultQuota, Optional.of(features));
    }

    /** {@return the quota of a class: Integer.MAX_VALUE when none applies} */
    int quota(String label) {
        int q = quotas.getOrDefault(label, defaultQuota);
        return quotas.containsKey(label) || defaultQuota > 0 ? q : Integer.MAX_VALUE;
    }
}
