package dev.veracity.monitoring;

import java.util.List;

/**
 * The columns of the model check: per numeric feature its value standardized with the baseline's mean and standard
 * deviation (0 when missing) and indicators of its bins but the first; per text feature indicators of its bins but
 * the first. The bins give the model the shape of P(y|x); the linear term carries it past the outer edges.
 */
final class ModelDesign {
    private final List<FeatureBins> bins;
    private final double[] mean;
    private final double[] sd;
    private final boolean[] numeric;
    private final int width;

    ModelDesign(ShiftData baseline, List<FeatureBins> bins) {
        this.bins = bins;
        int features = bins.size();
        mean = new double[features];
        sd = new double[features];
        numeric = new boolean[features];
        int columns = 0;
        for (int f = 0; f < features; f++) {
            numeric[f] = baseline.numeric.get(f);
            if (numeric[f]) {
                double sum = 0;
                double squares = 0;
                long n = 0;
                for (double v : baseline.numbers.get(f)) {
                    if (!Double.isNaN(v)) {
                        sum += v;
                        squares += v * v;
                        n++;
                    }
                }
                mean[f] = n == 0 ? 0 : sum / n;
                double variance = n == 0 ? 0 : squares / n - mean[f] * mean[f];
                sd[f] = variance > 1e-24 ? Math.sqrt(variance) : 1;
                columns++;
            }
            columns += Math.max(0, bins.get(f).count() - 1);
        }
        width = columns;
    }

    /** {@return the model's inputs for a row} */
    double[] row(ShiftData data, int row) {
        double[] x = new double[width];
        int at = 0;
        for (int f = 0; f < bins.size(); f++) {
            if (numeric[f]) {
                double v = data.numbers.get(f)[row];
                x[at++] = Double.isNaN(v) ? 0 : (v - mean[f]) / sd[f];
            }
            int bin = bins.get(f).binOf(data, f, row);
            if (bin > 0) {
                x[at + bin - 1] = 1;
            }
            at += Math.max(0, bins.get(f).count() - 1);
        }
        return x;
    }
}
