package dev.veracity.labeling.weak;

import static java.util.Objects.requireNonNull;

import dev.veracity.data.Column;
import java.util.List;

/**
 * A labeling function that votes {@code label} on a row when any value of its column matches, and abstains
 * otherwise (also on a missing value).
 *
 * <pre>{@code
 * LabelingFunction f = new MatcherFunction("kw_refund", "text", 0, Matcher.keywords(List.of("refund")));
 * }</pre>
 *
 * @param name    the function's name
 * @param column  the column it reads
 * @param label   the label index it votes for
 * @param matcher what it looks for
 */
public record MatcherFunction(String name, String column, int label, Matcher matcher) implements LabelingFunction {
    public MatcherFunction {
        requireNonNull(name, "name is null");
        requireNonNull(column, "column is null");
        requireNonNull(matcher, "matcher is null");
        if (label < 0) {
            throw new IllegalArgumentException("label must be >= 0: " + label);
        }
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public void label(List<Column> columns, int rows, int[] votes) {
        Column values = columns.get(0);
        int[] offsets = values.rowOffsets();
        boolean[] present = values.present();
        for (int r = 0; r < rows; r++) {
            int vote = ABSTAIN;
            if (present[r]) {
                for (int v = offsets[r]; v < offsets[r + 1]; v++) {
                    if (matcher.matches(values, v)) {
                        vote = label;
                        break;
                    }
                }
            }
            votes[r] = vote;
        }
    }
}
