package dev.veracity.labeling.active;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.DataFormat;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The predictions of one model or of a committee for the same unlabeled items: class probabilities in columns
 * {@code p_<class>} (the convention of {@code label consensus} output), one row per item id.
 *
 * <pre>{@code
 * Committee c = Committee.read(List.of(Path.of("model-a.csv"), Path.of("model-b.csv")), "id", TableOptions.DEFAULT);
 * }</pre>
 */
public final class Committee {
    /** How far a row's probabilities may sum from 1. */
    public static final double SUM_TOLERANCE = 1e-6;

    private final List<String> ids;
    private final List<String> classes;
    private final List<double[]> members; // each ids.size() * classes.size(), rows in the order of ids

    /**
     * @param ids     the item ids, unique
     * @param classes the class names
     * @param members per member, its probabilities row-major in the order of {@code ids}
     */
    public Committee(List<String> ids, List<String> classes, List<double[]> members) {
        this.ids = List.copyOf(ids);
        this.classes = List.copyOf(classes);
        this.members = List.copyOf(members);
        if (this.members.isEmpty() || this.classes.isEmpty()) {
            throw new IllegalArgumentException("expected a member and a class");
        }
        for (double[] member : this.members) {
            if (member.length != this.ids.size() * this.classes.size()) {
                throw new IllegalArgumentException("expected ids * classes probabilities, found " + member.length);
            }
        }
    }

    /** {@return the item ids, in the order of the first file} */
    public List<String> ids() {
        return ids;
    }

    /** {@return the classes, in the order of the first file's columns} */
    public List<String> classes() {
        return classes;
    }

    /** {@return the number of members} */
    public int size() {
        return members.size();
    }

    /** {@return member {@code m}'s probability of class {@code c} for item {@code i}} */
    public double probability(int m, int i, int c) {
        return members.get(m)[i * classes.size() + c];
    }

    /** {@return the mean of the members' probabilities of class {@code c} for item {@code i}} */
    public double consensus(int i, int c) {
        double sum = 0;
        for (double[] member : members) {
            sum += member[i * classes.size() + c];
        }
        return sum / members.size();
    }

    /**
     * {@return the committee of these prediction files}
     *
     * @throws InputException LABEL_EVENT_INVALID naming file and line for a repeated or empty id, a probability that
     *                        is not a number in [0, 1], a row whose probabilities do not sum to 1 within 1e-6, an id
     *                        missing from or extra in a later file; INVALID_OPTION for a missing id column or no
     *                        {@code p_} columns, or files whose classes differ
     */
    public static Committee read(List<Path> files, String idColumn, TableOptions options) throws IOException {
        Objects.requireNonNull(idColumn, "idColumn is null");
        List<String> ids = null;
        Map<String, Integer> index = null;
        List<String> classes = null;
        List<double[]> members = new ArrayList<>();
        for (Path file : files) {
            try (Table table = Table.open(file, options.withCsvAsText(true))) {
                int id = table.require(idColumn, "--id", ErrorCode.INVALID_OPTION);
                List<String> fileClasses = new ArrayList<>();
                List<Integer> columns = new ArrayList<>();
                for (int c = 0; c < table.names().size(); c++) {
                    if (table.names().get(c).startsWith("p_")) {
                        fileClasses.add(table.names().get(c).substring(2));
                        columns.add(c);
                    }
                }
                if (fileClasses.isEmpty()) {
                    throw new InputException(
                            ErrorCode.INVALID_OPTION,
                            file + ": expected probability columns p_<class>, found only " + table.names());
                }
                if (classes == null) {
                    classes = fileClasses;
                } else if (!new java.util.HashSet<>(classes).equals(new java.util.HashSet<>(fileClasses))) {
                    throw new InputException(
                            ErrorCode.INVALID_OPTION,
                            file + ": expected the classes of " + files.get(0) + " " + classes + ", found "
                                    + fileClasses);
                }
                Rows rows = rows(table, id, columns, fileClasses, classes);
                if (ids == null) {
                    ids = rows.ids;
                    index = new HashMap<>();
                    for (int i = 0; i < ids.size(); i++) {
                        index.put(ids.get(i), i);
                    }
                    members.add(rows.probabilities);
                } else {
                    members.add(aligned(file, rows, ids, index, classes.size()));
                }
            }
        }
        if (ids == null) {
            throw new IllegalArgumentException("no files");
        }
        return new Committee(ids, classes, members);
    }

    private record Rows(List<String> ids, double[] probabilities, List<String> where) {}

    private static Rows rows(Table table, int id, List<Integer> columns, List<String> fileClasses, List<String> order)
            throws IOException {
        int k = order.size();
        int[] target = new int[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            target[j] = order.indexOf(fileClasses.get(j));
        }
        List<String> ids = new ArrayList<>();
        List<String> where = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        double[] probabilities = new double[1024];
        long row = 0;
        for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
            RecordBatch batch = b.get();
            for (int r = 0; r < batch.rowCount(); r++, row++) {
                String at = where(table, row);
                String itemId = ValueText.first(batch.columns().get(id), r);
                if (itemId.isEmpty()) {
                    throw invalid(at + ": expected an item id in column "
                            + table.names().get(id) + ", found none");
                }
                String before = seen.putIfAbsent(itemId, at);
                if (before != null) {
                    throw invalid(
                            at + ": expected unique item ids, found " + itemId + " again (first at " + before + ")");
                }
                if ((ids.size() + 1) * k > probabilities.length) {
                    probabilities = java.util.Arrays.copyOf(probabilities, probabilities.length * 2);
                }
                double sum = 0;
                for (int j = 0; j < columns.size(); j++) {
                    String text = ValueText.first(batch.columns().get(columns.get(j)), r);
                    double p = parse(text);
                    if (!(p >= 0 && p <= 1)) {
                        throw invalid(at + ":" + table.names().get(columns.get(j))
                                + ": expected a probability in [0, 1], found '" + text + "'");
                    }
                    probabilities[ids.size() * k + target[j]] = p;
                    sum += p;
                }
                if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                    throw invalid(at + ": expected probabilities summing to 1 (within 1e-6), found a sum of " + sum);
                }
                ids.add(itemId);
                where.add(at);
            }
        }
        return new Rows(ids, java.util.Arrays.copyOf(probabilities, ids.size() * k), where);
    }

    private static double[] aligned(Path file, Rows rows, List<String> ids, Map<String, Integer> index, int k) {
        double[] out = new double[ids.size() * k];
        for (int r = 0; r < rows.ids.size(); r++) {
            Integer i = index.get(rows.ids.get(r));
            if (i == null) {
                throw invalid(rows.where.get(r) + ": expected the item ids of the first predictions file, found "
                        + rows.ids.get(r) + " which it lacks");
            }
            System.arraycopy(rows.probabilities, r * k, out, i * k, k);
        }
        if (rows.ids.size() != ids.size()) {
            java.util.Set<String> have = new java.util.HashSet<>(rows.ids);
            String lacking =
                    ids.stream().filter(i -> !have.contains(i)).findFirst().orElseThrow();
            throw invalid(file + ": expected the item ids of the first predictions file, found no row for " + lacking);
        }
        return out;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static InputException invalid(String message) {
        return new InputException(ErrorCode.LABEL_EVENT_INVALID, message);
    }

    private static String where(Table table, long row) {
        if (table.format() == DataFormat.CSV) {
            return table.file() + ":" + (row + 2);
        }
        if (table.format() == DataFormat.JSONL) {
            return table.file() + ":" + (row + 1);
        }
        return table.file() + ": record " + (row + 1);
    }
}
