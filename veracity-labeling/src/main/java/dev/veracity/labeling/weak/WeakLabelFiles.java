package dev.veracity.labeling.weak;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the weakly labeled data as CSV, atomically: every input column (the union over the files, in order of first
 * appearance; values as written, lists joined by {@code |}), then {@code label} (empty where nothing voted or the top
 * labels tie), {@code label_confidence} (the top posterior), {@code p_<label>} per label and {@code functions}, the
 * names of the labeling functions that voted on the row joined by {@code |}; with human ratings, {@code ratings},
 * their count. The files are read a second time, in the same order as for the label matrix.
 *
 * <pre>{@code
 * WeakLabelFiles.write(files, TableOptions.DEFAULT, matrix, lfs, weak, "label", new int[0], Path.of("labels.csv"));
 * }</pre>
 */
public final class WeakLabelFiles {
    private WeakLabelFiles() {}

    /**
     * {@return the columns the output adds after the input's}
     *
     * @param labelColumn the name of the label column ({@code label}); its confidence is {@code <name>_confidence}
     */
    public static List<String> addedColumns(String labelColumn, List<String> labels, boolean ratings) {
        List<String> added = new ArrayList<>(List.of(labelColumn, labelColumn + "_confidence"));
        for (String label : labels) {
            added.add("p_" + label);
        }
        added.add("functions");
        if (ratings) {
            added.add("ratings");
        }
        return added;
    }

    /**
     * Refuses inputs that have a column the output adds, before anything is written.
     *
     * @throws InputException INVALID_OPTION naming the file and the column
     */
    public static List<String> inputColumns(List<Path> files, TableOptions options, List<String> added)
            throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Path file : files) {
            try (Table table = Table.open(file, options.withCsvAsText(true))) {
                for (String name : table.names()) {
                    if (added.contains(name)) {
                        throw new InputException(
                                ErrorCode.INVALID_OPTION,
                                file + ": expected no column named " + name + " (the output adds "
                                        + String.join(", ", added) + "), found one; name the output's label "
                                        + "column otherwise (--label-column)");
                    }
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * Writes the labeled rows.
     *
     * @param labelColumn the name of the label column, e.g. {@code label}
     * @param ratings     per row, its number of human ratings; empty for none (no {@code ratings} column)
     * @throws InputException if a file has a column the output adds, or changed since the matrix was built
     */
    public static void write(
            List<Path> files,
            TableOptions options,
            LabelMatrix matrix,
            LabelingFunctions lfs,
            WeakLabels weak,
            String labelColumn,
            int[] ratings,
            Path output)
            throws IOException {
        List<String> added = addedColumns(labelColumn, lfs.labels(), ratings.length > 0);
        List<String> header = inputColumns(files, options, added);
        AtomicFiles.write(output, stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            List<String> all = new ArrayList<>(header);
            all.addAll(added);
            line(out, all);
            int row = 0;
            List<String> cells = new ArrayList<>(all.size());
            for (Path file : files) {
                try (Table table = Table.open(file, options.withCsvAsText(true))) {
                    int[] index = new int[header.size()];
                    for (int c = 0; c < header.size(); c++) {
                        index[c] = table.indexOf(header.get(c));
                    }
                    for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                        List<Column> columns = b.get().columns();
                        for (int r = 0; r < b.get().rowCount(); r++) {
                            if (row >= matrix.rows()) {
                                throw changed(file);
                            }
                            cells.clear();
                            for (int c : index) {
                                cells.add(c < 0 ? "" : ValueText.row(columns.get(c), r));
                            }
                            labels(cells, row, matrix, lfs, weak);
                            if (ratings.length > 0) {
                                cells.add(Integer.toString(ratings[row]));
                            }
                            line(out, cells);
                            row++;
                        }
                    }
                }
            }
            if (row != matrix.rows()) {
                throw changed(files.get(files.size() - 1));
            }
            out.flush();
        });
    }

    private static void labels(
            List<String> cells, int row, LabelMatrix matrix, LabelingFunctions lfs, WeakLabels weak) {
        int label = weak.label(row);
        cells.add(label < 0 ? "" : lfs.labels().get(label));
        cells.add(number(weak.confidence(row)));
        for (double p : weak.posterior(row)) {
            cells.add(number(p));
        }
        StringBuilder fired = new StringBuilder();
        for (int j = 0; j < matrix.functions(); j++) {
            if (matrix.vote(row, j) >= 0) {
                fired.append(fired.length() == 0 ? "" : "|")
                        .append(lfs.functions().get(j).name());
            }
        }
        cells.add(fired.toString());
    }

    private static InputException changed(Path file) {
        return new InputException(
                ErrorCode.FILE_UNREADABLE,
                file + ": expected the same rows on the second read, found others (did the file change?)");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.write(',');
            }
            out.write(field(cells.get(c)));
        }
        out.write('\n');
    }

    /** {@return a CSV cell: quoted when it holds a comma, quote, CR or LF, or starts or ends with a space} */
    static String field(String value) {
        boolean quote = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
