package dev.veracity.labeling.feedback;

import java.util.ArrayList;
import java.util.List;

/** Counts of label delays in fixed buckets from under a minute to 30 days and over; mergeable, order-free. */
final class DelayHistogram {
    /** Upper bounds (exclusive) of the buckets in seconds; the last bucket is unbounded. */
    static final long[] UPPER_SECONDS = {60, 300, 900, 3_600, 21_600, 86_400, 604_800, 2_592_000};

    static final String[] NAMES = {"< 1m", "1m-5m", "5m-15m", "15m-1h", "1h-6h", "6h-1d", "1d-7d", "7d-30d", ">= 30d"};

    private final long[] counts = new long[UPPER_SECONDS.length + 1];
    private long total;
    private long sumMillis;
    private long minMillis = Long.MAX_VALUE;
    private long maxMillis = Long.MIN_VALUE;

    void add(long delayMillis) {
        int bucket = 0;
        while (bucket < UPPER_SECONDS.length && delayMillis >= UPPER_SECONDS[bucket] * 1000) {
            bucket++;
        }
        counts[bucket]++;
        total++;
        sumMillis += delayMillis;
        minMillis = Math.min(minMillis, delayMillis);
        maxMillis = Math.max(maxMillis, delayMillis);
    }

    void merge(DelayHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sumMillis += other.sumMillis;
        minMillis = Math.min(minMillis, other.minMillis);
        maxMillis = Math.max(maxMillis, other.maxMillis);
    }

    LabelingReport.Delays result() {
        List<LabelingReport.DelayBucket> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            buckets.add(new LabelingReport.DelayBucket(
                    NAMES[i],
                    i == 0 ? 0 : UPPER_SECONDS[i - 1],
                    i < UPPER_SECONDS.length ? UPPER_SECONDS[i] : -1,
                    counts[i]));
        }
        return new LabelingReport.Delays(
                total,
                total == 0 ? 0 : minMillis / 1000.0,
                total == 0 ? 0 : maxMillis / 1000.0,
                total == 0 ? 0 : sumMillis / 1000.0 / total,
                buckets);
    }
}
