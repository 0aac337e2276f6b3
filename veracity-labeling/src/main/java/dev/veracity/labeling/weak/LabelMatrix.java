package dev.veracity.labeling.weak;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Snorkel's label matrix L: one row per data row (files in order), one column per labeling function, each cell the
 * function's vote (a label index) or {@link LabelingFunction#ABSTAIN}. Built in one pass over the tables, a batch
 * at a time (memory: the matrix, a byte per cell, and the ids when asked for). CSV is read as text, so values are
 * matched as written.
 *
 * <pre>{@code
 * LabelMatrix matrix = LabelMatrix.apply(files, TableOptions.DEFAULT, lfs, "id");
 * int vote = matrix.vote(0, 2);   // row 0, function 2
 * }</pre>
 */
public final class LabelMatrix {
    private final int rows;
    private final int functions;
    private final byte[] votes;
    private final List<String> ids;

    private LabelMatrix(int rows, int functions, byte[] votes, List<String> ids) {
        this.rows = rows;
        this.functions = functions;
        this.votes = votes;
        this.ids = ids;
    }

    /**
     * {@return a matrix of the given votes}, e.g. generated in a test or by functions applied elsewhere
     *
     * @param votes per row, per function, a label index in [0, 127) or -1
     */
    public static LabelMatrix of(int[][] votes) {
        return of(votes, votes.length == 0 ? 0 : votes[0].length);
    }

    /** {@return a matrix of the given votes of {@code m} functions (a matrix without rows still has functions)} */
    public static LabelMatrix of(int[][] votes, int m) {
        byte[] cells = new byte[votes.length * m];
        for (int i = 0; i < votes.length; i++) {
            if (votes[i].length != m) {
                throw new IllegalArgumentException("row " + i + " has " + votes[i].length + " votes, not " + m);
            }
            for (int j = 0; j < m; j++) {
                if (votes[i][j] < -1 || votes[i][j] >= LabelingFunctions.MAX_LABELS) {
                    throw new IllegalArgumentException("vote out of range at " + i + ", " + j + ": " + votes[i][j]);
                }
                cells[i * m + j] = (byte) votes[i][j];
            }
        }
        return new LabelMatrix(votes.length, m, cells, List.of());
    }

    /** {@return the label matrix of the functions over the files} */
    public static LabelMatrix apply(List<Path> files, TableOptions options, LabelingFunctions lfs) throws IOException {
        return apply(files, options, lfs, "");
    }

    /**
     * {@return the label matrix of the functions over the files, with each row's id if {@code idColumn} is given}
     *
     * @param idColumn the column of row ids (unique, for joining gold labels and ratings), or "" for none
     * @throws InputException CONFIG_FILE_INVALID if a file lacks a function's column, naming the function and where
     *                        it was declared; LABEL_EVENT_INVALID for a missing id column or a repeated id, naming
     *                        file and record; the readers' errors
     */
    public static LabelMatrix apply(List<Path> files, TableOptions options, LabelingFunctions lfs, String idColumn)
            throws IOException {
        List<LabelingFunction> functions = lfs.functions();
        int m = functions.size();
        byte[] cells = new byte[Math.max(16, m * 1024)];
        List<String> ids = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        long rows = 0;
        int[] batchVotes = new int[0];
        for (Path file : files) {
            try (Table table = Table.open(file, options.withCsvAsText(true))) {
                int[][] columnsOf = new int[m][];
                for (int j = 0; j < m; j++) {
                    LabelingFunction function = functions.get(j);
                    List<String> names = function.columns();
                    columnsOf[j] = new int[names.size()];
                    for (int c = 0; c < names.size(); c++) {
                        columnsOf[j][c] =
                                table.require(names.get(c), lfs.origin(function.name()), ErrorCode.CONFIG_FILE_INVALID);
                    }
                }
                int id = idColumn.isEmpty() ? -1 : table.require(idColumn, "the row id", ErrorCode.LABEL_EVENT_INVALID);
                long record = 0;
                for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                    RecordBatch batch = b.get();
                    int n = batch.rowCount();
                    if ((rows + n) * (long) m > Integer.MAX_VALUE - 8) {
                        throw new InputException(
                                ErrorCode.UNSUPPORTED_FILE_FORMAT,
                                file + ": expected at most " + (Integer.MAX_VALUE - 8) + " votes (rows x functions), "
                                        + "found more; label the data in parts");
                    }
                    if (batchVotes.length < n) {
                        batchVotes = new int[n];
                    }
                    int base = (int) rows * m;
                    if (cells.length < base + n * m) {
                        cells = Arrays.copyOf(cells, (int) Math.min(
                                Integer.MAX_VALUE - 8L,
                                Math.max(base + (long) n * m, cells.length + (long) (cells.length >> 1))));
                    }
                    for (int j = 0; j < m; j++) {
                        List<Column> columns = new ArrayList<>(columnsOf[j].length);
                        for (int c : columnsOf[j]) {
                            columns.add(batch.columns().get(c));
                        }
                        functions.get(j).label(columns, n, batchVotes);
                        for (int r = 0; r < n; r++) {
                            int vote = batchVotes[r];
                            if (vote < LabelingFunction.ABSTAIN
                                    || vote >= lfs.labels().size()) {
                                throw new IllegalStateException(
                                        functions.get(j).name() + " voted " + vote + ", not a label index");
                            }
                            cells[base + r * m + j] = (byte) vote;
                        }
                    }
                    if (id >= 0) {
                        Column idValues = batch.columns().get(id);
                        for (int r = 0; r < n; r++) {
                            String value = ValueText.first(idValues, r);
                            String where = file + ": record " + (record + r + 1);
                            String first = value.isEmpty() ? null : seen.putIfAbsent(value, where);
                            if (first != null) {
                                throw new InputException(
                                        ErrorCode.LABEL_EVENT_INVALID,
                                        where + ": column " + idColumn + ": expected a unique row id, found '" + value
                                                + "' again (first at " + first + ")");
                            }
                            ids.add(value);
                        }
                    }
                    record += n;
                    rows += n;
                }
            }
        }
        return new LabelMatrix((int) rows, m, Arrays.copyOf(cells, (int) rows * m), List.copyOf(ids));
    }

    /** {@return the number of rows} */
    public int rows() {
        return rows;
    }

    /** {@return the number of functions (columns)} */
    public int functions() {
        return functions;
    }

    /** {@return the vote of function {@code j} on row {@code i}: a label index or -1} */
    public int vote(int i, int j) {
        return votes[i * functions + j];
    }

    /** {@return per row, its id (empty when the matrix was built without an id column)} */
    public List<String> ids() {
        return ids;
    }
}
