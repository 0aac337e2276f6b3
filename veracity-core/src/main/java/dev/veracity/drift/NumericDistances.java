package dev.veracity.drift;

/**
 * Distances between two reconstructed numeric distributions. Both CDFs are linear between consecutive edges of the
 * union of their buckets (with jumps at point buckets), so the supremum and the integral of their difference are
 * computed exactly from the values at the edges and their left limits: no grid, no sampling.
 */
final class NumericDistances {
    private NumericDistances() {}

    /** {@return the Kolmogorov-Smirnov statistic sup |F − G| of the reconstructions} */
    static double kolmogorovSmirnov(HistogramDistribution f, HistogramDistribution g) {
        double d = 0;
        for (double x : HistogramDistribution.edges(f, g)) {
            d = Math.max(d, Math.abs(f.cdf(x) - g.cdf(x)));
            d = Math.max(d, Math.abs(f.cdfBelow(x) - g.cdfBelow(x)));
        }
        return d;
    }

    /** {@return the Wasserstein-1 distance ∫ |F − G| dx of the reconstructions, in the feature's unit} */
    static double wasserstein(HistogramDistribution f, HistogramDistribution g) {
        double[] edges = HistogramDistribution.edges(f, g);
        double distance = 0;
        for (int i = 0; i + 1 < edges.length; i++) {
            double a = edges[i];
            double b = edges[i + 1];
            // F − G is linear on (a, b): its right value at a and its left limit at b
            double left = f.cdf(a) - g.cdf(a);
            double right = f.cdfBelow(b) - g.cdfBelow(b);
            distance += (b - a) * integralOfAbsoluteLine(left, right);
        }
        return distance;
    }

    /** {@return ∫₀¹ |l + (r − l) t| dt} */
    private static double integralOfAbsoluteLine(double l, double r) {
        if ((l >= 0 && r >= 0) || (l <= 0 && r <= 0)) {
            return (Math.abs(l) + Math.abs(r)) / 2;
        }
        return (l * l + r * r) / (2 * (Math.abs(l) + Math.abs(r)));
    }

    /**
     * {@return the masses (fractions) of a distribution in the buckets cut at the baseline's edges: (−∞, e₀],
     * (e₀, e₁], ..., (e_last, ∞)}, so mass outside the baseline's range has a bucket of its own
     */
    static double[] bucketMasses(HistogramDistribution distribution, double[] baselineEdges) {
        double[] masses = new double[baselineEdges.length + 1];
        double below = 0;
        for (int i = 0; i < baselineEdges.length; i++) {
            double upTo = distribution.cdf(baselineEdges[i]);
            masses[i] = Math.max(0, upTo - below);
            below = Math.max(below, upTo);
        }
        masses[baselineEdges.length] = Math.max(0, 1 - below);
        return masses;
    }
}
