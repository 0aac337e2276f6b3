package dev.veracity.labeling.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.labeling.ratings.Rating;
import dev.veracity.labeling.ratings.RatingTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every coefficient against a published worked example, to 3 decimals as printed there. */
class PublishedExamplesTest {
    private static final double THREE_DECIMALS = 0.0005;

    /**
     * Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", Annenberg School for Communication,
     * University of Pennsylvania, section C: reliability data of 4 observers and 12 units with missing values (unit
     * 12 has one value and is not pairable). Published: nominal alpha 0.743, ordinal 0.815, interval 0.849, ratio
     * 0.797.
     */
    private static final String[][] KRIPPENDORFF_2011 = {
        {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
        {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
        {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
        {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null},
    };

    @Test
    void krippendorffAlphaOfKrippendorff2011() {
        List<Rating> ratings = new ArrayList<>();
        for (int observer = 0; observer < KRIPPENDORFF_2011.length; observer++) {
            for (int unit = 0; unit < 12; unit++) {
                String value = KRIPPENDORFF_2011[observer][unit];
                if (value != null) {
                    ratings.add(Rating.of("unit" + (unit + 1), "observer" + "ABCD".charAt(observer), value));
                }
            }
        }
        RatingTable table = RatingTable.of(ratings);
        assertThat(KrippendorffAlpha.of(table, Level.NOMINAL)).isCloseTo(0.743, within(THREE_DECIMALS));
        assertThat(KrippendorffAlpha.of(table, Level.ORDINAL)).isCloseTo(0.815, within(THREE_DECIMALS));
        assertThat(KrippendorffAlpha.of(table, Level.INTERVAL)).isCloseTo(0.849, within(THREE_DECIMALS));
        assertThat(KrippendorffAlpha.of(table, Level.RATIO)).isCloseTo(0.797, within(THREE_DECIMALS));
    }

    /**
     * Fleiss, J. L. (1971). "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5),
     * in the widely reproduced form of Wikipedia's "Fleiss' kappa" worked example: 10 subjects, 14 raters each, 5
     * categories. Published: P-bar 0.378, P-bar-e 0.213, kappa 0.210.
     */
    private static final int[][] FLEISS_EXAMPLE = {
        {0, 0, 0, 0, 14},
        {0, 2, 6, 4, 2},
        {0, 0, 3, 5, 6},
        {0, 3, 9, 2, 0},
        {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},
        {3, 2, 6, 3, 0},
        {2, 5, 3, 2, 2},
        {6, 5, 2, 1, 0},
        {0, 2, 2, 3, 7},
    };

    @Test
    void fleissKappaOfTheTenSubjectFourteenRaterExample() {
        List<Rating> ratings = new ArrayList<>();
        for (int subject = 0; subject < FLEISS_EXAMPLE.length; subject++) {
            int rater = 0;
            for (int category = 0; category < 5; category++) {
                for (int n = 0; n < FLEISS_EXAMPLE[subject][category]; n++) {
                    ratings.add(Rating.of("s" + subject, "r" + rater++, Integer.toString(category + 1)));
                }
            }
        }
        RatingTable table = RatingTable.of(ratings);
        assertThat(PairwiseAgreement.percentAgreement(table)).isCloseTo(0.378, within(THREE_DECIMALS));
        assertThat(PairwiseAgreement.fleissKappa(table)).isCloseTo(0.210, within(THREE_DECIMALS));
        // Per category, the published shares p_j: 0.143, 0.200, 0.279, 0.150, 0.229.
        assertThat(PairwiseAgreement.shares(table.countsPerItem()))
                .containsExactly(new double[] {0.143, 0.200, 0.279, 0.150, 0.229}, within(THREE_DECIMALS));
        // Fleiss' kappa of one category against the rest equals Fleiss' kappa of the dichotomized ratings.
        double[] perLabel = PairwiseAgreement.fleissKappaPerLabel(table);
        for (int category = 0; category < 5; category++) {
            String label = Integer.toString(category + 1);
            RatingTable binary = RatingTable.of(ratings.stream()
                    .map(r -> Rating.of(r.item(), r.rater(), r.label().equals(label) ? "yes" : "no"))
                    .toList());
            assertThat(perLabel[category]).isCloseTo(PairwiseAgreement.fleissKappa(binary), within(1e-12));
        }
    }

    /**
     * Cohen's kappa worked example of Wikipedia's "Cohen's kappa" (two readers, 50 grant proposals): both yes 20,
     * A yes B no 5, A no B yes 10, both no 15. Published: po 0.7, pe 0.5, kappa 0.4.
     */
    @Test
    void cohenKappaOfTheFiftyProposalsExample() {
        List<Rating> ratings = new ArrayList<>();
        int[][] cells = {{20, 1, 1}, {5, 1, 0}, {10, 0, 1}, {15, 0, 0}};
        int proposal = 0;
        for (int[] cell : cells) {
            for (int n = 0; n < cell[0]; n++) {
                ratings.add(Rating.of("p" + proposal, "A", cell[1] == 1 ? "yes" : "no"));
                ratings.add(Rating.of("p" + proposal, "B", cell[2] == 1 ? "yes" : "no"));
                proposal++;
            }
        }
        PairAgreement pair = CohenKappa.of(RatingTable.of(ratings), "A", "B");
        assertThat(pair.items()).isEqualTo(50);
        assertThat(pair.percentAgreement()).isCloseTo(0.700, within(THREE_DECIMALS));
        assertThat(pair.cohenKappa()).isCloseTo(0.400, within(THREE_DECIMALS));
    }

    /**
     * Cohen, J. (1960). "A coefficient of agreement for nominal scales", Educational and Psychological Measurement
     * 20(1), Table 1: 200 items, 3 categories, observed proportions diagonal .44, .20, .06 (po .70), chance pe .41,
     * kappa .492. The table prints proportions with marginals .60/.30/.10 (rows) and .50/.30/.20 (columns); the
     * off-diagonal counts here are one table with those marginals (kappa depends only on diagonal and marginals).
     */
    @Test
    void cohenKappaOfCohen1960() {
        long[][] matrix = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};
        PairAgreement pair = CohenKappa.fromMatrix("A", "B", matrix, 200);
        assertThat(pair.percentAgreement()).isCloseTo(0.700, within(THREE_DECIMALS));
        assertThat(pair.cohenKappa()).isCloseTo(0.492, within(THREE_DECIMALS));
    }
}
