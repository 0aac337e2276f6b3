package dev.veracity.labeling.agreement;

import dev.veracity.labeling.ratings.RatingTable;

/**
 * Percent agreement and Fleiss' kappa, from the counts of each label per item. Items with fewer than two ratings
 * are left out. Items may have different numbers of ratings: each item's agreement is the share of its agreeing
 * rating pairs, and the label shares pool all ratings of the items used (with the same number of ratings per item
 * this is exactly Fleiss 1971).
 *
 * <pre>{@code
 * double kappa = PairwiseAgreement.fleissKappa(table);
 * }</pre>
 */
public final class PairwiseAgreement {
    private PairwiseAgreement() {}

    /** {@return the mean over items of the share of agreeing rating pairs (Fleiss' P-bar); NaN without items} */
    public static double percentAgreement(RatingTable table) {
        return percentAgreement(table.countsPerItem());
    }

    static double percentAgreement(int[][] counts) {
        double sum = 0;
        int used = 0;
        for (int[] item : counts) {
            int n = total(item);
            if (n < 2) {
                continue;
            }
            long agreeing = 0;
            for (int c : item) {
                agreeing += (long) c * (c - 1);
            }
            sum += (double) agreeing / ((long) n * (n - 1));
            used++;
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /** {@return Fleiss' kappa: (P-bar - Pe) / (1 - Pe) with Pe the sum of squared label shares} */
    public static double fleissKappa(RatingTable table) {
        return fleissKappa(table.countsPerItem());
    }

    static double fleissKappa(int[][] counts) {
        double[] share = shares(counts);
        double expected = 0;
        for (double p : share) {
            expected += p * p;
        }
        return (percentAgreement(counts) - expected) / (1 - expected);
    }

    /**
     * {@return per label, Fleiss' kappa of that label against all others (Fleiss 1971, eq. 13-14): 1 - sum over items
     * of n_ij (n_i - n_ij) / (sum over items of n_i (n_i - 1) p_j q_j)}
     */
    public static double[] fleissKappaPerLabel(RatingTable table) {
        int[][] counts = table.countsPerItem();
        double[] share = shares(counts);
        double[] kappa = new double[share.length];
        for (int j = 0; j < share.length; j++) {
            double disagreement = 0;
            double pairs = 0;
            for (int[] item : counts) {
                int n = total(item);
                if (n < 2) {
                    continue;
                }
                disagreement += (double) item[j] * (n - item[j]);
                pairs += (double) n * (n - 1);
            }
            kappa[j] = 1 - disagreement / (pairs * share[j] * (1 - share[j]));
        }
        return kappa;
    }

    /** {@return per label, its share of the ratings of items with at least two ratings} */
    static double[] shares(int[][] counts) {
        double[] share = new double[counts.length == 0 ? 0 : counts[0].length];
        long all = 0;
        for (int[] item : counts) {
            int n = total(item);
            if (n < 2) {
                continue;
            }
            for (int j = 0; j < item.length; j++) {
                share[j] += item[j];
            }
            all += n;
        }
        for (int j = 0; j < share.length; j++) {
            share[j] /= all;
        }
        return share;
    }

    static int total(int[] item) {
        int n = 0;
        for (int c : item) {
            n += c;
        }
        return n;
    }
}
