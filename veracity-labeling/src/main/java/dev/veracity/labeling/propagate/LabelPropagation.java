package dev.veracity.labeling.propagate;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Semi-supervised labeling of data files: the few given labels spread to similar unlabeled rows over an exact
 * k-nearest-neighbour graph, with scikit-learn's LabelSpreading or LabelPropagation (kernel "knn").
 *
 * <pre>{@code
 * PropagatedLabels labels = LabelPropagation.run(List.of(Path.of("flowers.csv")), TableOptions.DEFAULT,
 *         PropagationRequest.of("species"));
 * labels.write(Path.of("labeled.csv"));
 * }</pre>
 */
public final class LabelPropagation {
    private LabelPropagation() {}

    /**
     * {@return the propagated labels of every row of the files}
     *
     * @throws InputException INVALID_OPTION for a missing column or more neighbours than rows, LABEL_EVENT_INVALID
     *                        when no row has a label, FEATURE_TYPE_CONFLICT for a numeric feature that is not a number
     *                        (naming file, line and column); the readers' errors for a malformed file
     */
    public static PropagatedLabels run(List<Path> files, TableOptions options, PropagationRequest request)
            throws IOException {
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(request, "request is null");
        LabeledRows rows = LabeledRows.read(List.copyOf(files), options, request);
        List<String> classes = classes(rows.labels);
        if (classes.isEmpty()) {
            throw new InputException(
                    ErrorCode.LABEL_EVENT_INVALID,
                    files.get(0) + ": expected some rows with a label in column " + request.label() + ", found "
                            + rows.rows + " rows, all unlabeled");
        }
        int k = request.options().neighbors();
        if (k > rows.rows) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION,
                    "--neighbors: expected at most the number of rows, " + rows.rows + ", found " + k);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] labels = new int[rows.rows];
        for (int r = 0; r < rows.rows; r++) {
            String label = rows.labels.get(r);
            labels[r] = label.isEmpty() ? -1 : index.get(label);
        }
        double[] points =
                FeatureMatrix.encode(rows.numbers, rows.numeric.size(), rows.categories, rows.rows, request.scaling());
        int width = points.length / rows.rows;
        int[] neighbors = KdTree.build(points, width).nearestOfEach(k);
        Propagation propagation = new Propagator(request.options()).run(neighbors, labels, classes.size());
        return new PropagatedLabels(request, rows, classes, labels, propagation);
    }

    /**
     * {@return the distinct non-empty labels in scikit-learn's order}: numeric order when every label is a number (as
     * {@code np.unique} sorts numeric targets), else text order
     */
    static List<String> classes(List<String> labels) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String label : labels) {
            if (!label.isEmpty()) {
                distinct.add(label);
            }
        }
        List<String> sorted = new ArrayList<>(distinct);
        if (sorted.stream().allMatch(LabelPropagation::isNumber)) {
            sorted.sort(Comparator.comparing((String s) -> new BigDecimal(s.strip()))
                    .thenComparing(s -> s));
        } else {
            sorted.sort(Comparator.naturalOrder());
        }
        return sorted;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
