package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.StatisticsAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PresenceAccumulatorTest {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    /** Rows of 0 to 1,500 values, most of them past the exact limit of 64, so value counts are sketched. */
    private static List<double[]> manyValueCounts(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] shared = new double[1_501][];
        List<double[]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            if (random.nextInt(20) == 0) {
                rows.add(null);
                continue;
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(64) : 64 + random.nextInt(1_437);
            if (shared[length] == null) {
                shared[length] = new double[length];
            }
            rows.add(shared[length]);
        }
        return rows;
    }

    private static PresenceAccumulator accumulate(List<double[]> rows) {
        PresenceAccumulator presence = new PresenceAccumulator(OPTIONS.kllK());
        for (List<double[]> batch : Rows.chunks(rows, 500)) {
            Column column = Rows.numericColumn("x", FeatureType.INT, batch);
            presence.add(column);
        }
        return presence;
    }

    @Test
    void sketchedValueCountsMatchTheOracleByRank() {
        List<double[]> rows = manyValueCounts(61, 3_000);
        CommonStatistics common = accumulate(rows).result(rows.size(), OPTIONS.numValuesHistogramBuckets());
        StatisticsAssertions.assertCommon(common, BruteForceStatistics.common(rows, rows.size()), OPTIONS);
    }

    /** A result that merged sketches at each call would differ from call to call: KLL compacts at random. */
    @Test
    void resultIsRepeatableWhenValueCountsAreSketched() {
        List<double[]> rows = manyValueCounts(62, 10_000);
        PresenceAccumulator presence = accumulate(rows);
        CommonStatistics first = presence.result(rows.size(), 10);
        for (int i = 0; i < 20; i++) {
            assertThat(presence.result(rows.size(), 10)).isEqualTo(first);
        }
    }

    @Test
    void mergeIntoAnEmptyAccumulatorCopiesTheSketch() {
        List<double[]> rows = manyValueCounts(63, 10_000);
        PresenceAccumulator presence = accumulate(rows);
        PresenceAccumulator empty = new PresenceAccumulator(OPTIONS.kllK());
        empty.merge(presence);
        assertThat(empty.result(rows.size(), 10)).isEqualTo(presence.result(rows.size(), 10));
    }

    @Test
    void mergeOfPartsMatchesTheOracleByRank() {
        List<double[]> rows = manyValueCounts(64, 6_000);
        PresenceAccumulator merged = new PresenceAccumulator(OPTIONS.kllK());
        for (List<double[]> part : Rows.chunks(rows, 700)) {
            merged.merge(accumulate(part));
        }
        StatisticsAssertions.assertCommon(
                merged.result(rows.size(), OPTIONS.numValuesHistogramBuckets()),
                BruteForceStatistics.common(rows, rows.size()),
                OPTIONS);
    }
}
