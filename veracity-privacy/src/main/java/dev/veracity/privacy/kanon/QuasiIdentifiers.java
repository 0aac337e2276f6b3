package dev.veracity.privacy.kanon;

import dev.veracity.ErrorCode;
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
 * The quasi-identifier columns of a dataset, read in one pass and kept compactly: per column its distinct values and,
 * per row, the index of its value (a missing value is the empty string). Memory: 4 bytes per row and column plus the
 * distinct values.
 *
 * @param file    the file read
 * @param names   the quasi-identifiers
 * @param values  per quasi-identifier, its distinct values
 * @param codes   per quasi-identifier, per row, the index of its value in {@code values}
 * @param rows    the number of rows
 */
public record QuasiIdentifiers(Path file, List<String> names, List<List<String>> values, List<int[]> codes, int rows) {
    public QuasiIdentifiers {
        names = List.copyOf(names);
        values = values.stream().map(List::copyOf).toList();
        codes = List.copyOf(codes);
    }

    /**
     * {@return the named columns of a plain CSV or JSON Lines file}
     *
     * @throws dev.veracity.ConfigException if a name is not a feature of the file
     */
    public static QuasiIdentifiers read(Path file, List<String> names, TableOptions tableOptions) throws IOException {
        try (Table table = Table.open(file, tableOptions.withCsvAsText(true))) {
            int[] columns = new int[names.size()];
            List<Map<String, Integer>> index = new ArrayList<>();
            List<List<String>> values = new ArrayList<>();
            List<int[]> codes = new ArrayList<>();
            for (int q = 0; q < names.size(); q++) {
                columns[q] = table.require(names.get(q), "--quasi", ErrorCode.INVALID_OPTION);
                index.add(new HashMap<>());
                values.add(new ArrayList<>());
                codes.add(new int[1024]);
            }
            int rows = 0;
            for (Optional<RecordBatch> next = table.next(); next.isPresent(); next = table.next()) {
                RecordBatch batch = next.get();
                for (int q = 0; q < names.size(); q++) {
                    int[] code = codes.get(q);
                    if (code.length < rows + batch.rowCount()) {
                        code = Arrays.copyOf(code, Math.max(code.length * 2, rows + batch.rowCount()));
                        codes.set(q, code);
                    }
                    Map<String, Integer> seen = index.get(q);
                    List<String> distinct = values.get(q);
                    for (int r = 0; r < batch.rowCount(); r++) {
                        String text = ValueText.row(batch.columns().get(columns[q]), r);
                        Integer known = seen.get(text);
                        if (known == null) {
                            known = distinct.size();
                            seen.put(text, known);
                            distinct.add(text);
                        }
                        code[rows + r] = known;
                    }
                }
                rows += batch.rowCount();
            }
            int total = rows;
            return new QuasiIdentifiers(
                    file,
                    names,
                    values,
                    codes.stream().map(c -> Arrays.copyOf(c, total)).toList(),
                    rows);
        }
    }

    /** {@return per quasi-identifier, the hierarchy that fits its values} */
    public List<Hierarchy> hierarchies() {
        return values.stream().map(Hierarchy::of).toList();
    }
}
