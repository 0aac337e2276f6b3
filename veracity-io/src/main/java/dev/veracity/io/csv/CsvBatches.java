package dev.veracity.io.csv;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Turns the rows of a CSV stream into typed record batches, one column per header column. */
final class CsvBatches {
    /** Integers of more characters may lie beyond int64 (19 digits, a sign or spaces may come with them). */
    private static final int MAX_LONG_DIGITS = 18;

    private final CsvRows rows;
    private final List<String> columnNames;
    private final FeatureType[] types;
    private final ColumnBuilder[] builders;
    private final int batchSize;
    private final CsvFixedTypes fixed;
    /** Per column, the value of a schema-typed INT or FLOAT cell, parsed before the row is appended. */
    private final long[] fixedInts;

    private final double[] fixedFloats;
    private final boolean speculative;
    /** Per column, whether it is left out of the batches (not parsed); null: none is. */
    private boolean[] dropped;
    /** The columns in the batches, ascending. */
    private int[] kept;
    /** The columns in the batches whose fixed type is INT or FLOAT, ascending. */
    private int[] keptNumeric;

    private boolean widened;

    /**
     * @param columnTypes per column, its type: fixed by {@code fixed}, or inferred in a first pass
     * @param fixed       the columns of fixed type, whose cells may fail to parse (the record is then rejected)
     */
    CsvBatches(
            CsvRows rows, List<String> columnNames, List<FeatureType> columnTypes, CsvFixedTypes fixed, int batchSize) {
        this(rows, columnNames, columnTypes, fixed, batchSize, false);
    }

    /**
     * @param speculative whether the inferred types are guesses: a cell that does not fit its column's type then
     *                    stops the batches ({@link #widened()}) instead of failing, with the tokenizer at its row
     */
    CsvBatches(
            CsvRows rows,
            List<String> columnNames,
            List<FeatureType> columnTypes,
            CsvFixedTypes fixed,
            int batchSize,
            boolean speculative) {
        this.speculative = speculative;
        this.rows = rows;
        this.fixed = fixed;
        this.fixedInts = new long[columnTypes.size()];
        this.fixedFloats = new double[columnTypes.size()];
        this.columnNames = columnNames;
        this.types = columnTypes.toArray(FeatureType[]::new);
        this.builders = new ColumnBuilder[types.length];
        for (int i = 0; i < types.length; i++) {
            builders[i] = ColumnBuilder.of(columnNames.get(i), types[i]);
        }
        this.batchSize = batchSize;
        this.kept = java.util.stream.IntStream.range(0, types.length).toArray();
        this.keptNumeric = fixed.numericColumns();
    }

    /** {@return these batches without the columns not named in {@code names}, whose cells are then not parsed} */
    CsvBatches keeping(java.util.Set<String> names) {
        dropped = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            dropped[i] = !names.contains(columnNames.get(i));
        }
        boolean[] out = dropped;
        this.kept = java.util.stream.IntStream.range(0, types.length)
                .filter(i -> !out[i])
                .toArray();
        this.keptNumeric = java.util.Arrays.stream(fixed.numericColumns())
                .filter(i -> !out[i])
                .toArray();
        return this;
    }

    /** {@return the next batch of at most {@code batchSize} rows; a batch of 0 rows at the end} */
    RecordBatch next() throws IOException {
        int rowCount = 0;
        while (rowCount < batchSize && !widened && rows.next()) {
            if (appendRow()) {
                rowCount++;
            }
        }
        if (widened) {
            rowCount = 0; // the rows read so far do not count: the chunk is read again with wider types
            for (ColumnBuilder builder : builders) {
                builder.reset(); // also drops the cells of the widening row appended before its wider cell
            }
        }
        List<Column> columns = new ArrayList<>(builders.length);
        for (int i = 0; i < builders.length; i++) {
            if (dropped == null || !dropped[i]) {
                columns.add(builders[i].build());
                builders[i].reset();
            }
        }
        return new RecordBatch(rowCount, columns);
    }

    CsvRows rows() {
        return rows;
    }

    /**
     * {@return whether a cell of the current row proved its column wider than its guessed type} The batch that
     * {@link #next()} returned then lacks that row and is not the whole chunk; nothing more is read.
     */
    boolean widened() {
        return widened;
    }

    /** {@return whether the row was appended; a row with a cell not of its schema type is rejected whole} */
    private boolean appendRow() {
        CsvTokenizer tokenizer = rows.tokenizer();
        byte[] bytes = tokenizer.bytes();
        for (int i : keptNumeric) {
            int start = tokenizer.fieldStart(i);
            int length = tokenizer.fieldEnd(i) - start;
            if (length == 0) {
                continue;
            }
            try {
                if (types[i] == FeatureType.INT) {
                    fixedInts[i] = NumberParser.parseLong(bytes, start, length);
                } else {
                    fixedFloats[i] = NumberParser.parseDouble(bytes, start, length);
                }
            } catch (NumberFormatException e) {
                rows.reject(fixed.mismatch(tokenizer, i));
                return false;
            }
        }
        for (int i : kept) {
            int start = tokenizer.fieldStart(i);
            int length = tokenizer.fieldEnd(i) - start;
            ColumnBuilder builder = builders[i];
            if (length == 0) {
                builder.appendMissing();
                continue;
            }
            if (fixed.isFixed(i) && types[i] != FeatureType.STRING) {
                if (types[i] == FeatureType.INT) {
                    builder.appendInt(fixedInts[i]);
                } else {
                    builder.appendFloat(fixedFloats[i]);
                }
                continue;
            }
            try {
                switch (types[i]) {
                    case INT -> builder.appendInt(NumberParser.parseLong(bytes, start, length));
                    case FLOAT -> {
                        double value = NumberParser.parseDouble(bytes, start, length);
                        if (speculative
                                && length > MAX_LONG_DIGITS
                                && NumberParser.classify(bytes, start, length) == FeatureType.STRING) {
                            widened = true; // an integer beyond int64 parses as a double but types as STRING
                            return false;
                        }
                        builder.appendFloat(value);
                    }
                    case STRING -> builder.appendString(bytes, start, length);
                }
            } catch (NumberFormatException e) {
                if (speculative) {
                    widened = true;
                    return false;
                }
                // The first pass saw only numbers in this column, so the file changed between the passes.
                throw new InputException(
                        ErrorCode.FILE_UNREADABLE,
                        CsvProblem.place(tokenizer.fileName(), tokenizer.line(), i + 1, columnNames) + ": "
                                + e.getMessage() + " as in the first pass (the file changed)",
                        e);
            }
        }
        return true;
    }
}
