package dev.veracity.monitoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ADWIN (Bifet and Gavalda 2007) as river's {@code ADWIN}: a window kept as an exponential histogram (at most
 * {@code maxBuckets} buckets of each size 2^k), checked every {@code clock} values once it is longer than
 * {@code gracePeriod}; the oldest bucket is dropped while some split W0 | W1 (each at least
 * {@code minWindowLength} long) has |mean0 - mean1| > eps_cut, with d = ln(2 ln|W| / delta),
 * 1/m = 1/(n0 - l + 1) + 1/(n1 - l + 1) and eps_cut = sqrt(2 (1/m) var_W d) + (2/3) d (1/m). A drop is a drift.
 *
 * <pre>{@code
 * AdaptiveWindowing adwin = new AdaptiveWindowing(0.002);
 * }</pre>
 */
public final class AdaptiveWindowing implements ErrorStreamDetector {
    private static final int MAX_BUCKETS = 5;
    private static final int CLOCK = 32;
    private static final int MIN_WINDOW_LENGTH = 5;
    private static final int GRACE_PERIOD = 10;

    private final double delta;
    /** Per level k (buckets of 2^k values), oldest first: {total, sum of squared deviations}. */
    private final List<ArrayDeque<double[]>> levels = new ArrayList<>();

    private long width;
    private double total;
    private double variance;
    private long tick;

    /** An ADWIN with river's default confidence delta = 0.002. */
    public AdaptiveWindowing() {
        this(0.002);
    }

    /** An ADWIN with the given confidence. */
    public AdaptiveWindowing(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("expected 0 < delta < 1, found " + delta);
        }
        this.delta = delta;
    }

    /** {@return the current window length} */
    public long width() {
        return width;
    }

    @Override
    public boolean update(double value) {
        tick++;
        if (width > 0) {
            double meanBefore = total / width;
            variance += width * (value - meanBefore) * (value - meanBefore) / (width + 1);
        }
        width++;
        total += value;
        if (levels.isEmpty()) {
            levels.add(new ArrayDeque<>());
        }
        levels.get(0).addLast(new double[] {value, 0});
        compress();
        return tick % CLOCK == 0 && width > GRACE_PERIOD && shrink();
    }

    private void compress() {
        for (int level = 0; level < levels.size(); level++) {
            ArrayDeque<double[]> buckets = levels.get(level);
            if (buckets.size() <= MAX_BUCKETS) {
                return;
            }
            double[] a = buckets.pollFirst();
            double[] b = buckets.pollFirst();
            double n = Math.pow(2, level);
            double meanA = a[0] / n;
            double meanB = b[0] / n;
            double[] merged = {a[0] + b[0], a[1] + b[1] + n * n * (meanA - meanB) * (meanA - meanB) / (2 * n)};
            if (level + 1 == levels.size()) {
                levels.add(new ArrayDeque<>());
            }
            levels.get(level + 1).addLast(merged);
        }
    }

    /** Drops the oldest buckets while a split shows a change; {@return whether any was dropped} */
    private boolean shrink() {
        boolean dropped = false;
        boolean cut = true;
        while (cut && width > GRACE_PERIOD) {
            cut = false;
            double n0 = 0;
            double u0 = 0;
            for (int level = levels.size() - 1; level >= 0 && !cut; level--) {
                double size = Math.pow(2, level);
                for (Iterator<double[]> it = levels.get(level).iterator(); it.hasNext(); ) {
                    double[] bucket = it.next();
                    n0 += size;
                    u0 += bucket[0];
                    double n1 = width - n0;
                    if (n0 >= MIN_WINDOW_LENGTH
                            && n1 >= MIN_WINDOW_LENGTH
                            && isCut(n0, n1, u0 / n0 - (total - u0) / n1)) {
                        cut = true;
                        break;
                    }
                }
            }
            if (cut) {
                dropOldest();
                dropped = true;
            }
        }
        return dropped;
    }

    private boolean isCut(double n0, double n1, double meanDifference) {
        double d = Math.log(2 * Math.log(width) / delta);
        double reciprocal = 1 / (n0 - MIN_WINDOW_LENGTH + 1) + 1 / (n1 - MIN_WINDOW_LENGTH + 1);
        double epsilon = Math.sqrt(2 * reciprocal * (variance / width) * d) + 2.0 / 3 * d * reciprocal;
        return Math.abs(meanDifference) > epsilon;
    }

    private void dropOldest() {
        int level = levels.size() - 1;
        double[] bucket = levels.get(level).pollFirst();
        double n = Math.pow(2, level);
        double restWidth = width - n;
        if (restWidth > 0) {
            double mean = bucket[0] / n;
            double restMean = (total - bucket[0]) / restWidth;
            variance -= bucket[1] + n * restWidth * (mean - restMean) * (mean - restMean) / width;
        } else {
            variance = 0;
        }
        width -= (long) n;
        total -= bucket[0];
        variance = Math.max(variance, 0);
        while (!levels.isEmpty() && levels.get(levels.size() - 1).isEmpty()) {
            levels.remove(levels.size() - 1);
        }
    }

    @Override
    public String name() {
        return "adwin";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("delta", delta);
        parameters.put("clock", (double) CLOCK);
        parameters.put("max_buckets", (double) MAX_BUCKETS);
        parameters.put("min_window_length", (double) MIN_WINDOW_LENGTH);
        parameters.put("grace_period", (double) GRACE_PERIOD);
        return parameters;
    }

    @Override
    public boolean binary() {
        return false;
    }
}
