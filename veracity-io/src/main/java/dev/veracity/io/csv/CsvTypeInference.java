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

    private CsvTypeInference() {
    }

    /** {@return one type per column, after reading {@code rows} to their end} */
    static List<FeatureType> infer(CsvRows rows, int columnCount) throws IOException {
        return types(scan(rows, columnCount));
    }

    /** {@return per column, the rank of the widest type seen in {@code rows}, read to their end; mergeable by max} */
    static int[] scan(CsvRows rows, int columnCount) throws IOException {
        int[] ranks = new int[columnCount]; // all NONE
        CsvTokenizer tokenizer = rows.tokenizer();
        while (rows.next()) {
            byte[] bytes = tokenizer.bytes();
            for (int i = 0; i < columnCount; i++) {
                int start = tokenizer.fieldStart(i);
                int length = tokenizer.fieldEnd(i) - start;
                if (length == 0 || ranks[i] == STRING) {
                    continue;
                }
                int rank = rank(NumberParser.classify(bytes, start, length));
                if (rank > ranks[i]) {
                    ranks[i] = rank;
                }
            }
        }
        return ranks;
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
