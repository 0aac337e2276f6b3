package dev.veracity.labeling.propagate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a label propagation run: each row's label distribution over the classes (scikit-learn's
 * {@code label_distributions_}) and the number of iterations run.
 *
 * <pre>{@code
 * Propagation p = new Propagator(options).run(neighbors, labels, classes.size());
 * int best = p.transduction(row);  double confidence = p.confidence(row);
 * }</pre>
 *
 * @param classes       the number of classes
 * @param distributions row-major, {@code rows * classes} values; each row sums to 1, or is all 0 for a row no label
 *                      reached
 * @param iterations    scikit-learn's {@code n_iter_}
 * @param converged     whether the change fell below the tolerance before the iteration cap
 */
public record Propagation(int classes, double[] distributions, int iterations, boolean converged) {
    public Propagation {
        Objects.requireNonNull(distributions, "distributions is null");
        if (classes < 1 || distributions.length % classes != 0) {
            throw new IllegalArgumentException("expected rows * " + classes + " values, found " + distributions.length);
        }
    }

    /** {@return the number of rows} */
    public int rows() {
        return distributions.length / classes;
    }

    /** {@return the probability of class {@code c} for {@code row}} */
    public double probability(int row, int c) {
        return distributions[row * classes + c];
    }

    /** {@return the distribution of {@code row}, a copy} */
    public List<Double> distribution(int row) {
        Double[] values = new Double[classes];
        for (int c = 0; c < classes; c++) {
            values[c] = distributions[row * classes + c];
        }
        return List.of(values);
    }

    /**
     * {@return the class of highest probability of {@code row}, the first on a tie}: scikit-learn's
     * {@code transduction_}, which is class 0 for a row no label reached
     */
    public int transduction(int row) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (distributions[row * classes + c] > distributions[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@return the highest probability of {@code row}: 0 when no label reached it} */
    public double confidence(int row) {
        return distributions[row * classes + transduction(row)];
    }

    /** {@return whether some label reached {@code row}} */
    public boolean isReached(int row) {
        return confidence(row) > 0;
    }
}
