package dev.veracity.labeling.propagate;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Runs label spreading or label propagation on a k-nearest-neighbour graph with scikit-learn's definitions
 * ({@code sklearn.semi_supervised}, kernel "knn"), so that the same graph and labels give scikit-learn's label
 * distributions and transduction.
 *
 * <pre>{@code
 * int[] neighbors = KdTree.build(points, dimension).nearestOfEach(7);
 * Propagation p = new Propagator(PropagationOptions.defaults(PropagationMethod.SPREADING)).run(neighbors, labels, 3);
 * }</pre>
 *
 * <p>The graph W has a 1 from each row to each of its k nearest rows (itself included), so it is not symmetric.
 * Spreading uses {@code S = D^-1/2 W' D^-1/2}, where W' is W without its diagonal and D holds W''s column sums
 * (in-degrees; 1 for a row no other row chose), and iterates {@code F = alpha S F + (1 - alpha) Y}. Propagation
 * iterates {@code F = W F} with each unlabeled row normalized to sum 1 and each labeled row reset to its label.
 * Both start from F = Y (one-hot rows for labeled rows, zeros for the others), stop before a step when the summed
 * absolute change of the last step is below {@code tol} or after {@code maxIter} steps, and normalize the rows at
 * the end. Sums are taken in scikit-learn's order; rows are computed in parallel, each by one thread.
 */
public final class Propagator {
    private static final int ROW_BLOCK = 1024;

    private final PropagationOptions options;

    public Propagator(PropagationOptions options) {
        this.options = Objects.requireNonNull(options, "options is null");
    }

    /**
     * {@return the label distributions of every row}
     *
     * @param neighbors each row's {@code options.neighbors()} nearest rows, row-major, as {@link KdTree} gives them
     * @param labels    each row's class in {@code [0, classes)}, or -1 for an unlabeled row
     * @param classes   the number of classes
     * @throws IllegalArgumentException if the arrays' sizes disagree or a label is out of range
     */
    public Propagation run(int[] neighbors, int[] labels, int classes) {
        Objects.requireNonNull(neighbors, "neighbors is null");
        Objects.requireNonNull(labels, "labels is null");
        int k = options.neighbors();
        int n = labels.length;
        if (classes < 1 || neighbors.length != n * k) {
            throw new IllegalArgumentException(
                    "expected " + n + " * " + k + " neighbours and classes >= 1, found " + neighbors.length);
        }
        double[] start = new double[n * classes];
        for (int i = 0; i < n; i++) {
            if (labels[i] >= classes || labels[i] < -1) {
                throw new IllegalArgumentException("label of row " + i + " out of range: " + labels[i]);
            }
            if (labels[i] >= 0) {
                start[i * classes + labels[i]] = 1;
            }
        }
        Step step = switch (options.method()) {
            case SPREADING -> new Spreading(neighbors, n, k, start, options.alpha());
            case PROPAGATION -> new Clamped(neighbors, n, k, labels, start);
        };
        double[] current = start;
        double[] previous = new double[n * classes];
        int iteration = 0;
        boolean converged = false;
        for (; iteration < options.maxIter(); iteration++) {
            if (PairwiseSum.absoluteDifference(current, previous) < options.tol()) {
                converged = true;
                break;
            }
            previous = current;
            double[] next = new double[n * classes];
            double[] from = current;
            IntStream.range(0, (n + ROW_BLOCK - 1) / ROW_BLOCK)
                    .parallel()
                    .forEach(b -> step.rows(from, next, classes, b * ROW_BLOCK, Math.min(n, (b + 1) * ROW_BLOCK)));
            current = next;
        }
        for (int i = 0; i < n; i++) {
            normalize(current, i * classes, classes);
        }
        return new Propagation(classes, current, iteration, converged);
    }

    /** Divides a row by its sum (NumPy's order), leaving an all-zero row as it is. */
    static void normalize(double[] values, int from, int classes) {
        double sum = PairwiseSum.of(values, from, classes);
        if (sum == 0) {
            return;
        }
        for (int c = 0; c < classes; c++) {
            values[from + c] /= sum;
        }
    }

    /** One iteration over a range of rows. */
    private interface Step {
        void rows(double[] from, double[] to, int classes, int first, int last);
    }

    /** LabelSpreading's step over the normalized graph, its entries summed in column order as SciPy's CSR does. */
    private static final class Spreading implements Step {
        private final int k;
        private final int[] columns; // each row's neighbours but itself, by row index
        private final int[] counts;
        private final double[] weights;
        private final double[] clamped;
        private final double alpha;

        Spreading(int[] neighbors, int n, int k, double[] start, double alpha) {
            this.k = k;
            this.alpha = alpha;
            this.columns = new int[n * k];
            this.counts = new int[n];
            this.weights = new double[n * k];
            int[] inDegree = new int[n];
            for (int i = 0; i < n; i++) {
                int count = 0;
                for (int j = 0; j < k; j++) {
                    int to = neighbors[i * k + j];
                    if (to != i) {
                        columns[i * k + count++] = to;
                        inDegree[to]++;
                    }
                }
                counts[i] = count;
                Arrays.sort(columns, i * k, i * k + count);
            }
            double[] root = new double[n];
            for (int i = 0; i < n; i++) {
                root[i] = inDegree[i] == 0 ? 1 : Math.sqrt(inDegree[i]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < counts[i]; j++) {
                    weights[i * k + j] = 1.0 / root[i] / root[columns[i * k + j]];
                }
            }
            this.clamped = new double[start.length];
            for (int i = 0; i < start.length; i++) {
                clamped[i] = start[i] * (1 - alpha);
            }
        }

        @Override
        public void rows(double[] from, double[] to, int classes, int first, int last) {
            for (int i = first; i < last; i++) {
                int out = i * classes;
                for (int j = 0; j < counts[i]; j++) {
                    double w = weights[i * k + j];
                    int in = columns[i * k + j] * classes;
                    for (int c = 0; c < classes; c++) {
                        to[out + c] += w * from[in + c];
                    }
                }
                for (int c = 0; c < classes; c++) {
                    to[out + c] = alpha * to[out + c] + clamped[out + c];
                }
            }
        }
    }

    /**
     * LabelPropagation's step: W F summed in neighbour order, unlabeled rows normalized, labeled rows reset. W's
     * entries are 1 divided by the in-degree of row 0, as scikit-learn scales them; the scale cancels in the
     * normalization and is kept so that sums round as scikit-learn's do.
     */
    private static final class Clamped implements Step {
        private final int[] neighbors;
        private final int k;
        private final int[] labels;
        private final double[] start;
        private final double weight;

        Clamped(int[] neighbors, int n, int k, int[] labels, double[] start) {
            this.neighbors = neighbors;
            this.k = k;
            this.labels = labels;
            this.start = start;
            int inDegreeOfFirst = 0;
            for (int to : neighbors) {
                inDegreeOfFirst += to == 0 ? 1 : 0;
            }
            this.weight = inDegreeOfFirst == 0 ? 1 : 1.0 / inDegreeOfFirst;
        }

        @Override
        public void rows(double[] from, double[] to, int classes, int first, int last) {
            for (int i = first; i < last; i++) {
                int out = i * classes;
                if (labels[i] >= 0) {
                    System.arraycopy(start, out, to, out, classes);
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    int in = neighbors[i * k + j] * classes;
                    for (int c = 0; c < classes; c++) {
                        to[out + c] += weight * from[in + c];
                    }
                }
                normalize(to, out, classes);
            }
        }
    }
}
