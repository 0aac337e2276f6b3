package dev.veracity.io.csv;

import dev.veracity.data.FeatureType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Infers each column's type over all rows, as tfx_bsl's CSV decoder does: the type widens from none to INT, FLOAT and
 * STRING with each non-empty cell; an empty cell (also a quoted {@code ""}) is missing and says nothing. A column
 * without a non-empty cell is INT, as TFX's fixtures type it.
 */
final class CsvTypeInference {
    private static final int NONE = 0;
    private static final int INT = 1;
    private static final int FLOAT = 2;
    private static final int STRING = 3;

    private CsvTypeInference() {}

    /**
     * {@return one type per column, after reading {@code rows} to their end}: the fixed type where there is one,
     * else the inferred type
     */
    static List<FeatureType> infer(CsvRows rows, CsvFixedTypes fixed, int columnCount) throws IOException {
        return fixed.apply(types(scan(rows, fixed, columnCount)));
    }

    /**
     * {@return per column, the rank of the widest type seen in {@code rows}, read to their end; mergeable by max}
     * Columns of fixed type are not ranked; a record with a cell that does not parse as its fixed type is rejected
     * ({@link CsvRows#reject}) before it widens any column.
     */
    static int[] scan(CsvRows rows, CsvFixedTypes fixed, int columnCount) throws IOException {
        int[] ranks = new int[columnCount]; // all NONE
        CsvTokenizer tokenizer = rows.tokenizer();
        boolean check = fixed.numericColumns().length > 0;
        while (rows.next()) {
            if (check) {
                int mismatch = fixed.firstMismatch(tokenizer);
                if (mismatch >= 0) {
                    rows.reject(fixed.mismatch(tokenizer, mismatch));
                    continue;
                }
            }
            rankRow(tokenizer, fixed, ranks);
        }
        return ranks;
    }

    /** Widens {@code ranks} by the cells of the tokenizer's current row (a well-formed one); fixed columns stay. */
    static void rankRow(CsvTokenizer tokenizer, CsvFixedTypes fixed, int[] ranks) {
        byte[] bytes = tokenizer.bytes();
        for (int i = 0; i < ranks.length; i++) {
            int start = tokenizer.fieldStart(i);
            int length = tokenizer.fieldEnd(i) - start;
            if (length == 0 || ranks[i] == STRING || fixed.isFixed(i)) {
                continue;
            }
            int rank = rank(NumberParser.classify(bytes, start, length));
            if (rank > ranks[i]) {
                ranks[i] = rank;
            }
        }
    }

    /** {@return whether any column has a rank} (a speculative read ranks only cells wider than it assumed) */
    static boolean ranksAny(int[] ranks) {
        for (int rank : ranks) {
            if (rank != NONE) {
                return true;
            }
        }
        return false;
    }

    /** Widens {@code into} by {@code ranks}, column by column. */
    static void merge(int[] into, int[] ranks) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.max(into[i], ranks[i]);
        }
    }

    /** {@return the types the ranks stand for; a column without values is INT} */
    static List<FeatureType> types(int[] ranks) {
        List<FeatureType> types = new ArrayList<>(ranks.length);
        for (int rank : ranks) {
            types.add(rank == FLOAT ? FeatureType.FLOAT : rank == STRING ? FeatureType.STRING : FeatureType.INT);
        }
        return List.copyOf(types);
    }

    private static int rank(FeatureType type) {
        return switch (type) {
            case INT -> INT;
            case FLOAT -> FLOAT;
            case STRING -> STRING;
        };
    }
}
