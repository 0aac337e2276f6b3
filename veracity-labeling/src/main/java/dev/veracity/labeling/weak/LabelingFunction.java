package dev.veracity.labeling.weak;

import dev.veracity.data.Column;
import java.util.List;

/**
 * A labeling function: a heuristic that votes for a label or abstains, row by row, reading some columns of a
 * table. Labels are indexes into the label list of the {@link LabelingFunctions} it belongs to. The functions of a
 * YAML file are {@link MatcherFunction}s and {@link ColumnMapFunction}s; any other implementation can be added in
 * Java.
 *
 * <pre>{@code
 * LabelingFunction tooLong = new MatcherFunction("too_long", "text", 0, new Matcher.Regex(Pattern.compile(".{500}")));
 * LabelMatrix matrix = LabelMatrix.apply(files, TableOptions.DEFAULT, LabelingFunctions.of(labels, List.of(tooLong)));
 * }</pre>
 */
public interface LabelingFunction {
    /** The vote of a function that does not label a row. */
    int ABSTAIN = -1;

    /** {@return the function's name, unique among the functions applied together} */
    String name();

    /** {@return the columns the function reads, in the order {@link #label} receives them} */
    List<String> columns();

    /**
     * Votes on the rows of one batch: {@code votes[r]} becomes a label index or {@link #ABSTAIN} for each
     * {@code r < rows}. A missing value must not fail: the function abstains.
     *
     * @param columns the batch's columns named by {@link #columns()}, in that order
     * @param rows    the batch's row count
     * @param votes   at least {@code rows} long
     */
    void label(List<Column> columns, int rows, int[] votes);
}
