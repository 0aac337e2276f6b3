package dev.veracity.labeling.agreement;

import static java.util.Objects.requireNonNull;

import dev.veracity.labeling.ratings.Rating;
import dev.veracity.labeling.ratings.RatingTable;
import dev.veracity.labeling.ratings.RepeatedRatings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Agreement of a table of ratings: overall, per label, per rater pair and per instruction version.
 *
 * <pre>{@code
 * AgreementReport report = AgreementReport.of(table, Level.NOMINAL);
 * }</pre>
 *
 * @param overall    all ratings
 * @param perLabel   per label (in the table's label order)
 * @param perPair    per pair of raters who share at least one item, in rater order
 * @param perVersion per instruction version (sorted), when ratings carry more than one; else empty
 */
public record AgreementReport(
        Summary overall, List<LabelAgreement> perLabel, List<PairAgreement> perPair, Map<String, Summary> perVersion) {
    public AgreementReport {
        requireNonNull(overall, "overall is null");
        perLabel = List.copyOf(perLabel);
        perPair = List.copyOf(perPair);
        perVersion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perVersion));
    }

    /**
     * Agreement of a set of ratings.
     *
     * @param items            items rated
     * @param pairableItems    items with at least two ratings (the others tell nothing about agreement)
     * @param ratings          ratings
     * @param raters           raters
     * @param percentAgreement mean share of agreeing rating pairs per item
     * @param fleissKappa      Fleiss' kappa
     * @param alpha            Krippendorff's alpha at {@code level}
     * @param level            the level of alpha
     */
    public record Summary(
            long items,
            long pairableItems,
            long ratings,
            int raters,
            double percentAgreement,
            double fleissKappa,
            double alpha,
            Level level) {}

    /**
     * Agreement on one label.
     *
     * @param label             the label
     * @param ratings           how many ratings gave it
     * @param share             its share of the ratings of pairable items
     * @param fleissKappa       Fleiss' kappa of this label against all others
     * @param specificAgreement of the rating pairs that include this label, the share where both give it
     */
    public record LabelAgreement(
            String label, long ratings, double share, double fleissKappa, double specificAgreement) {}

    /**
     * {@return the report of {@code table}, alpha at {@code level}}
     *
     * @throws dev.veracity.ConfigException if a rater rated an item more than once: pairs of a rater with themself
     *                                      would count as agreement ({@link RepeatedRatings#REFUSE} finds the row)
     */
    public static AgreementReport of(RatingTable table, Level level) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < table.size(); i++) {
            if (!seen.add(((long) table.itemOf(i) << 32) | table.raterOf(i))) {
                Rating r = table.ratings().get(i);
                throw new dev.veracity.ConfigException("ratings: expected one rating per rater and item, found rater "
                        + r.rater() + " rating item " + r.item() + " more than once");
            }
        }
        List<LabelAgreement> perLabel = new ArrayList<>();
        int[][] counts = table.countsPerItem();
        double[] share = PairwiseAgreement.shares(counts);
        double[] kappa = PairwiseAgreement.fleissKappaPerLabel(table);
        for (int j = 0; j < table.labels().size(); j++) {
            long ratings = 0;
            double both = 0;
            double with = 0;
            for (int[] item : counts) {
                ratings += item[j];
                int n = PairwiseAgreement.total(item);
                if (n >= 2) {
                    both += (double) item[j] * (item[j] - 1);
                    with += (double) item[j] * (n - 1);
                }
            }
            perLabel.add(new LabelAgreement(
                    table.labels().get(j), ratings, share[j], kappa[j], with == 0 ? Double.NaN : both / with));
        }
        List<PairAgreement> perPair = new ArrayList<>();
        List<String> raters = table.raters();
        for (int a = 0; a < raters.size(); a++) {
            for (int b = a + 1; b < raters.size(); b++) {
                PairAgreement pair = CohenKappa.of(table, raters.get(a), raters.get(b));
                if (pair.items() > 0) {
                    perPair.add(pair);
                }
            }
        }
        TreeSet<String> versions = new TreeSet<>();
        for (Rating r : table.ratings()) {
            versions.add(r.instructionVersion());
        }
        Map<String, Summary> perVersion = new LinkedHashMap<>();
        if (versions.size() > 1) {
            for (String version : versions) {
                perVersion.put(
                        version,
                        summary(table.filter(r -> r.instructionVersion().equals(version)), level));
            }
        }
        return new AgreementReport(summary(table, level), perLabel, perPair, perVersion);
    }

    static Summary summary(RatingTable table, Level level) {
        int[][] counts = table.countsPerItem();
        long pairable = 0;
        for (int[] item : counts) {
            if (PairwiseAgreement.total(item) >= 2) {
                pairable++;
            }
        }
        return new Summary(
                table.items().size(),
                pairable,
                table.size(),
                table.raters().size(),
                PairwiseAgreement.percentAgreement(counts),
                PairwiseAgreement.fleissKappa(counts),
                KrippendorffAlpha.of(table, level),
                level);
    }
}
