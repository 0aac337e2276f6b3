package dev.veracity.labeling.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.labeling.ratings.Rating;
import dev.veracity.labeling.ratings.RatingTable;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The coefficients against brute force on random ratings (missing ratings, uneven raters per item): every ordered
 * pair of ratings of an item enumerated one by one, straight from the definitions.
 */
class AgreementProperties {
    @SeededProperty(tries = 200)
    void coefficientsMatchPairEnumeration(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int labels = Gen.between(random, 2, 4);
        int raters = Gen.between(random, 2, 5);
        List<Rating> ratings = new ArrayList<>();
        for (int item = Gen.between(random, 2, 30); item > 0; item--) {
            for (int rater = 0; rater < raters; rater++) {
                if (!Gen.oneIn(random, 4)) {
                    ratings.add(new Rating(
                            "i" + item,
                            "r" + rater,
                            Integer.toString(random.nextInt(labels) + 1),
                            random.nextBoolean() ? "v1" : "v2"));
                }
            }
        }
        RatingTable table = RatingTable.of(ratings);
        List<List<String>> units = new ArrayList<>();
        for (String item : table.items()) {
            units.add(ratings.stream()
                    .filter(r -> r.item().equals(item))
                    .map(Rating::label)
                    .toList());
        }
        double agreeSum = 0;
        int pairable = 0;
        double observed = 0; // Krippendorff: sum over ordered pairs of delta / (m - 1)
        List<String> values = new ArrayList<>();
        for (List<String> unit : units) {
            int m = unit.size();
            if (m < 2) {
                continue;
            }
            pairable++;
            int agreeing = 0;
            for (int a = 0; a < m; a++) {
                values.add(unit.get(a));
                for (int b = 0; b < m; b++) {
                    if (a != b) {
                        agreeing += unit.get(a).equals(unit.get(b)) ? 1 : 0;
                        double d = Double.parseDouble(unit.get(a)) - Double.parseDouble(unit.get(b));
                        observed += d * d / (m - 1);
                    }
                }
            }
            agreeSum += (double) agreeing / (m * (m - 1));
        }
        if (pairable == 0) {
            assertThat(PairwiseAgreement.percentAgreement(table)).isNaN();
            return;
        }
        double expected = 0; // all ordered pairs of pairable values
        for (int a = 0; a < values.size(); a++) {
            for (int b = 0; b < values.size(); b++) {
                if (a != b) {
                    double d = Double.parseDouble(values.get(a)) - Double.parseDouble(values.get(b));
                    expected += d * d;
                }
            }
        }
        assertThat(PairwiseAgreement.percentAgreement(table)).isCloseTo(agreeSum / pairable, within(1e-12));
        double interval = KrippendorffAlpha.of(table, Level.INTERVAL);
        if (expected == 0) {
            assertThat(interval).isNaN();
        } else {
            assertThat(interval).isCloseTo(1 - (values.size() - 1) * observed / expected, within(1e-9));
        }

        AgreementReport report = AgreementReport.of(table, Level.NOMINAL);
        for (String version : report.perVersion().keySet()) {
            RatingTable subset = RatingTable.of(ratings.stream()
                    .filter(r -> r.instructionVersion().equals(version))
                    .toList());
            assertThat(Double.valueOf(report.perVersion().get(version).percentAgreement())) // NaN equals NaN
                    .isEqualTo(Double.valueOf(PairwiseAgreement.percentAgreement(subset)));
        }
        for (PairAgreement pair : report.perPair()) {
            long both = table.items().stream()
                    .filter(item -> ratings.stream()
                                    .anyMatch(r ->
                                            r.item().equals(item) && r.rater().equals(pair.raterA()))
                            && ratings.stream()
                                    .anyMatch(r ->
                                            r.item().equals(item) && r.rater().equals(pair.raterB())))
                    .count();
            assertThat(pair.items()).isEqualTo(both);
        }
    }
}
