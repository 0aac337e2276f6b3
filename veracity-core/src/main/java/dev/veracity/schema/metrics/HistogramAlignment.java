package dev.veracity.schema.metrics;

import dev.veracity.proto.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * TFDV's alignment of two numeric histograms into bucket-wise comparable masses (tfdv.md section 5.2), in order:
 * <ol>
 *   <li>finite buckets over the union of both sides' boundaries, a bucket's count spread over the union intervals
 *       it covers in proportion to their width (uniform density inside a bucket; gaps hold 0);</li>
 *   <li>one bucket per distinct point value (a bucket whose low and high bounds are equal), of both sides;</li>
 *   <li>mass in buckets with an infinite bound: the treatment's against 0, then 0 against the control's, so that
 *       infinities never match;</li>
 *   <li>when either side has NaNs, the treatment's NaNs against 0, then 0 against the control's: NaNs never match,
 *       not even each other.</li>
 * </ol>
 * When both sides have the same boundaries, step 1 leaves the buckets as they are (an empty gap adds nothing to
 * the divergence), which is what TFDV does without rebucketing.
 */
public final class HistogramAlignment {
    /**
     * Masses bucket by bucket, not normalized.
     *
     * @param treatment masses of the first histogram
     * @param control   masses of the second, of the same length
     */
    public record Aligned(double[] treatment, double[] control) {}

    private record Split(List<Histogram.Bucket> ranges, TreeMap<Double, Double> points, double infinite, double nan) {
        static Split of(Histogram histogram) {
            List<Histogram.Bucket> ranges = new ArrayList<>();
            TreeMap<Double, Double> points = new TreeMap<>();
            double infinite = 0;
            for (Histogram.Bucket bucket : histogram.getBucketsList()) {
                double low = bucket.getLowValue();
                double high = bucket.getHighValue();
                if (!Double.isFinite(low) || !Double.isFinite(high)) {
                    infinite += bucket.getSampleCount();
                } else if (low == high) {
                    points.merge(low, bucket.getSampleCount(), Double::sum);
                } else {
                    ranges.add(bucket);
                }
            }
            return new Split(ranges, points, infinite, histogram.getNumNan());
        }
    }

    private HistogramAlignment() {}

    /** {@return the masses of both histograms over common buckets} */
    public static Aligned align(Histogram treatment, Histogram control) {
        Split a = Split.of(treatment);
        Split b = Split.of(control);
        TreeSet<Double> bounds = new TreeSet<>();
        for (Split side : List.of(a, b)) {
            for (Histogram.Bucket bucket : side.ranges()) {
                bounds.add(bucket.getLowValue());
                bounds.add(bucket.getHighValue());
            }
        }
        TreeSet<Double> points = new TreeSet<>(a.points().keySet());
        points.addAll(b.points().keySet());
        int intervals = Math.max(0, bounds.size() - 1);
        boolean nan = a.nan() > 0 || b.nan() > 0;
        int size = intervals + points.size() + (a.infinite() > 0 ? 1 : 0) + (b.infinite() > 0 ? 1 : 0) + (nan ? 2 : 0);
        double[] p = new double[size];
        double[] q = new double[size];
        Double[] edges = bounds.toArray(new Double[0]);
        spread(a.ranges(), edges, p);
        spread(b.ranges(), edges, q);
        int i = intervals;
        for (double point : points) {
            p[i] = a.points().getOrDefault(point, 0.0);
            q[i] = b.points().getOrDefault(point, 0.0);
            i++;
        }
        if (a.infinite() > 0) {
            p[i++] = a.infinite();
        }
        if (b.infinite() > 0) {
            q[i++] = b.infinite();
        }
        if (nan) {
            p[i++] = a.nan();
            q[i] = b.nan();
        }
        return new Aligned(p, q);
    }

    /** Adds each bucket's count to the intervals between consecutive {@code edges}, in proportion to overlap. */
    private static void spread(List<Histogram.Bucket> buckets, Double[] edges, double[] masses) {
        for (Histogram.Bucket bucket : buckets) {
            double low = Math.min(bucket.getLowValue(), bucket.getHighValue());
            double high = Math.max(bucket.getLowValue(), bucket.getHighValue());
            double width = high - low;
            if (!Double.isFinite(width)) {
                // bounds near +-Double.MAX_VALUE: halve before subtracting, so the shares stay finite
                width = high / 2 - low / 2;
                for (int k = 0; k + 1 < edges.length && edges[k] < high; k++) {
                    double overlap = Math.min(high, edges[k + 1]) / 2 - Math.max(low, edges[k]) / 2;
                    if (overlap > 0) {
                        masses[k] += bucket.getSampleCount() * (overlap / width);
                    }
                }
                continue;
            }
            for (int k = 0; k + 1 < edges.length; k++) {
                if (edges[k] >= high) {
                    break;
                }
                double overlap = Math.min(high, edges[k + 1]) - Math.max(low, edges[k]);
                if (overlap > 0) {
                    masses[k] += bucket.getSampleCount() * (overlap / width);
                }
            }
        }
    }
}
