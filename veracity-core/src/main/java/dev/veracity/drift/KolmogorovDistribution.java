package dev.veracity.drift;

/**
 * The asymptotic Kolmogorov distribution of {@code sqrt(n) * D}, the limit law of the Kolmogorov-Smirnov
 * statistic: {@code P(K <= λ) = 1 - 2 Σ_{j>=1} (-1)^(j-1) exp(-2 j² λ²)}. For two samples of sizes n and m, the
 * p-value of D is {@code survival(sqrt(n m / (n + m)) * D)}.
 *
 * <pre>{@code
 * KolmogorovDistribution.cdf(1.358);                     // 0.95
 * KolmogorovDistribution.twoSamplePValue(0.1, 500, 400); // p-value of D = 0.1
 * }</pre>
 */
public final class KolmogorovDistribution {
    private KolmogorovDistribution() {}

    /** {@return P(K <= λ); 0 for λ <= 0} */
    public static double cdf(double lambda) {
        return 1 - survival(lambda);
    }

    /** {@return P(K > λ); 1 for λ <= 0} */
    public static double survival(double lambda) {
        if (!(lambda > 0)) {
            return 1;
        }
        if (lambda < 0.2) {
            // the alternating series converges slowly here; the theta-function form converges fast:
            // P(K <= λ) = sqrt(2π) / λ Σ_{j>=1} exp(-(2j - 1)² π² / (8 λ²)), below 1e-40 at λ = 0.2
            double sum = 0;
            for (int j = 1; j <= 5; j++) {
                double k = 2 * j - 1;
                sum += Math.exp(-k * k * Math.PI * Math.PI / (8 * lambda * lambda));
            }
            return 1 - Math.sqrt(2 * Math.PI) / lambda * sum;
        }
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            double term = Math.exp(-2.0 * j * j * lambda * lambda);
            sum += (j % 2 == 1 ? term : -term);
            if (term < 1e-17) {
                break;
            }
        }
        return Math.min(1, Math.max(0, 2 * sum));
    }

    /**
     * {@return the asymptotic p-value of a two-sample Kolmogorov-Smirnov statistic D between samples of sizes n
     * and m, with the effective sample size n m / (n + m)}
     */
    public static double twoSamplePValue(double statistic, double n, double m) {
        if (!(n > 0) || !(m > 0)) {
            throw new IllegalArgumentException("sample sizes must be positive: " + n + ", " + m);
        }
        return survival(Math.sqrt(n * m / (n + m)) * statistic);
    }
}
