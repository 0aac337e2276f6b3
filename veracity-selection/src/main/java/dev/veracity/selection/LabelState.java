package dev.veracity.selection;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.ValueText;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The label's rows and values, for the bad-input checks. */
final class LabelState {
    private final Set<String> classes = new HashSet<>();
    private final Map<String, String> canonical = new HashMap<>();
    private long rows;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** {@return the labelled rows} */
    long rows() {
        return rows;
    }

    /** {@return one String instance per class, so samples and maps share it} */
    String canonical(String value) {
        String known = canonical.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    void addClass(String value) {
        rows++;
        if (classes.size() < 2) {
            classes.add(value);
        }
    }

    void addValue(double value) {
        rows++;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    boolean isUsable(Task task) {
        return rows > 0 && (task == Task.CLASSIFICATION ? classes.size() >= 2 : min < max);
    }

    void check(Path file, String label, Task task) {
        if (rows == 0) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION,
                    file + ": expected values of the label " + label + ", found it missing on every row");
        }
        boolean constant = task == Task.CLASSIFICATION ? classes.size() < 2 : min == max;
        if (constant) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION,
                    file + ": expected a label " + label
                            + " with at least 2 values, found it constant ("
                            + (task == Task.CLASSIFICATION ? classes.iterator().next() : ValueText.of(min))
                            + ") on all "
                            + rows + " labelled rows");
        }
    }
}
