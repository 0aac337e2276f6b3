package dev.veracity.labeling.active;

/**
 * The uncertainty and disagreement scores of {@link Strategy}, per item of a committee, rounded to twelve
 * decimals: scores equal by their definition can differ in the last bits by the order of a sum, and rounding makes them
 * tie, so the tie goes to the smaller id as documented.
 */
final class Scores {
    /** Scores are rounded to this many parts of one: twelve decimals. */
    static final double SCALE = 1e12;

    private Scores() {}

    /** {@return each item's score by a strategy that needs only the predictions} */
    static double[] of(Committee committee, Strategy strategy) {
        int n = committee.ids().size();
        int k = committee.classes().size();
        double[] scores = new double[n];
        double[] p = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                p[c] = committee.consensus(i, c);
            }
            scores[i] = switch (strategy) {
                case LEAST_CONFIDENCE -> 1 - max(p);
                case MARGIN -> 1 - margin(p);
                case ENTROPY, UNCERTAINTY_DIVERSE -> entropy(p);
                case VOTE_ENTROPY -> voteEntropy(committee, i);
                case KL_TO_CONSENSUS -> klToConsensus(committee, i, p);
                case K_CENTER, RANDOM -> throw new IllegalArgumentException(strategy + " has no per-item score");
            };
        }
        for (int i = 0; i < n; i++) {
            scores[i] = Math.rint(scores[i] * SCALE) / SCALE;
        }
        return scores;
    }

    static double max(double[] p) {
        double best = p[0];
        for (double v : p) {
            best = Math.max(best, v);
        }
        return best;
    }

    /** {@return the gap between the two highest probabilities (the highest alone for one class)} */
    static double margin(double[] p) {
        double[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        int k = sorted.length;
        return sorted[k - 1] - (k > 1 ? sorted[k - 2] : 0);
    }

    /** {@return {@code -sum p ln p}, with {@code 0 ln 0 = 0}} */
    static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    private static double voteEntropy(Committee committee, int i) {
        int k = committee.classes().size();
        double[] votes = new double[k];
        for (int m = 0; m < committee.size(); m++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (committee.probability(m, i, c) > committee.probability(m, i, best)) {
                    best = c;
                }
            }
            votes[best] += 1.0 / committee.size();
        }
        return entropy(votes);
    }

    private static double klToConsensus(Committee committee, int i, double[] consensus) {
        double sum = 0;
        for (int m = 0; m < committee.size(); m++) {
            double kl = 0;
            for (int c = 0; c < consensus.length; c++) {
                double p = committee.probability(m, i, c);
                if (p > 0) {
                    kl += p * Math.log(p / consensus[c]);
                }
            }
            sum += kl;
        }
        return sum / committee.size();
    }
}
