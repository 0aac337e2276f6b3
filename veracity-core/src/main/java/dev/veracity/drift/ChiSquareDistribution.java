package dev.veracity.drift;

/**
 * The chi-square distribution, through the regularized incomplete gamma function {@code P(a, x)} (series for
 * {@code x < a + 1}, Lentz's continued fraction for {@code Q(a, x)} above; relative accuracy about 1e-14).
 *
 * <pre>{@code
 * ChiSquareDistribution.cdf(3.841, 1);       // 0.95
 * ChiSquareDistribution.survival(3.841, 1);  // 0.05, the p-value of a chi-square statistic of 3.841
 * }</pre>
 */
public final class ChiSquareDistribution {
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;

    private ChiSquareDistribution() {}

    /** {@return P(X <= x) for X chi-square with {@code degreesOfFreedom} > 0; 0 for x <= 0} */
    public static double cdf(double x, double degreesOfFreedom) {
        checkDegrees(degreesOfFreedom);
        return x <= 0 ? 0 : regularizedGammaP(degreesOfFreedom / 2, x / 2);
    }

    /** {@return P(X > x), the p-value of a chi-square statistic x with {@code degreesOfFreedom} > 0; 1 for x <= 0} */
    public static double survival(double x, double degreesOfFreedom) {
        checkDegrees(degreesOfFreedom);
        return x <= 0 ? 1 : regularizedGammaQ(degreesOfFreedom / 2, x / 2);
    }

    private static void checkDegrees(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
            throw new IllegalArgumentException("degrees of freedom must be positive: " + degreesOfFreedom);
        }
    }

    /** {@return the regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), for a > 0, x >= 0} */
    static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (Double.isInfinite(x)) {
            return 1;
        }
        return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x);
    }

    /** {@return the regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), for a > 0, x >= 0} */
    static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x);
    }

    /** P(a, x) = x^a e^-x / Γ(a + 1) * sum_n x^n / ((a + 1)...(a + n)). */
    private static double series(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** Q(a, x) by the continued fraction 1 / (x + 1 - a - 1 (1 - a) / (x + 3 - a - ...)), modified Lentz. */
    private static double continuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** {@return ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, 9 terms; relative error about 1e-15)} */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection: Γ(x) Γ(1 - x) = π / sin(πx)
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double[] coefficients = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        double z = x - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
