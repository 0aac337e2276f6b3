package dev.veracity.labeling.ratings;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ratings from data files (any format a {@link Table} opens) with one rating per row: item, rater and label columns, and optionally
 * the instruction version. A row with an empty item, rater or label fails naming the file, record and column.
 *
 * <pre>{@code
 * List<Rating> ratings = RatingFiles.read(List.of(Path.of("annotations.csv")), RatingColumns.DEFAULT);
 * }</pre>
 */
public final class RatingFiles {
    private RatingFiles() {}

    /**
     * The columns of a ratings file.
     *
     * @param item    the item id column
     * @param rater   the rater id column
     * @param label   the label column
     * @param version the instruction version column, or "" for none (a column of that name is used if present)
     */
    public record Columns(String item, String rater, String label, String version) {
        /** {@code item, rater, label, instruction_version}. */
        public static final Columns DEFAULT = new Columns("item", "rater", "label", "instruction_version");
    }

    /** {@return the ratings of all files, in file and row order} */
    public static List<Rating> read(List<Path> files, Columns columns) throws IOException {
        return read(files, columns, TableOptions.DEFAULT);
    }

    /** {@return the ratings of all files, in file and row order, each file read as {@code options} say} */
    public static List<Rating> read(List<Path> files, Columns columns, TableOptions options) throws IOException {
        return read(files, columns, options, RepeatedRatings.COUNT);
    }

    /**
     * {@return the ratings of all files, in file and row order, each file read as {@code options} say}
     *
     * @param repeated what to do with a second rating of an item by the same rater (in any file)
     * @throws InputException LABEL_EVENT_INVALID for a row without item, rater or label, or with
     *                        {@link RepeatedRatings#REFUSE} a repeated rating, naming file and record
     */
    public static List<Rating> read(List<Path> files, Columns columns, TableOptions options, RepeatedRatings repeated)
            throws IOException {
        java.util.Map<List<String>, String> firstSeen = new java.util.HashMap<>();
        List<Rating> ratings = new ArrayList<>();
        for (Path file : files) {
            try (Table table = Table.open(file, options)) {
                int item = table.require(columns.item(), "the item id", ErrorCode.LABEL_EVENT_INVALID);
                int rater = table.require(columns.rater(), "the rater id", ErrorCode.LABEL_EVENT_INVALID);
                int label = table.require(columns.label(), "the label", ErrorCode.LABEL_EVENT_INVALID);
                int version = table.indexOf(columns.version());
                long record = 0;
                for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                    List<Column> cols = b.get().columns();
                    for (int row = 0; row < b.get().rowCount(); row++) {
                        record++;
                        String v = version < 0 ? "" : ValueText.first(cols.get(version), row);
                        Rating rating = new Rating(
                                required(file, record, cols.get(item), row),
                                required(file, record, cols.get(rater), row),
                                required(file, record, cols.get(label), row),
                                v);
                        String where = file + ": record " + record;
                        String first = repeated == RepeatedRatings.REFUSE
                                ? firstSeen.putIfAbsent(List.of(rating.item(), rating.rater()), where)
                                : null;
                        if (first != null) {
                            throw new InputException(
                                    ErrorCode.LABEL_EVENT_INVALID,
                                    where + ": expected one rating "
                                            + "per rater and item, found rater " + rating.rater() + " rating item "
                                            + rating.item() + " again (first at " + first
                                            + "); agreement would pair the "
                                            + "rater with themself");
                        }
                        ratings.add(rating);
                    }
                }
            }
        }
        return ratings;
    }

    private static String required(Path file, long record, Column column, int row) {
        String text = ValueText.first(column, row);
        if (text.isEmpty()) {
            throw new InputException(
                    ErrorCode.LABEL_EVENT_INVALID,
                    file + ": record " + record + ": column " + column.name() + ": expected a value, found none");
        }
        return text;
    }
}
