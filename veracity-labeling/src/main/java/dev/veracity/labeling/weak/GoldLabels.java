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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gold labels of some rows, read from a file of ids and labels and joined to a label matrix's rows by id: for LF
 * analysis (empirical accuracies, the rows each function gets wrong) and for scoring the label model.
 *
 * <pre>{@code
 * GoldLabels gold = GoldLabels.read(Path.of("gold.csv"), TableOptions.DEFAULT, "id", "label", matrix, lfs.labels());
 * }</pre>
 *
 * @param labels    per matrix row, its gold label index, or -1 for none
 * @param unmatched gold rows whose id is no row of the data (ignored)
 */
public record GoldLabels(int[] labels, long unmatched) {
    /**
     * {@return the gold labels of the matrix's rows}: a row with an empty label is skipped; the first label of an id
     * counts
     *
     * @throws InputException LABEL_EVENT_INVALID for a missing column or a label outside {@code labelNames}, naming
     *                        file, record and column
     */
    public static GoldLabels read(
            Path file,
            TableOptions options,
            String idColumn,
            String labelColumn,
            LabelMatrix matrix,
            List<String> labelNames)
            throws IOException {
        Map<String, Integer> rowOf = new HashMap<>();
        List<String> ids = matrix.ids();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isEmpty()) {
                rowOf.put(ids.get(i), i);
            }
        }
        int[] gold = new int[matrix.rows()];
        Arrays.fill(gold, -1);
        long unmatched = 0;
        try (Table table = Table.open(file, options.withCsvAsText(true))) {
            int id = table.require(idColumn, "the gold id", ErrorCode.LABEL_EVENT_INVALID);
            int label = table.require(labelColumn, "the gold label", ErrorCode.LABEL_EVENT_INVALID);
            long record = 0;
            for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                List<Column> columns = b.get().columns();
                for (int r = 0; r < b.get().rowCount(); r++) {
                    record++;
                    String text = ValueText.first(columns.get(label), r);
                    if (text.isEmpty()) {
                        continue;
                    }
                    int index = labelNames.indexOf(text);
                    if (index < 0) {
                        throw new InputException(
                                ErrorCode.LABEL_EVENT_INVALID,
                                file + ": record " + record + ": column " + labelColumn
                                        + ": expected one of the labels " + labelNames + ", found '" + text + "'");
                    }
                    Integer row = rowOf.get(ValueText.first(columns.get(id), r));
                    if (row == null) {
                        unmatched++;
                    } else if (gold[row] < 0) {
                        gold[row] = index;
                    }
                }
            }
        }
        return new GoldLabels(gold, unmatched);
    }
}
