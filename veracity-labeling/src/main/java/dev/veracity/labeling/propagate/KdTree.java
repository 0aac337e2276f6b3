package dev.veracity.labeling.propagate;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * An exact k-nearest-neighbour index over points in Euclidean space: a k-d tree with median splits on the dimension
 * of widest spread, tight bounding boxes per node and points stored in tree order, searched depth first, nearer
 * child first, pruning a node whose box is farther than the current k-th neighbour.
 *
 * <pre>{@code
 * KdTree tree = KdTree.build(points, dimension);        // points row-major: n * dimension values
 * int[] neighbors = tree.nearestOfEach(7);             // n * 7 row indices, each point itself first
 * }</pre>
 *
 * <p>Distances are squared Euclidean sums taken feature by feature in order, as scikit-learn's trees take them, and
 * neighbours come in order of distance; ties (equal distances, duplicated rows) go to the smaller row index, so the
 * graph is a function of the data and not of the tree or the thread count.
 */
public final class KdTree {
    private static final int LEAF_SIZE = 24;
    private static final int QUERY_BLOCK = 256;

    private final int dimension;
    private final int size;
    private final double[] points; // tree order
    private final int[] rowOf; // tree position -> row
    private final int[] start;
    private final int[] end;
    private final int[] left; // -1 for a leaf
    private final int[] right;
    private final double[] lower; // node * dimension
    private final double[] upper;
    private int nodes;

    private KdTree(double[] data, int dimension) {
        this.dimension = dimension;
        this.size = data.length / dimension;
        this.rowOf = new int[size];
        for (int i = 0; i < size; i++) {
            rowOf[i] = i;
        }
        int capacity = 2 * (2 * size / LEAF_SIZE + 2) + 1;
        this.start = new int[capacity];
        this.end = new int[capacity];
        this.left = new int[capacity];
        this.right = new int[capacity];
        this.lower = new double[capacity * dimension];
        this.upper = new double[capacity * dimension];
        if (size > 0) {
            build(data, 0, size);
        }
        this.points = new double[data.length];
        for (int p = 0; p < size; p++) {
            System.arraycopy(data, rowOf[p] * dimension, points, p * dimension, dimension);
        }
    }

    /**
     * {@return an index over {@code points}}, read as rows of {@code dimension} values (not copied back: later changes
     * to the array do not reach the index)
     *
     * @throws IllegalArgumentException if the dimension is not positive or does not divide the array's length
     */
    public static KdTree build(double[] points, int dimension) {
        Objects.requireNonNull(points, "points is null");
        if (dimension <= 0 || points.length % dimension != 0) {
            throw new IllegalArgumentException(
                    "dimension " + dimension + " does not divide " + points.length + " values");
        }
        return new KdTree(points, dimension);
    }

    /** {@return the number of points indexed} */
    public int size() {
        return size;
    }

    /**
     * {@return the {@code k} nearest points of every indexed point, itself included}: row {@code i}'s neighbours are
     * at {@code [i * k, (i + 1) * k)}, nearest first, ties by row index; computed on all cores
     *
     * @throws IllegalArgumentException unless {@code 1 <= k <= size()}
     */
    public int[] nearestOfEach(int k) {
        if (k < 1 || k > size) {
            throw new IllegalArgumentException("k must be in [1, " + size + "]: " + k);
        }
        int[] neighbors = new int[size * k];
        int blocks = (size + QUERY_BLOCK - 1) / QUERY_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            Search search = new Search(k);
            int to = Math.min(size, (b + 1) * QUERY_BLOCK);
            for (int p = b * QUERY_BLOCK; p < to; p++) { // tree order: neighbouring queries share their nodes
                search.run(points, p * dimension);
                search.sortedInto(neighbors, rowOf[p] * k);
            }
        });
        return neighbors;
    }

    /** {@return the squared distance of two rows of {@code data}, summed feature by feature} */
    static double squaredDistance(double[] data, int a, int b, int dimension) {
        double sum = 0;
        for (int f = 0; f < dimension; f++) {
            double d = data[a + f] - data[b + f];
            sum += d * d;
        }
        return sum;
    }

    private int build(double[] data, int from, int to) {
        int node = nodes++;
        start[node] = from;
        end[node] = to;
        int box = node * dimension;
        for (int f = 0; f < dimension; f++) {
            lower[box + f] = Double.POSITIVE_INFINITY;
            upper[box + f] = Double.NEGATIVE_INFINITY;
        }
        for (int p = from; p < to; p++) {
            int row = rowOf[p] * dimension;
            for (int f = 0; f < dimension; f++) {
                double v = data[row + f];
                lower[box + f] = Math.min(lower[box + f], v);
                upper[box + f] = Math.max(upper[box + f], v);
            }
        }
        int widest = 0;
        for (int f = 1; f < dimension; f++) {
            if (upper[box + f] - lower[box + f] > upper[box + widest] - lower[box + widest]) {
                widest = f;
            }
        }
        if (to - from <= LEAF_SIZE || !(upper[box + widest] > lower[box + widest])) {
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        int middle = (from + to) >>> 1;
        select(data, from, to - 1, middle, widest);
        int l = build(data, from, middle);
        int r = build(data, middle, to);
        left[node] = l;
        right[node] = r;
        return node;
    }

    /** Reorders rowOf[from..to] so that position {@code nth} holds the value it would hold sorted on feature f. */
    private void select(double[] data, int from, int to, int nth, int f) {
        while (to > from) {
            double pivot = data[rowOf[(from + to) >>> 1] * dimension + f];
            int i = from;
            int j = to;
            while (i <= j) {
                while (data[rowOf[i] * dimension + f] < pivot) {
                    i++;
                }
                while (data[rowOf[j] * dimension + f] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = rowOf[i];
                    rowOf[i] = rowOf[j];
                    rowOf[j] = t;
                    i++;
                    j--;
                }
            }
            if (nth <= j) {
                to = j;
            } else if (nth >= i) {
                from = i;
            } else {
                return;
            }
        }
    }

    /** One thread's search state: a bounded max-heap of (distance, row) keyed by distance, then row. */
    private final class Search {
        private final int k;
        private final double[] distance;
        private final int[] row;
        private int count;
        private double[] query;
        private int offset;

        Search(int k) {
            this.k = k;
            this.distance = new double[k];
            this.row = new int[k];
        }

        void run(double[] data, int queryOffset) {
            count = 0;
            query = data;
            offset = queryOffset;
            visit(0, boxDistance(0));
        }

        private void visit(int node, double boxDistance) {
            if (count == k && boxDistance > distance[0]) {
                return;
            }
            if (left[node] < 0) {
                scan(node);
                return;
            }
            double toLeft = boxDistance(left[node]);
            double toRight = boxDistance(right[node]);
            if (toLeft <= toRight) {
                visit(left[node], toLeft);
                visit(right[node], toRight);
            } else {
                visit(right[node], toRight);
                visit(left[node], toLeft);
            }
        }

        private void scan(int node) {
            for (int p = start[node]; p < end[node]; p++) {
                int at = p * dimension;
                double sum = 0;
                double bound = count == k ? distance[0] : Double.POSITIVE_INFINITY;
                int f = 0;
                for (; f < dimension; f++) {
                    double d = points[at + f] - query[offset + f];
                    sum += d * d;
                    if (sum > bound) {
                        break;
                    }
                }
                if (f == dimension) {
                    offer(sum, rowOf[p]);
                }
            }
        }

        private double boxDistance(int node) {
            int box = node * dimension;
            double sum = 0;
            for (int f = 0; f < dimension; f++) {
                double q = query[offset + f];
                double d = Math.max(Math.max(lower[box + f] - q, q - upper[box + f]), 0);
                sum += d * d;
            }
            return sum;
        }

        private boolean worse(double d1, int r1, double d2, int r2) {
            return d1 > d2 || d1 == d2 && r1 > r2;
        }

        private void offer(double d, int r) {
            if (count < k) {
                int i = count++;
                while (i > 0) { // sift up
                    int parent = (i - 1) >>> 1;
                    if (!worse(d, r, distance[parent], row[parent])) {
                        break;
                    }
                    distance[i] = distance[parent];
                    row[i] = row[parent];
                    i = parent;
                }
                distance[i] = d;
                row[i] = r;
                return;
            }
            if (!worse(distance[0], row[0], d, r)) {
                return;
            }
            siftDown(0, d, r, k);
        }

        private void siftDown(int i, double d, int r, int n) {
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) {
                    break;
                }
                if (child + 1 < n && worse(distance[child + 1], row[child + 1], distance[child], row[child])) {
                    child++;
                }
                if (!worse(distance[child], row[child], d, r)) {
                    break;
                }
                distance[i] = distance[child];
                row[i] = row[child];
                i = child;
            }
            distance[i] = d;
            row[i] = r;
        }

        /** Writes the heap's rows nearest first (the heap is emptied). */
        void sortedInto(int[] out, int at) {
            for (int n = count; n > 0; n--) {
                double d = distance[0];
                int r = row[0];
                out[at + n - 1] = r;
                double lastDistance = distance[n - 1];
                int lastRow = row[n - 1];
                siftDown(0, lastDistance, lastRow, n - 1);
                distance[n - 1] = d;
                row[n - 1] = r;
            }
            count = 0;
        }
    }
}
