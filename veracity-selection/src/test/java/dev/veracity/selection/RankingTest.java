package dev.veracity.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingTest {
    private static FeatureResult scored(String name, double strength) {
        return new FeatureResult(
                name,
                Kind.NUMERIC,
                500,
                List.of(new Score(Method.PEARSON, Math.sqrt(strength), 0.01, 0, strength)),
                List.of(),
                0,
                false);
    }

    /** {@return a and b nearly equal (r about 0.99), c independent of both} */
    private static Redundancy redundancy() {
        Redundancy redundancy = new Redundancy();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            double a = random.nextGaussian();
            double b = a + 0.1 * random.nextGaussian();
            double c = random.nextGaussian();
            redundancy.addNumeric("a", a, "b", b);
            redundancy.addNumeric("a", a, "c", c);
            redundancy.addNumeric("b", b, "c", c);
        }
        return redundancy;
    }

    private static final List<FeatureResult> FEATURES = List.of(scored("c", 0.3), scored("b", 0.45), scored("a", 0.5));

    @Test
    void byRelevanceTheSecondCopyOfASignalIsRedundantAndNotSelected() {
        List<FeatureResult> ranked = new Ranking(0, 0).rank(FEATURES, redundancy());
        assertThat(ranked).extracting(FeatureResult::name).containsExactly("a", "b", "c");
        assertThat(ranked).extracting(FeatureResult::selected).containsExactly(true, false, true);
        FeatureResult b = ranked.get(1);
        assertThat(b.redundantWith()).map(FeatureResult.Redundant::name).contains("a");
        assertThat(b.redundantWith().get().value()).isCloseTo(0.995, within(0.01));
        assertThat(b.warnings()).extracting(FeatureWarning::kind).containsExactly(FeatureWarning.Kind.REDUNDANT);
        assertThat(ranked.get(2).redundantWith()).isEmpty();
    }

    @Test
    void mrmrRanksTheIndependentFeatureBeforeTheCopy() {
        List<FeatureResult> ranked =
                new Ranking(2, 0, Ranking.Order.MRMR, Ranking.DEFAULT_MAX_REDUNDANCY).rank(FEATURES, redundancy());
        assertThat(ranked).extracting(FeatureResult::name).containsExactly("a", "c", "b");
        assertThat(ranked).extracting(FeatureResult::selected).containsExactly(true, true, false);
        assertThat(ranked).extracting(FeatureResult::rank).containsExactly(1, 2, 3);
    }

    @Test
    void aHigherThresholdKeepsBothAndNoMeasureMeansNoRedundancy() {
        List<FeatureResult> ranked = new Ranking(0, 0, Ranking.Order.RELEVANCE, 0.999).rank(FEATURES, redundancy());
        assertThat(ranked).extracting(FeatureResult::selected).containsExactly(true, true, true);
        assertThat(new Ranking(0, 0, Ranking.Order.MRMR, 0.5).rank(FEATURES))
                .extracting(FeatureResult::name)
                .containsExactly("a", "b", "c");
        assertThat(redundancy().between("a", "missing")).isEqualTo(Optional.empty());
    }

    @Test
    void categoricalPairsUseCramersV() {
        Redundancy redundancy = new Redundancy();
        for (int i = 0; i < 100; i++) {
            redundancy.addCategorical("color", i % 3 == 0 ? "red" : "blue", "shade", i % 3 == 0 ? "dark" : "light");
        }
        assertThat(redundancy.between("shade", "color"))
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(1.0, within(1e-12)));
    }
}
