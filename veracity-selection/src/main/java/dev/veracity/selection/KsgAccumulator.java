package dev.veracity.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.Digamma;

/**
 * Mutual information of a numeric feature and a categorical label by the KSG k-nearest-neighbour estimator (Ross
 * 2014), as {@code sklearn.feature_selection.mutual_info_classif} computes it with k = 3: on a seeded uniform sample
 * of at most {@code capacity} complete rows (all rows below it), the feature scaled to unit variance and jittered by
 * 1e-10 x max(1, mean |x|) x N(0, 1) (seeded, as scikit-learn's {@code random_state}), rows whose class occurs once
 * dropped. An estimate: it varies with the jitter as scikit-learn's does. Memory: 24 bytes a sampled row.
 */
public final class KsgAccumulator {
    /** The neighbours, scikit-learn's default. */
    public static final int NEIGHBOURS = 3;
    /** The default sample, {@code --mi-sample}. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final long seed;
    private final PairSample sample;
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> classes = new ArrayList<>();

    /**
     * @param capacity the rows sampled at most
     * @param seed     the seed of the sample and the jitter
     */
    public KsgAccumulator(int capacity, long seed) {
        this.seed = seed;
        this.sample = new PairSample(capacity, seed);
    }

    /** Adds one complete row: a finite number and its class. */
    public void add(double x, String label) {
        sample.add(x, code(label));
    }

    private int code(String label) {
        Integer code = codes.get(label);
        if (code == null) {
            code = classes.size();
            codes.put(label, code);
            classes.add(label);
        }
        return code;
    }

    /** Adds the other's sample to this one; the other is unchanged. */
    public void merge(KsgAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator with itself");
        }
        int[] remap = new int[other.classes.size()];
        for (int i = 0; i < remap.length; i++) {
            remap[i] = code(other.classes.get(i));
        }
        sample.merge(other.sample, y -> remap[(int) y]);
    }

    /** {@return whether the estimate is on a sample of the rows} */
    public boolean isSampled() {
        return sample.isSampled();
    }

    /** {@return the rows the estimate uses, before dropping singleton classes} */
    public int sampleSize() {
        return sample.xs().length;
    }

    /** {@return the rows added} */
    public long count() {
        return sample.seen();
    }

    /** {@return the estimate in nats, at least 0; NaN with fewer than 2 rows in classes of at least 2 rows} */
    public double mutualInformation() {
        double[] x = sample.xs();
        double[] y = sample.ys();
        int n = x.length;
        sortPairs(x, y);
        prepare(x);
        int[] classCount = new int[classes.size()];
        for (double c : y) {
            classCount[(int) c]++;
        }
        double[] radius = new double[n];
        int[] k = new int[n];
        List<int[]> members = new ArrayList<>();
        for (int c = 0; c < classCount.length; c++) {
            members.add(new int[classCount[c]]);
        }
        int[] fill = new int[classCount.length];
        for (int i = 0; i < n; i++) {
            int c = (int) y[i];
            members.get(c)[fill[c]++] = i;
        }
        for (int c = 0; c < classCount.length; c++) {
            if (classCount[c] > 1) {
                kthNeighbour(x, members.get(c), Math.min(NEIGHBOURS, classCount[c] - 1), radius, k);
            }
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (classCount[(int) y[i]] > 1) {
                kept++;
            }
        }
        if (kept < 2) {
            return Double.NaN;
        }
        double[] all = new double[kept];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (classCount[(int) y[i]] > 1) {
                all[j++] = x[i];
            }
        }
        Arrays.sort(all);
        double sumK = 0;
        double sumClass = 0;
        double sumM = 0;
        for (int i = 0; i < n; i++) {
            int c = (int) y[i];
            if (classCount[c] <= 1) {
                continue;
            }
            int m = within(all, x[i], radius[i]);
            sumK += Digamma.value(k[i]);
            sumClass += Digamma.value(classCount[c]);
            sumM += Digamma.value(Math.max(1, m));
        }
        double mi = Digamma.value(kept) + (sumK - sumClass - sumM) / kept;
        return Math.max(0, mi);
    }

    /**
     * Sorts the pairs by x, then class name, so the jitter each row gets does not depend on the order the rows
     * came in: merged parts give the whole's estimate.
     */
    private void sortPairs(double[] x, double[] y) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> {
            int byX = Double.compare(x[p], x[q]);
            return byX != 0 ? byX : classes.get((int) y[p]).compareTo(classes.get((int) y[q]));
        });
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int i = 0; i < n; i++) {
            sx[i] = x[order[i]];
            sy[i] = y[order[i]];
        }
        System.arraycopy(sx, 0, x, 0, n);
        System.arraycopy(sy, 0, y, 0, n);
    }

    /** Scales x to unit variance (no centring) and adds scikit-learn's jitter, seeded. */
    private void prepare(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= Math.max(1, n);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / Math.max(1, n));
        double scale = std == 0 ? 1 : std;
        double meanAbs = 0;
        for (int i = 0; i < n; i++) {
            x[i] /= scale;
            meanAbs += Math.abs(x[i]);
        }
        meanAbs /= Math.max(1, n);
        SplittableRandom random = new SplittableRandom(seed);
        double amplitude = 1e-10 * Math.max(1, meanAbs);
        for (int i = 0; i < n; i++) {
            x[i] += amplitude * random.nextGaussian();
        }
    }

    /** Per member: k and the largest double below its k-th nearest same-class neighbour's distance. */
    private static void kthNeighbour(double[] x, int[] members, int k, double[] radius, int[] kOut) {
        int size = members.length;
        double[] values = new double[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(x[members[p]], x[members[q]]));
        for (int i = 0; i < size; i++) {
            values[i] = x[members[order[i]]];
        }
        for (int i = 0; i < size; i++) {
            int left = i - 1;
            int right = i + 1;
            double d = 0;
            for (int step = 0; step < k; step++) {
                double dl = left >= 0 ? values[i] - values[left] : Double.POSITIVE_INFINITY;
                double dr = right < size ? values[right] - values[i] : Double.POSITIVE_INFINITY;
                if (dl <= dr) {
                    d = dl;
                    left--;
                } else {
                    d = dr;
                    right++;
                }
            }
            int row = members[order[i]];
            radius[row] = d > 0 ? Math.nextDown(d) : 0;
            kOut[row] = k;
        }
    }

    /**
     * {@return how many sorted values v have |v - x| <= r, compared as differences the way a KD-tree does (x + r
     * may round onto a neighbour at distance just above r, so the bounds are corrected after the binary search)}
     */
    static int within(double[] sorted, double x, double r) {
        int lo = lowerBound(sorted, x - r);
        while (lo < sorted.length && x - sorted[lo] > r) {
            lo++;
        }
        while (lo > 0 && x - sorted[lo - 1] <= r) {
            lo--;
        }
        int hi = upperBound(sorted, x + r);
        while (hi > 0 && sorted[hi - 1] - x > r) {
            hi--;
        }
        while (hi < sorted.length && sorted[hi] - x <= r) {
            hi++;
        }
        return hi - lo;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
