package dev.veracity.monitoring;

import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bins of one feature shared by a baseline and a current dataset: for numbers, quantiles of both datasets pooled
 * (so that where the current data went the bins are finer), as many as the smaller dataset allows at 100 rows a bin
 * (2 to 20); then adjacent bins merged until each holds at least {@code minRows} rows of each dataset. For text,
 * a bin per value with {@code minRows} rows in each dataset and the rest pooled into one "other" bin. Missing
 * values and a pooled bin still too small are left out (counted as dropped).
 */
final class FeatureBins {
    /** Rows per bin aimed at when choosing the number of quantile bins. */
    static final int ROWS_PER_BIN = 100;

    static final int MAX_BINS = 20;

    private final boolean numeric;
    /** Numbers: the lower edges of bins 1..k-1 (bin 0 starts at -infinity). */
    private final double[] edges;
    /** Text: the bin of each value kept on its own; others go to {@code otherBin}. */
    private final Map<String, Integer> values;

    private final int otherBin;
    private final List<String> names;

    private FeatureBins(
            boolean numeric, double[] edges, Map<String, Integer> values, int otherBin, List<String> names) {
        this.numeric = numeric;
        this.edges = edges;
        this.values = values;
        this.otherBin = otherBin;
        this.names = names;
    }

    /** {@return the number of bins} */
    int count() {
        return names.size();
    }

    /** {@return the bins' names: {@code [a, b)} or a value or {@code other (n values)}} */
    List<String> names() {
        return names;
    }

    /** {@return the bin of a row, or -1 if it is left out} */
    int binOf(ShiftData data, int feature, int row) {
        if (numeric) {
            double v = data.numbers.get(feature)[row];
            if (Double.isNaN(v)) {
                return -1;
            }
            int bin = Arrays.binarySearch(edges, v);
            return bin >= 0 ? bin + 1 : -bin - 1;
        }
        String text = data.texts.get(feature).get(row);
        if (text.isEmpty()) {
            return -1;
        }
        Integer bin = values.get(text);
        return bin != null ? bin : otherBin;
    }

    static FeatureBins of(ShiftData baseline, ShiftData current, int feature, int minRows) {
        return baseline.numeric.get(feature)
                ? numeric(baseline.numbers.get(feature), current.numbers.get(feature), minRows)
                : text(baseline.texts.get(feature), current.texts.get(feature), minRows);
    }

    private static FeatureBins numeric(double[] a, double[] b, int minRows) {
        double[] x = Arrays.stream(a).filter(v -> !Double.isNaN(v)).toArray();
        double[] y = Arrays.stream(b).filter(v -> !Double.isNaN(v)).toArray();
        double[] pooled = new double[x.length + y.length];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        Arrays.sort(pooled);
        int bins = Math.max(2, Math.min(MAX_BINS, Math.min(x.length, y.length) / ROWS_PER_BIN));
        List<Double> candidates = new ArrayList<>();
        for (int k = 1; k < bins && pooled.length > 0; k++) {
            double edge = pooled[(int) ((long) k * pooled.length / bins)];
            if (candidates.isEmpty() || edge > candidates.get(candidates.size() - 1)) {
                candidates.add(edge);
            }
        }
        double[] candidate =
                candidates.stream().mapToDouble(Double::doubleValue).toArray();
        long[][] counts = new long[candidate.length + 1][2];
        for (double v : x) {
            counts[bin(candidate, v)][0]++;
        }
        for (double v : y) {
            counts[bin(candidate, v)][1]++;
        }
        List<Double> kept = new ArrayList<>();
        long haveA = 0;
        long haveB = 0;
        for (int k = 0; k < counts.length; k++) {
            haveA += counts[k][0];
            haveB += counts[k][1];
            if (haveA >= minRows && haveB >= minRows && k < candidate.length) {
                kept.add(candidate[k]);
                haveA = 0;
                haveB = 0;
            }
        }
        if ((haveA < minRows || haveB < minRows) && !kept.isEmpty()) {
            kept.remove(kept.size() - 1); // the last bin is too small: merge it into the one before
        }
        double[] edges = kept.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> names = new ArrayList<>();
        for (int k = 0; k <= edges.length; k++) {
            String low = k == 0 ? "-inf" : ValueText.of(edges[k - 1]);
            String high = k == edges.length ? "inf" : ValueText.of(edges[k]);
            names.add("[" + low + ", " + high + ")");
        }
        return new FeatureBins(true, edges, Map.of(), -1, names);
    }

    private static int bin(double[] edges, double v) {
        int bin = Arrays.binarySearch(edges, v);
        return bin >= 0 ? bin + 1 : -bin - 1;
    }

    private static FeatureBins text(List<String> a, List<String> b, int minRows) {
        Map<String, long[]> counts = new TreeMap<>();
        a.stream().filter(v -> !v.isEmpty()).forEach(v -> counts.computeIfAbsent(v, k -> new long[2])[0]++);
        b.stream().filter(v -> !v.isEmpty()).forEach(v -> counts.computeIfAbsent(v, k -> new long[2])[1]++);
        Map<String, Integer> values = new TreeMap<>();
        List<String> names = new ArrayList<>();
        long otherA = 0;
        long otherB = 0;
        int others = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            if (e.getValue()[0] >= minRows && e.getValue()[1] >= minRows) {
                values.put(e.getKey(), names.size());
                names.add(e.getKey());
            } else {
                otherA += e.getValue()[0];
                otherB += e.getValue()[1];
                others++;
            }
        }
        int otherBin = -1;
        if (others > 0 && otherA >= minRows && otherB >= minRows) {
            otherBin = names.size();
            names.add("other (" + others + " values)");
        }
        return new FeatureBins(false, new double[0], values, otherBin, names);
    }
}
