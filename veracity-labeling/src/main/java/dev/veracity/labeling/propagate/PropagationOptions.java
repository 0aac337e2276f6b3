package dev.veracity.labeling.propagate;

/**
 * The parameters of one label propagation run, with scikit-learn's meanings and defaults.
 *
 * <pre>{@code
 * PropagationOptions options = PropagationOptions.defaults(PropagationMethod.SPREADING).withNeighbors(10);
 * }</pre>
 *
 * @param method    spreading or propagation
 * @param neighbors k of the k-nearest-neighbour graph, the row itself counted (scikit-learn's {@code n_neighbors})
 * @param alpha     spreading's clamping factor in (0, 1): the share of a row's distribution that comes from its
 *                  neighbours at each step (ignored by propagation)
 * @param maxIter   the iteration cap ({@code max_iter})
 * @param tol       the run stops when the summed absolute change of all distributions in one step is below it
 */
public record PropagationOptions(PropagationMethod method, int neighbors, double alpha, int maxIter, double tol) {
    /** scikit-learn's {@code n_neighbors} default. */
    public static final int DEFAULT_NEIGHBORS = 7;
    /** scikit-learn's LabelSpreading {@code alpha} default. */
    public static final double DEFAULT_ALPHA = 0.2;
    /** scikit-learn's {@code tol} default. */
    public static final double DEFAULT_TOL = 1e-3;

    public PropagationOptions {
        java.util.Objects.requireNonNull(method, "method is null");
        if (neighbors < 1) {
            throw new IllegalArgumentException("neighbors must be positive: " + neighbors);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be positive: " + maxIter);
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be >= 0: " + tol);
        }
    }

    /** {@return scikit-learn's defaults for the method: 7 neighbours, alpha 0.2, 30 (spreading) or 1000 iterations} */
    public static PropagationOptions defaults(PropagationMethod method) {
        return new PropagationOptions(method, DEFAULT_NEIGHBORS, DEFAULT_ALPHA, defaultMaxIter(method), DEFAULT_TOL);
    }

    /** {@return scikit-learn's {@code max_iter} default of the method: 30 for spreading, 1000 for propagation} */
    public static int defaultMaxIter(PropagationMethod method) {
        return switch (method) {
            case SPREADING -> 30;
            case PROPAGATION -> 1000;
        };
    }

    /** {@return these options with another k} */
    public PropagationOptions withNeighbors(int k) {
        return new PropagationOptions(method, k, alpha, maxIter, tol);
    }
}
