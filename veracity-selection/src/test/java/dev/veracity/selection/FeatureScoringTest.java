package dev.veracity.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeatureScoringTest {
    private static final FeatureScoring ALL = new FeatureScoring(Set.of(Method.values()), 0.99);

    private static FeatureAccumulator feature(Kind kind, Task task) {
        return new FeatureAccumulator("f", kind, task, 1000, 1000, 1);
    }

    @Nested
    class Warnings {
        @Test
        void perfectSeparationIsLeakageWithNoInfiniteScore() {
            FeatureAccumulator f = feature(Kind.NUMERIC, Task.CLASSIFICATION);
            for (int i = 0; i < 30; i++) {
                f.addRow(true);
                f.addNumericClass(i % 2, i % 2 == 0 ? "a" : "b");
            }
            FeatureResult result = ALL.score(f);
            assertThat(result.scores()).extracting(Score::method).doesNotContain(Method.ANOVA_F);
            assertThat(result.warnings()).extracting(FeatureWarning::kind).contains(FeatureWarning.Kind.LEAKAGE);
            assertThat(result.isBlocked()).isTrue();
        }

        @Test
        void aNearConstantCategoricalFeatureIsWarned() {
            FeatureAccumulator f = feature(Kind.CATEGORICAL, Task.CLASSIFICATION);
            for (int i = 0; i < 200; i++) {
                f.addRow(true);
                f.addCategoricalClass(i == 0 ? "rare" : "common", i % 3 == 0 ? "a" : "b");
            }
            assertThat(ALL.score(f).warnings())
                    .extracting(FeatureWarning::kind)
                    .containsExactly(FeatureWarning.Kind.NEAR_CONSTANT);
        }

        @Test
        void anIdentifierIsIdLikeNotLeakage() {
            FeatureAccumulator f = feature(Kind.CATEGORICAL, Task.CLASSIFICATION);
            for (int i = 0; i < 100; i++) {
                f.addRow(true);
                f.addCategoricalClass("id" + i, i % 2 == 0 ? "a" : "b");
            }
            assertThat(ALL.score(f).warnings())
                    .extracting(FeatureWarning::kind)
                    .containsExactly(FeatureWarning.Kind.ID_LIKE);
        }

        @Test
        void anIntIdentifierIsIdLikeInBothTasksAndAfterAMerge() {
            for (Task task : new Task[] {Task.CLASSIFICATION, Task.REGRESSION}) {
                FeatureAccumulator left = feature(Kind.NUMERIC, task);
                FeatureAccumulator right = feature(Kind.NUMERIC, task);
                for (int i = 0; i < 5000; i++) {
                    FeatureAccumulator f = i % 3 == 0 ? left : right;
                    long id = 100_000L + i;
                    f.addRow(true);
                    f.addIntValue(id);
                    if (task == Task.CLASSIFICATION) {
                        f.addNumericClass(id, i % 2 == 0 ? "a" : "b");
                    } else {
                        f.addNumericValue(id, (i * 31) % 17);
                    }
                }
                left.merge(right);
                FeatureResult result = ALL.score(left);
                assertThat(left.distinctIntValues()).as(task.name()).isCloseTo(5000, within(250L));
                assertThat(result.warnings())
                        .as(task.name())
                        .extracting(FeatureWarning::kind)
                        .contains(FeatureWarning.Kind.ID_LIKE)
                        .doesNotContain(FeatureWarning.Kind.LEAKAGE);
                assertThat(result.isBlocked()).isTrue();
            }
        }

        @Test
        void aFewIntValuesOrFloatValuesAreNotIdLike() {
            FeatureAccumulator counts = feature(Kind.NUMERIC, Task.CLASSIFICATION);
            FeatureAccumulator floats = feature(Kind.NUMERIC, Task.CLASSIFICATION);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 1000; i++) {
                String label = i % 2 == 0 ? "a" : "b";
                long count = random.nextInt(300);
                counts.addRow(true);
                counts.addIntValue(count);
                counts.addNumericClass(count, label);
                floats.addRow(true);
                floats.addNumericClass(random.nextDouble(), label);
            }
            assertThat(counts.distinctIntValues()).isBetween(250L, 300L);
            assertThat(ALL.score(counts).warnings())
                    .extracting(FeatureWarning::kind)
                    .doesNotContain(FeatureWarning.Kind.ID_LIKE);
            assertThat(ALL.score(floats).warnings())
                    .extracting(FeatureWarning::kind)
                    .doesNotContain(FeatureWarning.Kind.ID_LIKE);
        }

        @Test
        void aConstantNumericFeatureGetsNoCorrelation() {
            FeatureAccumulator f = feature(Kind.NUMERIC, Task.REGRESSION);
            for (int i = 0; i < 10; i++) {
                f.addRow(true);
                f.addNumericValue(5, i);
            }
            FeatureResult result = ALL.score(f);
            assertThat(result.isScored()).isFalse();
            assertThat(result.warnings())
                    .extracting(FeatureWarning::kind)
                    .containsExactly(FeatureWarning.Kind.CONSTANT);
        }

        @Test
        void twoCompleteRowsAreTooFewForACorrelation() {
            FeatureAccumulator f = feature(Kind.NUMERIC, Task.REGRESSION);
            f.addRow(true);
            f.addNumericValue(1, 2);
            f.addRow(true);
            f.addNumericValue(2, 3);
            f.addRow(false);
            f.addRow(false);
            f.addRow(false);
            assertThat(ALL.score(f).warnings())
                    .extracting(FeatureWarning::kind)
                    .containsExactly(FeatureWarning.Kind.TOO_FEW_ROWS, FeatureWarning.Kind.MOSTLY_MISSING);
        }
    }

    @Nested
    class Spearman {
        @Test
        void ranksAverageTies() {
            assertThat(RankCorrelationAccumulator.ranks(new double[] {10, 20, 10, 30, 20}))
                    .containsExactly(1.5, 3.5, 1.5, 5, 3.5);
        }

        @Test
        void beyondItsCapacityRhoIsASampleEstimateCloseToTheExactOne() {
            SplittableRandom random = new SplittableRandom(3);
            RankCorrelationAccumulator exact = new RankCorrelationAccumulator(100_000, 1);
            RankCorrelationAccumulator sampled = new RankCorrelationAccumulator(5_000, 1);
            for (int i = 0; i < 50_000; i++) {
                double x = random.nextGaussian();
                double y = Math.exp(x) + random.nextGaussian();
                exact.add(x, y);
                sampled.add(x, y);
            }
            assertThat(exact.isSampled()).isFalse();
            assertThat(sampled.isSampled()).isTrue();
            assertThat(sampled.sampleSize()).isEqualTo(5_000);
            double rho = exact.spearman();
            // standard error about (1 - rho^2) / sqrt(5000) ~ 0.007; 5 of them
            assertThat(sampled.spearman()).isCloseTo(rho, within(0.035));
        }
    }
}
