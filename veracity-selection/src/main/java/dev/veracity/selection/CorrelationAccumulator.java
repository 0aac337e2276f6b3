package dev.veracity.selection;

/**
 * Count, means, sums of squared deviations and co-deviation of two numbers, for Pearson's r and f_regression.
 * Merge is associative and commutative (Chan's pairwise update, equal up to rounding for any split); a new
 * accumulator is its identity. Fixed size.
 */
public final class CorrelationAccumulator {
    private double n;
    private double meanX;
    private double meanY;
    private double m2x;
    private double m2y;
    private double cxy;

    /** Adds one complete row of finite numbers. */
    public void add(double x, double y) {
        n += 1;
        double dx = x - meanX;
        meanX += dx / n;
        double dy = y - meanY;
        meanY += dy / n;
        m2x += dx * (x - meanX);
        m2y += dy * (y - meanY);
        cxy += dx * (y - meanY);
    }

    /** Adds the other's rows to this one; the other is unchanged. */
    public void merge(CorrelationAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator with itself");
        }
        if (other.n == 0) {
            return;
        }
        double total = n + other.n;
        double dx = other.meanX - meanX;
        double dy = other.meanY - meanY;
        double w = n * other.n / total;
        m2x += other.m2x + dx * dx * w;
        m2y += other.m2y + dy * dy * w;
        cxy += other.cxy + dx * dy * w;
        meanX += dx * other.n / total;
        meanY += dy * other.n / total;
        n = total;
    }

    /** {@return the rows added} */
    public long count() {
        return (long) n;
    }

    /** {@return the sum of squared deviations of x; 0 for a constant feature} */
    public double sumSquaresX() {
        return m2x;
    }

    /** {@return the sum of squared deviations of y} */
    public double sumSquaresY() {
        return m2y;
    }

    /** {@return Pearson's r in [-1, 1]; NaN when either variable is constant or there are no rows} */
    public double pearson() {
        if (m2x == 0 || m2y == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, cxy / Math.sqrt(m2x * m2y)));
    }
}
