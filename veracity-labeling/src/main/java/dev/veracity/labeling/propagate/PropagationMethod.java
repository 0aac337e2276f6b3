package dev.veracity.labeling.propagate;

/**
 * How labels travel along the k-nearest-neighbour graph, as scikit-learn defines its two models.
 *
 * <pre>{@code
 * PropagationOptions options = PropagationOptions.defaults(PropagationMethod.SPREADING);
 * }</pre>
 */
public enum PropagationMethod {
    /**
     * scikit-learn's {@code LabelSpreading(kernel="knn")} (Zhou et al. 2004): the symmetrically normalized graph
     * {@code D^-1/2 W D^-1/2} (W without self loops, D its in-degrees), soft clamping: each step is
     * {@code alpha * S F + (1 - alpha) Y}, so a given label may change. Default 30 iterations.
     */
    SPREADING,
    /**
     * scikit-learn's {@code LabelPropagation(kernel="knn")} (Zhu and Ghahramani 2002): each unlabeled row takes the
     * normalized sum of its neighbours' distributions, given rows are clamped to their labels. Default 1000
     * iterations.
     */
    PROPAGATION
}
