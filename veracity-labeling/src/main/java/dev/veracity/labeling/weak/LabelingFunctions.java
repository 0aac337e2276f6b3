package dev.veracity.labeling.weak;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels and the labeling functions voting for them, applied together: what a labeling-functions file declares
 * ({@link LabelingFunctionFile}), or functions written in Java.
 *
 * <pre>{@code
 * LabelingFunctions lfs = LabelingFunctionFile.read(Path.of("lfs.yaml"));
 * LabelMatrix matrix = LabelMatrix.apply(List.of(Path.of("reviews.csv")), TableOptions.DEFAULT, lfs);
 * }</pre>
 *
 * @param labels    the labels, in order: a vote is an index into this list
 * @param functions the functions, in order: column {@code j} of the label matrix is function {@code j}
 * @param origins   per function name, where it was declared ({@code lfs.yaml:12:5}), for messages; may lack names
 */
public record LabelingFunctions(List<String> labels, List<LabelingFunction> functions, Map<String, String> origins) {
    /** The most labels a label matrix holds (a vote is a byte). */
    public static final int MAX_LABELS = 127;

    public LabelingFunctions {
        labels = List.copyOf(labels);
        functions = List.copyOf(functions);
        origins = Map.copyOf(origins);
        if (labels.size() < 2 || labels.size() > MAX_LABELS || new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("expected 2 to " + MAX_LABELS + " distinct labels, found " + labels);
        }
        Set<String> names = new HashSet<>();
        for (LabelingFunction function : functions) {
            requireNonNull(function, "function is null");
            if (!names.add(function.name())) {
                throw new IllegalArgumentException("two labeling functions named " + function.name());
            }
        }
    }

    /** {@return functions written in Java, without origins} */
    public static LabelingFunctions of(List<String> labels, List<LabelingFunction> functions) {
        return new LabelingFunctions(labels, functions, Map.of());
    }

    /** {@return where function {@code name} was declared, or "labeling function NAME" when not from a file} */
    public String origin(String name) {
        String where = origins.get(name);
        return where == null ? "labeling function " + name : "labeling function " + name + " at " + where;
    }
}
