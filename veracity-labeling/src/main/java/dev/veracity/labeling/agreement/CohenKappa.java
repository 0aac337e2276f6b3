package dev.veracity.labeling.agreement;

import dev.veracity.labeling.ratings.RatingTable;

/**
 * Cohen's kappa (1960) of two raters over the items both rated (a rater's first rating of an item counts):
 * {@code (po - pe) / (1 - pe)}, with {@code po} the share of items they label alike and {@code pe} the agreement
 * expected from their own label frequencies.
 *
 * <pre>{@code
 * PairAgreement ab = CohenKappa.of(table, "ann", "bob");
 * }</pre>
 */
public final class CohenKappa {
    private CohenKappa() {}

    /** {@return the agreement of raters {@code a} and {@code b}; NaN values when they share no item} */
    public static PairAgreement of(RatingTable table, String a, String b) {
        int ra = table.raters().indexOf(a);
        int rb = table.raters().indexOf(b);
        int items = table.items().size();
        int[] labelA = new int[items];
        int[] labelB = new int[items];
        java.util.Arrays.fill(labelA, -1);
        java.util.Arrays.fill(labelB, -1);
        for (int i = 0; i < table.size(); i++) {
            if (table.raterOf(i) == ra && labelA[table.itemOf(i)] < 0) {
                labelA[table.itemOf(i)] = table.labelOf(i);
            } else if (table.raterOf(i) == rb && labelB[table.itemOf(i)] < 0) {
                labelB[table.itemOf(i)] = table.labelOf(i);
            }
        }
        int labels = table.labels().size();
        long[][] matrix = new long[labels][labels];
        int shared = 0;
        for (int item = 0; item < items; item++) {
            if (labelA[item] >= 0 && labelB[item] >= 0) {
                matrix[labelA[item]][labelB[item]]++;
                shared++;
            }
        }
        return fromMatrix(a, b, matrix, shared);
    }

    /** {@return kappa of a square agreement matrix {@code [label of a][label of b]} over {@code n} items} */
    static PairAgreement fromMatrix(String a, String b, long[][] matrix, long n) {
        if (n == 0) {
            return new PairAgreement(a, b, 0, Double.NaN, Double.NaN);
        }
        double observed = 0;
        double expected = 0;
        for (int k = 0; k < matrix.length; k++) {
            observed += matrix[k][k];
            double row = 0;
            double column = 0;
            for (int l = 0; l < matrix.length; l++) {
                row += matrix[k][l];
                column += matrix[l][k];
            }
            expected += row * column;
        }
        observed /= n;
        expected /= (double) n * n;
        return new PairAgreement(a, b, n, observed, (observed - expected) / (1 - expected));
    }
}
