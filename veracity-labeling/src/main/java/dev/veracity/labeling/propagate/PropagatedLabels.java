package dev.veracity.labeling.propagate;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.convert.CsvBatchWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels a propagation gave to every row, and the CSV file that carries them: every input column, then
 * {@code label} (the given label, or the propagated one, or empty when no label reached the row or its confidence
 * is below the floor), {@code label_confidence} (the row's probability of that label; for a given row, of its given
 * label) and {@code label_source} ({@code given}, {@code propagated}, or empty). An input column of one of those
 * names (the label column named {@code label}, or the output of an earlier run) is replaced in place.
 *
 * <pre>{@code
 * labels.write(Path.of("labeled.csv"));   // labels.propagated() rows got a label
 * }</pre>
 */
public final class PropagatedLabels {
    /** The output's added columns. */
    public static final List<String> COLUMNS = List.of("label", "label_confidence", "label_source");

    private final PropagationRequest request;
    private final LabeledRows rows;
    private final List<String> classes;
    private final int[] given;
    private final Propagation propagation;

    PropagatedLabels(
            PropagationRequest request, LabeledRows rows, List<String> classes, int[] given, Propagation propagation) {
        this.request = request;
        this.rows = rows;
        this.classes = List.copyOf(classes);
        this.given = given;
        this.propagation = propagation;
    }

    /** {@return the classes, in the order of the distributions' columns} */
    public List<String> classes() {
        return classes;
    }

    /** {@return the distributions and the iteration count} */
    public Propagation propagation() {
        return propagation;
    }

    /** {@return the number of rows} */
    public int rows() {
        return rows.rows;
    }

    /** {@return the output label of {@code row}: given, propagated, or "" (unreached or below the floor)} */
    public String label(int row) {
        if (given[row] >= 0) {
            return classes.get(given[row]);
        }
        return isPropagated(row) ? classes.get(propagation.transduction(row)) : "";
    }

    /** {@return the probability of {@link #label}'s class for {@code row}, or its highest probability if unlabeled} */
    public double confidence(int row) {
        return given[row] >= 0 ? propagation.probability(row, given[row]) : propagation.confidence(row);
    }

    /** {@return "given", "propagated" or "" (the label stays empty)} */
    public String source(int row) {
        return given[row] >= 0 ? "given" : isPropagated(row) ? "propagated" : "";
    }

    private boolean isPropagated(int row) {
        return given[row] < 0 && propagation.isReached(row) && propagation.confidence(row) >= request.minConfidence();
    }

    /** {@return how many rows had a label given} */
    public long givenCount() {
        long n = 0;
        for (int g : given) {
            n += g >= 0 ? 1 : 0;
        }
        return n;
    }

    /** {@return how many unlabeled rows got a label} */
    public long propagatedCount() {
        long n = 0;
        for (int r = 0; r < given.length; r++) {
            n += isPropagated(r) ? 1 : 0;
        }
        return n;
    }

    /** Writes the labeled rows as CSV, atomically. */
    public void write(Path output) throws IOException {
        List<String> header = new ArrayList<>(rows.names);
        for (String name : COLUMNS) {
            if (!header.contains(name)) {
                header.add(name);
            }
        }
        AtomicFiles.write(output, out -> {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            CsvBatchWriter writer = new CsvBatchWriter(buffered, header);
            int first = 0;
            for (RecordBatch batch : rows.batches) {
                writer.write(withLabels(batch, first));
                first += batch.rowCount();
            }
            writer.finish();
            buffered.flush();
        });
    }

    private RecordBatch withLabels(RecordBatch batch, int first) {
        int n = batch.rowCount();
        List<Column> columns = new ArrayList<>();
        for (Column column : batch.columns()) {
            if (!COLUMNS.contains(column.name())) {
                columns.add(column);
            }
        }
        String[] confidences = new String[n];
        String[] labels = new String[n];
        String[] sources = new String[n];
        for (int r = 0; r < n; r++) {
            labels[r] = label(first + r);
            sources[r] = source(first + r);
            confidences[r] = ValueText.of(confidence(first + r));
        }
        columns.add(strings(COLUMNS.get(0), labels));
        columns.add(strings(COLUMNS.get(1), confidences));
        columns.add(strings(COLUMNS.get(2), sources));
        return new RecordBatch(n, columns);
    }

    /** {@return a column of the texts, an empty text as a missing value} */
    private static StringColumn strings(String name, String[] texts) {
        int n = texts.length;
        boolean[] present = new boolean[n];
        int[] rowOffsets = new int[n + 1];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> valueOffsets = new ArrayList<>();
        valueOffsets.add(0);
        for (int r = 0; r < n; r++) {
            present[r] = !texts[r].isEmpty();
            rowOffsets[r + 1] = rowOffsets[r] + (present[r] ? 1 : 0);
            if (present[r]) {
                bytes.writeBytes(texts[r].getBytes(UTF_8));
                valueOffsets.add(bytes.size());
            }
        }
        return new StringColumn(
                name,
                n,
                present,
                rowOffsets,
                valueOffsets.stream().mapToInt(Integer::intValue).toArray(),
                bytes.toByteArray());
    }
}
