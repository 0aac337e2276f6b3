package dev.veracity.labeling.active;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Greedy k-center (Sener and Savarese's core-set selection): each pick is the candidate whose Euclidean distance to
 * its nearest center is largest (ties by id); the centers are the rows of the features that are not items of the
 * predictions (already labeled) and the items picked so far. With no labeled row, the first pick is the candidate
 * nearest the candidates' mean, scored by that distance. Distances to the nearest center are kept per candidate and
 * updated after each pick: O(candidates x budget x features). Squared distances are rounded to twelve decimals, so
 * that distances equal by definition tie (and go to the smaller id) whatever the rounding of their sums.
 */
final class KCenter {
    private KCenter() {}

    static List<QueueItem> select(
            Committee committee, int[] candidates, int budget, int[] classOf, QueryOptions options) {
        FeaturePoints points = options.points().orElseThrow();
        Map<String, Integer> index = points.index();
        int d = points.dimension();
        double[] v = points.values();
        int[] rowOf = new int[candidates.length];
        Set<String> items = new HashSet<>(committee.ids());
        for (int j = 0; j < candidates.length; j++) {
            String id = committee.ids().get(candidates[j]);
            Integer row = index.get(id);
            if (row == null) {
                throw new InputException(
                        ErrorCode.LABEL_EVENT_INVALID,
                        "--data: expected a row for every predicted item, found none for " + id);
            }
            rowOf[j] = row;
        }
        double[] nearest = new double[candidates.length]; // squared distance to the nearest center
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        boolean anyCenter = false;
        for (int r = 0; r < points.ids().size(); r++) {
            if (!items.contains(points.ids().get(r))) {
                anyCenter = true;
                update(nearest, rowOf, v, r, d);
            }
        }
        ActiveQuery.Quotas quotas = new ActiveQuery.Quotas(committee, classOf, options);
        boolean[] taken = new boolean[candidates.length];
        List<QueueItem> queue = new ArrayList<>();
        if (!anyCenter && candidates.length > 0 && budget > 0) {
            double[] mean = new double[d];
            for (int row : rowOf) {
                for (int f = 0; f < d; f++) {
                    mean[f] += v[row * d + f] / rowOf.length;
                }
            }
            double[] toMean = new double[candidates.length];
            for (int j = 0; j < candidates.length; j++) {
                double sum = 0;
                for (int f = 0; f < d; f++) {
                    double diff = v[rowOf[j] * d + f] - mean[f];
                    sum += diff * diff;
                }
                toMean[j] = rounded(sum);
            }
            int first = best(committee, candidates, toMean, taken, quotas, false);
            if (first >= 0) {
                pick(committee, candidates, first, Math.sqrt(toMean[first]), taken, quotas, queue);
                update(nearest, rowOf, v, rowOf[first], d);
            }
        }
        while (queue.size() < budget) {
            int next = best(committee, candidates, nearest, taken, quotas, true);
            if (next < 0) {
                break;
            }
            pick(committee, candidates, next, Math.sqrt(nearest[next]), taken, quotas, queue);
            update(nearest, rowOf, v, rowOf[next], d);
        }
        return queue;
    }

    /** {@return the untaken candidate allowed by the quotas with the largest (or smallest) value, ties by id; or -1} */
    private static int best(
            Committee committee,
            int[] candidates,
            double[] value,
            boolean[] taken,
            ActiveQuery.Quotas quotas,
            boolean largest) {
        int best = -1;
        for (int j = 0; j < candidates.length; j++) {
            if (taken[j] || !quotas.allows(candidates[j])) {
                continue;
            }
            if (best < 0) {
                best = j;
                continue;
            }
            double a = largest ? value[j] : -value[j];
            double b = largest ? value[best] : -value[best];
            if (a > b
                    || a == b
                            && committee
                                            .ids()
                                            .get(candidates[j])
                                            .compareTo(committee.ids().get(candidates[best]))
                                    < 0) {
                best = j;
            }
        }
        return best;
    }

    private static void pick(
            Committee committee,
            int[] candidates,
            int j,
            double score,
            boolean[] taken,
            ActiveQuery.Quotas quotas,
            List<QueueItem> queue) {
        taken[j] = true;
        quotas.take(candidates[j]);
        queue.add(new QueueItem(committee.ids().get(candidates[j]), score, queue.size() + 1));
    }

    private static void update(double[] nearest, int[] rowOf, double[] v, int center, int d) {
        for (int j = 0; j < rowOf.length; j++) {
            double sum = 0;
            for (int f = 0; f < d; f++) {
                double diff = v[rowOf[j] * d + f] - v[center * d + f];
                sum += diff * diff;
            }
            nearest[j] = Math.min(nearest[j], rounded(sum));
        }
    }

    /** {@return a squared distance rounded to twelve decimals, so that distances equal by definition tie} */
    private static double rounded(double squared) {
        return Math.rint(squared * Scores.SCALE) / Scores.SCALE;
    }
}
