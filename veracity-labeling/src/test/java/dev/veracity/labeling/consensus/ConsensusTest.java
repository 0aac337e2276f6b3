package dev.veracity.labeling.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.labeling.ratings.Rating;
import dev.veracity.labeling.ratings.RatingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsensusTest {
    private static final RatingTable TIED = RatingTable.of(List.of(
            Rating.of("q1", "ann", "spam"),
            Rating.of("q1", "bob", "spam"),
            Rating.of("q1", "cid", "ham"),
            Rating.of("q2", "ann", "spam"),
            Rating.of("q2", "bob", "ham")));

    @Nested
    class Vote {
        @Test
        void majorityWithEachTiePolicy() {
            Consensus abstain = Votes.majority(TiePolicy.ABSTAIN).aggregate(TIED);
            assertThat(abstain.items().get(0).label()).isEqualTo("spam");
            assertThat(abstain.items().get(0).confidence()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(abstain.items().get(0).posterior()).containsExactly(1.0 / 3, 2.0 / 3); // labels: ham, spam
            assertThat(abstain.items().get(1).hasLabel()).isFalse();
            assertThat(abstain.adjudicationQueue(0.6))
                    .extracting(ItemConsensus::item)
                    .containsExactly("q2");
            assertThat(abstain.adjudicationQueue(0.9))
                    .extracting(ItemConsensus::item)
                    .containsExactly("q2", "q1");
            assertThat(Votes.majority(TiePolicy.FIRST)
                            .aggregate(TIED)
                            .items()
                            .get(1)
                            .label())
                    .isEqualTo("ham");
            String random = Votes.majority(TiePolicy.RANDOM)
                    .aggregate(TIED)
                    .items()
                    .get(1)
                    .label();
            assertThat(random).isIn("ham", "spam");
            assertThat(Votes.majority(TiePolicy.RANDOM)
                            .aggregate(TIED)
                            .items()
                            .get(1)
                            .label())
                    .isEqualTo(random);
        }

        @Test
        void weightsBreakTheTie() {
            Consensus c = Votes.weighted(Map.of("ann", 3.0), TiePolicy.ABSTAIN).aggregate(TIED);
            assertThat(c.items().get(1).label()).isEqualTo("spam");
            assertThat(c.items().get(1).confidence()).isCloseTo(0.75, within(1e-12));
            assertThat(c.items().get(0).confidence()).isCloseTo(4.0 / 5, within(1e-12));
        }
    }

    @Nested
    class DawidSkeneEm {
        /**
         * A simulated crowd with a fixed seed: 600 items of 3 classes, each rated by 7 raters: 3 good (right 75% of
         * the time, else a uniform wrong class), 2 spammers (uniform) and 2 biased (class "a" 90% of the time).
         * Majority vote is misled by the biased pair; Dawid-Skene learns their confusion matrices and discounts them.
         */
        @Test
        void beatsMajorityVoteOnASimulatedCrowdWithBadRaters() {
            SplittableRandom random = new SplittableRandom(2024);
            String[] classes = {"a", "b", "c"};
            List<String> truth = new ArrayList<>();
            List<Rating> ratings = new ArrayList<>();
            for (int item = 0; item < 600; item++) {
                int t = random.nextInt(3);
                truth.add(classes[t]);
                for (int rater = 0; rater < 7; rater++) {
                    int given;
                    if (rater < 3) {
                        given = random.nextDouble() < 0.75 ? t : (t + 1 + random.nextInt(2)) % 3;
                    } else if (rater < 5) {
                        given = random.nextInt(3);
                    } else {
                        given = random.nextDouble() < 0.9 ? 0 : random.nextInt(3);
                    }
                    ratings.add(Rating.of("i" + item, "r" + rater, classes[given]));
                }
            }
            RatingTable table = RatingTable.of(ratings);
            double majority = accuracy(Votes.majority(TiePolicy.RANDOM).aggregate(table), truth);
            Consensus em = new DawidSkene().aggregate(table);
            double dawidSkene = accuracy(em, truth);

            assertThat(majority).isEqualTo(380.0 / 600);
            assertThat(dawidSkene).isEqualTo(516.0 / 600);
            assertThat(dawidSkene - majority).isGreaterThan(0.15);
            Map<String, Double> accuracy = em.raterAccuracy();
            assertThat(accuracy.get("r0")).isCloseTo(0.75, within(0.05));
            assertThat(accuracy.get("r3")).isCloseTo(1.0 / 3, within(0.06));
            assertThat(em.confusions().get("r5")[1][0]).isCloseTo(0.9 + 0.1 / 3, within(0.05));
            assertThat(em.iterations()).isLessThan(DawidSkene.DEFAULT_MAX_ITERATIONS);
        }

        @Test
        void unanimousRatersGiveCertainty() {
            RatingTable table = RatingTable.of(List.of(
                    Rating.of("x", "a", "1"),
                    Rating.of("x", "b", "1"),
                    Rating.of("y", "a", "2"),
                    Rating.of("y", "b", "2")));
            Consensus c = new DawidSkene().aggregate(table);
            assertThat(c.items()).extracting(ItemConsensus::label).containsExactly("1", "2");
            assertThat(c.items().get(0).confidence()).isGreaterThan(0.99);
        }

        private static double accuracy(Consensus consensus, List<String> truth) {
            int right = 0;
            for (int i = 0; i < truth.size(); i++) {
                ItemConsensus item = consensus.items().get(i);
                assertThat(item.item()).isEqualTo("i" + i);
                if (item.label().equals(truth.get(i))) {
                    right++;
                }
            }
            return (double) right / truth.size();
        }
    }
}
