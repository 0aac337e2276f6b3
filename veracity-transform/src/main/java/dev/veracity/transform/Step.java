package dev.veracity.transform;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a transform spec: an output feature computed by an op from input columns.
 *
 * <pre>{@code
 * Step pace = new Step("pace_z", Op.SCALE_TO_Z_SCORE, List.of("pace"), Parameters.DEFAULT, "spec.yaml:2:5");
 * }</pre>
 *
 * @param name       the output feature ({@code tfidf} also writes {@code name + "_weight"})
 * @param op         the op
 * @param inputs     the input columns (two or more for cross, one otherwise)
 * @param parameters the op's parameters
 * @param where      {@code FILE:LINE:COLUMN} of the step's input in the spec, for messages about its column
 */
public record Step(String name, Op op, List<String> inputs, Parameters parameters, String where) {
    public Step {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(op, "op is null");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(parameters, "parameters is null");
        Objects.requireNonNull(where, "where is null");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("step " + name + " has no input");
        }
    }

    /** {@return the single input column (the first for cross)} */
    public String input() {
        return inputs.get(0);
    }

    /** {@return the names of the columns this step writes, in order} */
    public List<String> outputs() {
        return op == Op.TFIDF ? List.of(name, name + "_weight") : List.of(name);
    }
}
