/**
 * Semi-supervised labeling: an exact k-nearest-neighbour graph ({@link dev.veracity.labeling.propagate.KdTree}) over
 * scaled and one-hot encoded features, and scikit-learn's label spreading and label propagation on it
 * ({@link dev.veracity.labeling.propagate.Propagator}), so that the few given labels reach similar unlabeled rows.
 * Files in, a labeled CSV out: {@link dev.veracity.labeling.propagate.LabelPropagation}. Approximate indexes do not
 * belong here (the graph is exact, which is what makes the result scikit-learn's).
 */
package dev.veracity.labeling.propagate;
