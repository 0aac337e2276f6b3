package dev.veracity.labeling.weak;

import static java.util.Objects.requireNonNull;

import dev.veracity.data.Column;
import dev.veracity.data.ValueText;
import java.util.List;
import java.util.Map;

/**
 * A labeling function that takes its vote from an existing column, such as a heuristic model's output: the row's
 * first value, as {@link ValueText} writes it, is looked up in a map from values to label indexes; a value the map
 * lacks, or a missing value, abstains.
 *
 * <pre>{@code
 * LabelingFunction f = new ColumnMapFunction("old_model", "prediction", Map.of("1", 1, "0", 0));
 * }</pre>
 *
 * @param name   the function's name
 * @param column the column it reads
 * @param votes  per value, the label index voted
 */
public record ColumnMapFunction(String name, String column, Map<String, Integer> votes) implements LabelingFunction {
    public ColumnMapFunction {
        requireNonNull(name, "name is null");
        requireNonNull(column, "column is null");
        votes = Map.copyOf(votes);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public void label(List<Column> columns, int rows, int[] out) {
        Column values = columns.get(0);
        for (int r = 0; r < rows; r++) {
            Integer vote = votes.get(ValueText.first(values, r));
            out[r] = vote == null ? ABSTAIN : vote;
        }
    }
}
