package dev.veracity.stats;

import dev.veracity.data.FeatureType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded data with everything that makes statistics hard: missing rows, explicitly empty lists, lists of 60 to 70
 * values (past the exact value-count limit of 64), NaN, both infinities, zeros, negative numbers; for strings,
 * empty strings, non-ASCII text, invalid UTF-8 and a skewed vocabulary with ties.
 */
final class GeneratedRows {
    /** Byte strings that are not UTF-8: overlong forms, surrogates, truncated sequences, stray bytes, too large. */
    static final byte[][] INVALID_UTF8 = {
        bytes(0xC0, 0x80),
        bytes(0xC1, 0xBF),
        bytes(0xE0, 0x80, 0x80),
        bytes(0xF0, 0x80, 0x80, 0x80),
        bytes(0xED, 0xA0, 0x80),
        bytes(0xED, 0xBF, 0xBF),
        bytes(0xC3),
        bytes(0xE2, 0x82),
        bytes(0xF0, 0x9F, 0x98),
        bytes(0x80),
        bytes(0xBF),
        bytes(0xFF),
        bytes(0xFE),
        bytes(0xF4, 0x90, 0x80, 0x80),
        bytes(0xF5, 0x80, 0x80, 0x80),
        bytes('a', 0xC3, 'b'),
        bytes('o', 'k', 0xE2, 0x82),
    };

    private static final String[] NON_ASCII = {"é", "naïve", "日本語", "Straße", "😀", "𝔘𝔫𝔦", "ñ", "Ωmega", "ü"};

    private final SplittableRandom random;

    GeneratedRows(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@return rows of FLOAT values (with NaN and infinities) or INT values (integral, below 2^53)} */
    List<double[]> numericRows(FeatureType type, int count) {
        List<double[]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int length = rowLength();
            if (length < 0) {
                rows.add(null);
                continue;
            }
            double[] row = new double[length];
            for (int i = 0; i < length; i++) {
                row[i] = type == FeatureType.INT ? intValue() : floatValue();
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@return rows of byte strings from a skewed vocabulary, with non-ASCII, invalid and empty values} */
    List<byte[][]> stringRows(int count) {
        List<byte[][]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int length = rowLength();
            if (length < 0) {
                rows.add(null);
                continue;
            }
            byte[][] row = new byte[length][];
            for (int i = 0; i < length; i++) {
                row[i] = stringValue();
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@return -1 for a missing row, else the number of values: mostly 1 to 4, sometimes 0, sometimes 60 to 70} */
    private int rowLength() {
        int p = random.nextInt(100);
        if (p < 8) {
            return -1;
        }
        if (p < 13) {
            return 0;
        }
        if (p < 18) {
            return 60 + random.nextInt(11);
        }
        return 1 + random.nextInt(4);
    }

    private double floatValue() {
        int p = random.nextInt(200);
        if (p < 4) {
            return Double.NaN;
        }
        if (p < 6) {
            return Double.POSITIVE_INFINITY;
        }
        if (p < 8) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p < 24) {
            return p % 2 == 0 ? 0.0 : -0.0;
        }
        if (p < 80) {
            return random.nextInt(101) - 50;
        }
        return Math.scalb(random.nextDouble() - 0.3, random.nextInt(-8, 20));
    }

    private double intValue() {
        int p = random.nextInt(100);
        if (p < 10) {
            return 0;
        }
        if (p < 60) {
            return random.nextInt(201) - 100;
        }
        if (p < 62) {
            return p % 2 == 0 ? (1L << 52) : -(1L << 52);
        }
        return random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
    }

    private byte[] stringValue() {
        int p = random.nextInt(100);
        if (p < 4) {
            return new byte[0];
        }
        if (p < 8) {
            return INVALID_UTF8[random.nextInt(INVALID_UTF8.length)].clone();
        }
        if (p < 20) {
            return NON_ASCII[random.nextInt(NON_ASCII.length)].getBytes(StandardCharsets.UTF_8);
        }
        if (p < 25) {
            return ("rare-" + random.nextInt(1_000_000)).getBytes(StandardCharsets.UTF_8);
        }
        // Zipf-like: value k with probability about 1 / (k + 1), so counts tie often among the tail
        int k = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(400))) - 1;
        return ("v" + k).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
