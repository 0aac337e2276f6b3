package dev.veracity.io.csv;

import dev.veracity.ErrorCode;
import dev.veracity.data.FeatureType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a CSV header whose types are fixed in advance ({@link CsvOptions#columnTypes()}, from a schema), and
 * the check that a record's cells parse as those types. A record that fails the check is malformed in every pass, so
 * that all passes see the same rows and a rejected record widens no inferred column.
 */
final class CsvFixedTypes {
    private final List<String> columnNames;
    /** Per column, its fixed type, or null where the type is inferred. */
    private final FeatureType[] fixed;
    /** The columns with a fixed INT or FLOAT type, which are the only ones that can fail the check. */
    private final int[] numeric;

    private final boolean all;
    /** Per column, whether messages must not quote its values (PII). */
    private final boolean[] quiet;

    private CsvFixedTypes(List<String> columnNames, FeatureType[] fixed, boolean[] quiet) {
        this.columnNames = List.copyOf(columnNames);
        this.fixed = fixed;
        this.quiet = quiet;
        int count = 0;
        boolean every = true;
        for (FeatureType type : fixed) {
            every &= type != null;
            if (type == FeatureType.INT || type == FeatureType.FLOAT) {
                count++;
            }
        }
        this.numeric = new int[count];
        for (int i = 0, n = 0; i < fixed.length; i++) {
            if (fixed[i] == FeatureType.INT || fixed[i] == FeatureType.FLOAT) {
                numeric[n++] = i;
            }
        }
        this.all = every;
    }

    /**
     * {@return the fixed types of the columns of {@code header} named in {@code types}; other names are ignored}
     *
     * @param privateColumns the columns whose values messages must not quote
     */
    static CsvFixedTypes of(List<String> header, Map<String, FeatureType> types, Set<String> privateColumns) {
        FeatureType[] fixed = new FeatureType[header.size()];
        boolean[] quiet = new boolean[header.size()];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = types.get(header.get(i));
            quiet[i] = privateColumns.contains(header.get(i));
        }
        return new CsvFixedTypes(header, fixed, quiet);
    }

    /** {@return whether every column has a fixed type, so that nothing is left to infer} */
    boolean all() {
        return all;
    }

    /** {@return whether column {@code i} has a fixed type} */
    boolean isFixed(int i) {
        return fixed[i] != null;
    }

    /** {@return the columns with a fixed INT or FLOAT type, ascending} (the caller must not change the array) */
    int[] numericColumns() {
        return numeric;
    }

    /** {@return per column, its fixed type, or else its type in {@code inferred}} */
    List<FeatureType> apply(List<FeatureType> inferred) {
        List<FeatureType> types = new ArrayList<>(fixed.length);
        for (int i = 0; i < fixed.length; i++) {
            types.add(fixed[i] != null ? fixed[i] : inferred.get(i));
        }
        return List.copyOf(types);
    }

    /** {@return the first column of the tokenizer's record whose non-empty cell does not parse as its fixed type, or -1} */
    int firstMismatch(CsvTokenizer tokenizer) {
        byte[] bytes = tokenizer.bytes();
        for (int i : numeric) {
            int start = tokenizer.fieldStart(i);
            int length = tokenizer.fieldEnd(i) - start;
            if (length > 0 && !parses(fixed[i], bytes, start, length)) {
                return i;
            }
        }
        return -1;
    }

    /** {@return the problem of column {@code i} of the tokenizer's record, whose cell does not parse as its type} */
    CsvProblem mismatch(CsvTokenizer tokenizer, int i) {
        int start = tokenizer.fieldStart(i);
        String value = new String(tokenizer.bytes(), start, tokenizer.fieldEnd(i) - start, StandardCharsets.UTF_8);
        String beyond = fixed[i] == FeatureType.INT && value.strip().matches("[+-]?[0-9]+") ? " (outside int64)" : "";
        String found = quiet[i]
                ? "a value that is not " + (fixed[i] == FeatureType.INT ? "an " : "a ") + fixed[i]
                        + " (not shown: the schema marks the feature PII)"
                : "\"" + shown(value) + "\"" + beyond;
        return new CsvProblem(
                ErrorCode.CSV_VALUE_NOT_OF_SCHEMA_TYPE,
                CsvProblem.place(tokenizer.fileName(), tokenizer.line(), i + 1, columnNames) + ": expected " + fixed[i]
                        + " as the schema says, found " + found);
    }

    /** {@return the value as a one-line message shows it: line ends and tabs escaped, at most 100 characters} */
    private static String shown(String value) {
        String line = value.replace("\\", "\\\\")
                .replace("\r", "\\r")
                .replace("\n", "\\n")
                .replace("\t", "\\t");
        return line.length() <= 100 ? line : line.substring(0, 100) + "...";
    }

    private static boolean parses(FeatureType type, byte[] bytes, int start, int length) {
        try {
            switch (type) {
                case INT -> NumberParser.parseLong(bytes, start, length);
                case FLOAT -> NumberParser.parseDouble(bytes, start, length);
                case STRING -> {}
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
