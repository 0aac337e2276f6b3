package dev.veracity.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a batch's flat columns do not say about nested data: the list levels of nested features and the structs that
 * hold features. Readers of flat formats leave it {@link #NONE}.
 *
 * <pre>{@code
 * Nesting nesting = new Nesting(List.of(levelsOfX), List.of(sequenceStruct));
 * RecordBatch batch = new RecordBatch(rows, columns, nesting);
 * }</pre>
 *
 * @param lists   the list levels of nested features, one per column at most
 * @param structs the structs, parents before children
 */
public record Nesting(List<ListLevels> lists, List<StructRows> structs) {
    /** No nesting: every column is a flat feature with a path of one step. */
    public static final Nesting NONE = new Nesting(List.of(), List.of());

    public Nesting {
        lists = List.copyOf(Objects.requireNonNull(lists, "lists is null"));
        structs = List.copyOf(Objects.requireNonNull(structs, "structs is null"));
    }

    /** {@return whether there is no nesting} */
    public boolean isEmpty() {
        return lists.isEmpty() && structs.isEmpty();
    }

    /** {@return the list levels of a column, if it is nested or lies in a struct} */
    public Optional<ListLevels> levelsOf(String column) {
        for (ListLevels levels : lists) {
            if (levels.column().equals(column)) {
                return Optional.of(levels);
            }
        }
        return Optional.empty();
    }

    /** Checks every level against its column and every struct's length against the batch. */
    void checkAgainst(int rowCount, List<Column> columns) {
        for (ListLevels levels : lists) {
            Column column = columns.stream()
                    .filter(c -> c.name().equals(levels.column()))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalArgumentException("levels of a column not in the batch: " + levels.column()));
            levels.checkAgainst(column);
        }
        for (StructRows struct : structs) {
            if (struct.present().length < rowCount) {
                throw new IllegalArgumentException("struct " + struct.path() + " has fewer than " + rowCount + " rows");
            }
        }
    }

    Nesting select(int[] rows, int count) {
        if (isEmpty()) {
            return this;
        }
        List<ListLevels> selectedLists = new ArrayList<>(lists.size());
        for (ListLevels levels : lists) {
            selectedLists.add(levels.select(rows, count));
        }
        List<StructRows> selectedStructs = new ArrayList<>(structs.size());
        for (StructRows struct : structs) {
            selectedStructs.add(struct.select(rows, count));
        }
        return new Nesting(selectedLists, selectedStructs);
    }
}
