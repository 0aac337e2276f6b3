package dev.veracity.stats;

import dev.veracity.data.FeatureType;
import dev.veracity.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators of rows for {@link SeededProperty} tests. The number of rows is uniform up to {@link #MAX_ROWS} on most
 * draws (small numbers would keep every sketch exact) and small on some: missing rows, empty lists, short lists and
 * lists of 60 to 70 values (past the exact value-count limit); values with NaN, infinities, zeros of both signs and
 * negatives, or strings with non-ASCII text, invalid UTF-8 and empty strings. {@link #EDGE_TABLES} holds fixed tables
 * of edge cases.
 */
final class RowGenerators {
    static final int MAX_ROWS = 300;

    private static final String[] WORDS = {"a", "b", "c", "ab", "", "é", "日本", "😀", "Straße"};

    private RowGenerators() {}

    /** {@return a FLOAT value: one time in 9 NaN, an infinity or a zero, else an integer or a decimal} */
    static double floatValue(SplittableRandom random) {
        return switch (Gen.weighted(random, 1, 4, 4)) {
            case 0 -> Gen.oneOf(random, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0);
            case 1 -> Gen.between(random, -50, 50);
            default -> decimal(random);
        };
    }

    /** {@return a decimal in [-1e6, 1e6]: a bound one time in 16, else mostly of two decimal places} */
    private static double decimal(SplittableRandom random) {
        if (Gen.oneIn(random, 16)) {
            return Gen.oneOf(random, -1e6, 1e6, 0.01, -0.01, 999_999.99, -999_999.99);
        }
        if (Gen.oneIn(random, 4)) {
            return random.nextDouble(-1e6, 1e6);
        }
        return Gen.between(random, -100_000_000L, 100_000_000L) / 100.0;
    }

    /** {@return an INT value (integral, below 2^53): mostly in [-100, 100], one time in 5 up to 10^12} */
    static double intValue(SplittableRandom random) {
        return Gen.weighted(random, 4, 1) == 0
                ? Gen.between(random, -100, 100)
                : Gen.between(random, -1_000_000_000_000L, 1_000_000_000_000L);
    }

    /** {@return a byte string: mostly a common word, else any text, invalid UTF-8 or any bytes} */
    static byte[] stringValue(SplittableRandom random) {
        return switch (Gen.weighted(random, 5, 2, 1, 1)) {
            case 0 -> utf8(Gen.oneOf(random, WORDS));
            case 1 -> utf8(Gen.anyString(random, 4));
            case 2 -> Gen.oneOf(random, GeneratedRows.INVALID_UTF8).clone();
            default -> Gen.bytes(random, 3);
        };
    }

    /** {@return a number of rows: uniform up to {@link #MAX_ROWS} on most draws, small on some} */
    static int rowCount(SplittableRandom random) {
        return Gen.uniformSize(random, 0, MAX_ROWS);
    }

    /** {@return -1 for a missing row (one in 10), else a length: up to 5, or 60 to 70 one time in 13} */
    private static int rowLength(SplittableRandom random) {
        if (Gen.oneIn(random, 10)) {
            return -1;
        }
        return Gen.weighted(random, 12, 1) == 0 ? Gen.size(random, 0, 5) : Gen.size(random, 60, 70);
    }

    /** {@return rows of doubles: FLOAT values, or integral INT values} */
    static List<double[]> numericRows(SplittableRandom random, FeatureType type, int count) {
        List<double[]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int length = rowLength(random);
            double[] row = length < 0 ? null : new double[length];
            for (int i = 0; i < length; i++) {
                row[i] = type == FeatureType.INT ? intValue(random) : floatValue(random);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<byte[][]> stringRows(SplittableRandom random, int count) {
        List<byte[][]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int length = rowLength(random);
            byte[][] row = length < 0 ? null : new byte[length][];
            for (int i = 0; i < length; i++) {
                row[i] = stringValue(random);
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@return a table of {@link #rowCount} rows of a FLOAT, an INT and a STRING feature} */
    static Rows.Table table(SplittableRandom random) {
        int n = rowCount(random);
        return new Rows.Table(
                numericRows(random, FeatureType.FLOAT, n),
                numericRows(random, FeatureType.INT, n),
                stringRows(random, n));
    }

    /** {@return cut positions for {@link Rows#split}: up to 7, each in [0, 10_000]} */
    static List<Integer> cuts(SplittableRandom random) {
        return Gen.ints(random, 7, 0, 10_000);
    }

    /** Cut positions for the edge tables: none, at both ends, and many, some equal. */
    static final List<List<Integer>> EDGE_CUTS = List.of(List.of(), List.of(0, 10_000), List.of(1, 1, 2, 3, 5, 8, 13));

    /**
     * Tables of edge cases: no rows; one missing row; one row of empty lists; one row of every special value; rows of
     * 70 equal values past the exact value-count limit, with missing rows; rows of only NaN and only infinities.
     */
    static final List<Rows.Table> EDGE_TABLES = List.of(
            new Rows.Table(List.of(), List.of(), List.of()),
            new Rows.Table(numeric((double[]) null), numeric((double[]) null), strings((byte[][]) null)),
            new Rows.Table(numeric(new double[0]), numeric(new double[0]), strings(new byte[0][])),
            new Rows.Table(
                    numeric(new double[] {
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        0.0,
                        -0.0,
                        -1e6,
                        1e6,
                        Double.MIN_VALUE
                    }),
                    numeric(new double[] {-1e12, 1e12, 0, -100, 100, 1L << 52, -(1L << 52)}),
                    strings(new byte[][] {
                        new byte[0],
                        utf8("😀"),
                        GeneratedRows.INVALID_UTF8[0],
                        GeneratedRows.INVALID_UTF8[GeneratedRows.INVALID_UTF8.length - 1],
                        {0},
                        {(byte) 0xFF}
                    })),
            new Rows.Table(
                    numeric(repeat(70, -0.0), null, repeat(65, 1e6)),
                    numeric(repeat(70, 1e12), null, repeat(65, 0)),
                    strings(repeat(70, new byte[0]), null, repeat(65, utf8("é")))),
            new Rows.Table(
                    numeric(new double[] {Double.NaN}, new double[] {Double.NaN, Double.NaN}),
                    numeric(new double[] {-1}, new double[] {-1, -1}),
                    strings(new byte[][] {utf8("a")}, new byte[][] {utf8("a"), utf8("a")})),
            new Rows.Table(
                    numeric(new double[] {Double.POSITIVE_INFINITY}, null, new double[] {Double.NEGATIVE_INFINITY}),
                    numeric(new double[] {1}, null, new double[] {2}),
                    strings(new byte[][] {GeneratedRows.INVALID_UTF8[1]}, null, new byte[][] {utf8("Straße")})));

    private static List<double[]> numeric(double[]... rows) {
        return Collections.unmodifiableList(Arrays.asList(rows));
    }

    private static List<byte[][]> strings(byte[][]... rows) {
        return Collections.unmodifiableList(Arrays.asList(rows));
    }

    private static double[] repeat(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    private static byte[][] repeat(int n, byte[] value) {
        byte[][] values = new byte[n][];
        Arrays.fill(values, value);
        return values;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
