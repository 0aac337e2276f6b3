package dev.veracity.labeling.consensus;

import dev.veracity.ConfigException;
import dev.veracity.labeling.ratings.RatingTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dawid and Skene's EM (1979): each rater has a confusion matrix {@code P(gives l | true k)}, labels have prior
 * frequencies, and each item's true label is latent. Starts from majority-vote shares, then alternates the M step
 * (priors and matrices from the posteriors, with additive smoothing so no probability is 0) and the E step
 * (posteriors from priors and matrices, in log space) until no posterior moves more than the tolerance.
 *
 * <pre>{@code
 * Consensus c = new DawidSkene().aggregate(table);
 * List<ItemConsensus> queue = c.adjudicationQueue(0.9);
 * }</pre>
 */
public final class DawidSkene {
    /** Default iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;
    /** Default tolerance on the largest change of a posterior. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default pseudo-count added to every cell of every confusion matrix. */
    public static final double DEFAULT_SMOOTHING = 0.01;

    private final int maxIterations;
    private final double tolerance;
    private final double smoothing;

    public DawidSkene() {
        this(DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_SMOOTHING);
    }

    public DawidSkene(int maxIterations, double tolerance, double smoothing) {
        if (maxIterations < 1) {
            throw new ConfigException("Dawid-Skene iterations: expected at least 1, found " + maxIterations);
        }
        if (!(tolerance > 0) || !(smoothing > 0)) {
            throw new ConfigException(
                    "Dawid-Skene tolerance and smoothing: expected > 0, found " + tolerance + " and " + smoothing);
        }
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.smoothing = smoothing;
    }

    public Consensus aggregate(RatingTable table) {
        int items = table.items().size();
        int raters = table.raters().size();
        int labels = table.labels().size();
        int[] ratingCount = new int[items];
        for (int i = 0; i < table.size(); i++) {
            ratingCount[table.itemOf(i)]++;
        }
        DawidSkeneFit fit = fit(VoteList.of(table));
        double[][] posterior = fit.posterior();
        List<ItemConsensus> result = new ArrayList<>();
        for (int item = 0; item < items; item++) {
            int best = 0;
            for (int k = 1; k < labels; k++) {
                if (posterior[item][k] > posterior[item][best]) {
                    best = k;
                }
            }
            List<Double> p = new ArrayList<>();
            for (double v : posterior[item]) {
                p.add(v);
            }
            result.add(new ItemConsensus(
                    table.items().get(item),
                    labels == 0 ? "" : table.labels().get(best),
                    labels == 0 ? 0 : posterior[item][best],
                    p,
                    ratingCount[item]));
        }
        Map<String, double[][]> matrices = new HashMap<>();
        for (int r = 0; r < raters; r++) {
            matrices.put(table.raters().get(r), fit.confusion()[r]);
        }
        return new Consensus("dawid-skene", table.labels(), result, matrices, fit.iterations(), fit.converged());
    }

    /**
     * Runs EM over votes by index. Raters whose abstaining is an outcome ({@link VoteList#abstainIsOutcome}, the
     * labeling functions) get one more column in their confusion matrix, the probability of abstaining given the
     * true label, and an item they did not vote on counts as that outcome; other raters' missing votes say nothing.
     * Items start from their vote shares (uniform without votes).
     *
     * <pre>{@code
     * DawidSkeneFit fit = new DawidSkene().fit(VoteList.of(table));
     * }</pre>
     */
    public DawidSkeneFit fit(VoteList votes) {
        int items = votes.items();
        int raters = votes.raters();
        int labels = votes.labels();
        double[][] posterior = new double[items][labels];
        for (int i = 0; i < votes.size(); i++) {
            posterior[votes.itemOf(i)][votes.labelOf(i)]++;
        }
        for (double[] p : posterior) {
            normalize(p);
        }
        double[] prior = new double[labels];
        double[][][] confusion = new double[raters][][];
        for (int r = 0; r < raters; r++) {
            confusion[r] = new double[labels][votes.abstainIsOutcome(r) ? labels + 1 : labels];
        }
        int iteration = 0;
        double change = Double.POSITIVE_INFINITY;
        while (iteration < maxIterations && change > tolerance) {
            iteration++;
            maximize(votes, posterior, prior, confusion);
            change = expect(votes, posterior, prior, confusion);
        }
        return new DawidSkeneFit(prior, confusion, posterior, iteration, change <= tolerance);
    }

    private void maximize(VoteList votes, double[][] posterior, double[] prior, double[][][] confusion) {
        int labels = prior.length;
        java.util.Arrays.fill(prior, 0);
        for (double[] p : posterior) {
            for (int k = 0; k < labels; k++) {
                prior[k] += p[k];
            }
        }
        double[] total = prior.clone();
        normalize(prior);
        for (double[][] matrix : confusion) {
            for (double[] row : matrix) {
                java.util.Arrays.fill(row, smoothing);
            }
        }
        for (int r = 0; r < confusion.length; r++) {
            if (votes.abstainIsOutcome(r)) {
                for (int k = 0; k < labels; k++) {
                    confusion[r][k][labels] += total[k];
                }
            }
        }
        for (int i = 0; i < votes.size(); i++) {
            double[] p = posterior[votes.itemOf(i)];
            int r = votes.raterOf(i);
            double[][] matrix = confusion[r];
            int given = votes.labelOf(i);
            boolean abstains = votes.abstainIsOutcome(r);
            for (int k = 0; k < labels; k++) {
                matrix[k][given] += p[k];
                if (abstains) {
                    // The item was counted as abstained above; it was not.
                    matrix[k][labels] = Math.max(smoothing, matrix[k][labels] - p[k]);
                }
            }
        }
        for (double[][] matrix : confusion) {
            for (double[] row : matrix) {
                normalize(row);
            }
        }
    }

    /** {@return the largest change of a posterior probability} */
    private static double expect(VoteList votes, double[][] posterior, double[] prior, double[][][] confusion) {
        int labels = prior.length;
        double[] base = new double[labels];
        for (int k = 0; k < labels; k++) {
            base[k] = Math.log(Math.max(prior[k], 1e-300));
        }
        for (int r = 0; r < confusion.length; r++) {
            if (votes.abstainIsOutcome(r)) {
                for (int k = 0; k < labels; k++) {
                    base[k] += Math.log(confusion[r][k][labels]);
                }
            }
        }
        double[][] log = new double[posterior.length][];
        for (int item = 0; item < log.length; item++) {
            log[item] = base.clone();
        }
        for (int i = 0; i < votes.size(); i++) {
            double[] row = log[votes.itemOf(i)];
            int r = votes.raterOf(i);
            double[][] matrix = confusion[r];
            int given = votes.labelOf(i);
            boolean abstains = votes.abstainIsOutcome(r);
            for (int k = 0; k < labels; k++) {
                row[k] += Math.log(matrix[k][given]) - (abstains ? Math.log(matrix[k][labels]) : 0);
            }
        }
        double change = 0;
        for (int item = 0; item < posterior.length; item++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : log[item]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < labels; k++) {
                log[item][k] = Math.exp(log[item][k] - max);
                sum += log[item][k];
            }
            for (int k = 0; k < labels; k++) {
                double p = log[item][k] / sum;
                change = Math.max(change, Math.abs(p - posterior[item][k]));
                posterior[item][k] = p;
            }
        }
        return change;
    }

    private static void normalize(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        if (sum == 0) {
            java.util.Arrays.fill(values, 1.0 / Math.max(1, values.length));
            return;
        }
        for (int k = 0; k < values.length; k++) {
            values[k] /= sum;
        }
    }
}
