package dev.veracity.io.csv;

import dev.veracity.data.FeatureType;
import java.nio.charset.StandardCharsets;

/**
 * Classifies and parses CSV cells as numbers, on bytes and without allocating, with the syntax of Python's
 * {@code int()} and {@code float()} that TFDV's CSV type inference (tfx_bsl) applies.
 *
 * <p>INT: an optional sign and ASCII digits, within int64 (a longer integer is STRING, as in tfx_bsl). FLOAT: an
 * optional sign, then digits with an optional fraction and exponent ({@code 1.}, {@code .5}, {@code 1e5}), or
 * {@code inf}, {@code infinity}, {@code nan} in any case. Both allow ASCII whitespace around the number, as Python
 * strips it. Java-only spellings ({@code 0x1p3}, {@code 1d}, {@code 1f}) and Python's digit underscores are not
 * numbers here.
 */
public final class NumberParser {
    /** Mantissas up to 2^53 are exact doubles. */
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    /** Powers of ten up to 10^22 are exact doubles. */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
    /** 18 decimal digits always fit a long; the fast path needs at most 16. */
    private static final int MAX_MANTISSA_DIGITS = 18;

    private static final int EXPONENT_CAP = 100_000;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long ZEROS = 0x3030303030303030L;
    private static final long POINTS = 0x2E2E2E2E2E2E2E2EL;
    /** Added to a digit's value (0 to 9), sets no high bit; to a larger one (10 up), sets it: 0x76 = 0x80 - 10. */
    private static final long SIXES = 0x7676767676767676L;

    private static final byte[] LONG_MAX_DIGITS = "9223372036854775807".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LONG_MIN_DIGITS = "9223372036854775808".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INF = {'i', 'n', 'f'};
    private static final byte[] INFINITY = {'i', 'n', 'f', 'i', 'n', 'i', 't', 'y'};
    private static final byte[] NAN = {'n', 'a', 'n'};

    private NumberParser() {}

    /** {@return the index of the first byte in [start, end) that is not a space, or end} */
    private static int firstNonSpace(byte[] bytes, int start, int end) {
        while (start < end && isSpace(bytes[start])) {
            start++;
        }
        return start;
    }

    /** {@return the end of [start, end) without its trailing spaces} */
    private static int endWithoutSpaces(byte[] bytes, int start, int end) {
        while (end > start && isSpace(bytes[end - 1])) {
            end--;
        }
        return end;
    }

    /** {@return the index after an optional leading {@code +} or {@code -} in [start, end)} */
    private static int afterSign(byte[] bytes, int start, int end) {
        return start < end && (bytes[start] == '+' || bytes[start] == '-') ? start + 1 : start;
    }

    /** {@return INT, FLOAT or STRING: the narrowest type whose syntax {@code bytes[offset, offset + length)} has} */
    public static FeatureType classify(byte[] bytes, int offset, int length) {
        int start = firstNonSpace(bytes, offset, offset + length);
        int end = endWithoutSpaces(bytes, start, offset + length);
        int p = afterSign(bytes, start, end);
        boolean negative = p > start && bytes[start] == '-';
        int digitsStart = p;
        while (p < end && isDigit(bytes[p])) {
            p++;
        }
        if (p == end && p > digitsStart) {
            return fitsInLong(bytes, digitsStart, end, negative) ? FeatureType.INT : FeatureType.STRING;
        }
        return isFloat(bytes, digitsStart, end) ? FeatureType.FLOAT : FeatureType.STRING;
    }

    /**
     * {@return the integer in {@code bytes[offset, offset + length)}}
     *
     * @throws NumberFormatException if it is not INT syntax or is outside int64
     */
    public static long parseLong(byte[] bytes, int offset, int length) {
        int start = firstNonSpace(bytes, offset, offset + length);
        int end = endWithoutSpaces(bytes, start, offset + length);
        int p = afterSign(bytes, start, end);
        boolean negative = p > start && bytes[start] == '-';
        if (p == end) {
            throw notA("an integer", bytes, offset, length);
        }
        // Accumulate negatively: the range of negative longs includes Long.MIN_VALUE.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyLimit = limit / 10;
        long result = 0;
        for (; p < end; p++) {
            int digit = bytes[p] - '0';
            if (digit < 0 || digit > 9 || result < multiplyLimit) {
                throw notA("an integer", bytes, offset, length);
            }
            result *= 10;
            if (result < limit + digit) {
                throw notA("an integer", bytes, offset, length);
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    /**
     * {@return the correctly rounded double in {@code bytes[offset, offset + length)}}; decimal mantissas that fit
     * 2^53 with a power of ten up to 22 are computed exactly in one multiplication or division (Clinger's fast path),
     * everything else goes through {@link Double#parseDouble}
     *
     * @throws NumberFormatException if it is neither INT nor FLOAT syntax
     */
    public static double parseDouble(byte[] bytes, int offset, int length) {
        int start = firstNonSpace(bytes, offset, offset + length);
        int end = endWithoutSpaces(bytes, start, offset + length);
        int p = afterSign(bytes, start, end);
        boolean negative = p > start && bytes[start] == '-';
        double shortForm = shortDecimal(bytes, p, end);
        if (!Double.isNaN(shortForm)) {
            return negative ? -shortForm : shortForm;
        }
        if (p < end && !isDigit(bytes[p]) && bytes[p] != '.') {
            return special(bytes, p, end, negative, offset, length);
        }
        long mantissa = 0;
        int significantDigits = 0;
        int exponent = 0;
        boolean exact = true;
        int digits = 0;
        for (; p < end && isDigit(bytes[p]); p++, digits++) {
            int digit = bytes[p] - '0';
            if (significantDigits < MAX_MANTISSA_DIGITS) {
                if (mantissa != 0 || digit != 0) {
                    mantissa = mantissa * 10 + digit;
                    significantDigits++;
                }
            } else {
                exponent++;
                exact &= digit == 0;
            }
        }
        if (p < end && bytes[p] == '.') {
            for (p++; p < end && isDigit(bytes[p]); p++, digits++) {
                int digit = bytes[p] - '0';
                if (significantDigits < MAX_MANTISSA_DIGITS) {
                    if (mantissa != 0 || digit != 0) {
                        mantissa = mantissa * 10 + digit;
                        significantDigits++;
                    }
                    exponent--;
                } else {
                    exact &= digit == 0;
                }
            }
        }
        if (digits == 0) {
            throw notA("a number", bytes, offset, length);
        }
        if (p < end && (bytes[p] == 'e' || bytes[p] == 'E')) {
            p++;
            boolean negativeExponent = false;
            if (p < end && (bytes[p] == '+' || bytes[p] == '-')) {
                negativeExponent = bytes[p] == '-';
                p++;
            }
            int exponentStart = p;
            int written = 0;
            for (; p < end && isDigit(bytes[p]); p++) {
                written = Math.min(EXPONENT_CAP, written * 10 + bytes[p] - '0');
            }
            if (p == exponentStart) {
                throw notA("a number", bytes, offset, length);
            }
            exponent += negativeExponent ? -written : written;
        }
        if (p != end) {
            throw notA("a number", bytes, offset, length);
        }
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (exact && mantissa <= MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            double value = exponent >= 0
                    ? (double) mantissa * EXACT_POWERS_OF_TEN[exponent]
                    : (double) mantissa / EXACT_POWERS_OF_TEN[-exponent];
            return negative ? -value : value;
        }
        // The syntax is checked above, so Java's parser sees only spellings it reads as Python does.
        return Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
    }

    /**
     * {@return the value of {@code bytes[p, end)} if it is 1 to 8 bytes of digits with at most one point among them
     * (at least one digit), else NaN} The bytes are read as one long and checked and converted eight at a time (SWAR),
     * with no branch per digit; the result is the fast path's, {@code mantissa / 10^fractionDigits}, bit for bit.
     */
    private static double shortDecimal(byte[] bytes, int p, int end) {
        int n = end - p;
        if (n < 1 || n > Long.BYTES || p + Long.BYTES > bytes.length) {
            return Double.NaN;
        }
        long kept = n == Long.BYTES ? -1L : (1L << (n * Long.BYTES)) - 1;
        long x = CsvSpecials.longAt(bytes, p) & kept;
        int fraction = 0;
        long points = CsvSpecials.zeroBytes(x ^ POINTS) & kept;
        if (points != 0) {
            if ((points & (points - 1)) != 0 || n == 1) {
                return Double.NaN; // two points, or a point alone: the general path decides
            }
            int at = Long.numberOfTrailingZeros(points) >>> 3;
            long before = x & ((1L << (at * Long.BYTES)) - 1);
            long after = at == Long.BYTES - 1 ? 0 : (x >>> ((at + 1) * Long.BYTES)) << (at * Long.BYTES);
            x = before | after;
            n--;
            fraction = n - at;
            kept >>>= Long.BYTES;
        }
        long digits = x - (ZEROS & kept);
        // every kept byte in [0, 9]: no high bit before or after adding 0x76 (so no byte was below '0' or above '9')
        if (((x | digits | (digits + (SIXES & kept))) & HIGHS & kept) != 0) {
            return Double.NaN;
        }
        long v = digits << ((Long.BYTES - n) * Long.BYTES); // leading zero digits fill the low bytes
        v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
        v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
        v = (v * 10000 + (v >>> 32)) & 0xFFFFFFFFL;
        return fraction == 0 ? (double) v : (double) v / EXACT_POWERS_OF_TEN[fraction];
    }

    /** Whether {@code bytes[p, end)}, after any sign, is FLOAT syntax. */
    private static boolean isFloat(byte[] bytes, int p, int end) {
        if (p < end && !isDigit(bytes[p]) && bytes[p] != '.') {
            return matches(bytes, p, end, INF) || matches(bytes, p, end, INFINITY) || matches(bytes, p, end, NAN);
        }
        int digits = 0;
        for (; p < end && isDigit(bytes[p]); p++) {
            digits++;
        }
        if (p < end && bytes[p] == '.') {
            for (p++; p < end && isDigit(bytes[p]); p++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (p < end && (bytes[p] == 'e' || bytes[p] == 'E')) {
            p++;
            if (p < end && (bytes[p] == '+' || bytes[p] == '-')) {
                p++;
            }
            int exponentStart = p;
            while (p < end && isDigit(bytes[p])) {
                p++;
            }
            if (p == exponentStart) {
                return false;
            }
        }
        return p == end;
    }

    private static double special(byte[] bytes, int p, int end, boolean negative, int offset, int length) {
        if (matches(bytes, p, end, INF) || matches(bytes, p, end, INFINITY)) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (matches(bytes, p, end, NAN)) {
            return Double.NaN;
        }
        throw notA("a number", bytes, offset, length);
    }

    /** Whether {@code bytes[p, end)} is {@code lowerCaseWord} in any case. */
    private static boolean matches(byte[] bytes, int p, int end, byte[] lowerCaseWord) {
        if (end - p != lowerCaseWord.length) {
            return false;
        }
        for (int i = 0; i < lowerCaseWord.length; i++) {
            if ((bytes[p + i] | 0x20) != lowerCaseWord[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the digits {@code bytes[from, end)}, with the given sign, are within int64. */
    private static boolean fitsInLong(byte[] bytes, int from, int end, boolean negative) {
        while (from < end - 1 && bytes[from] == '0') {
            from++;
        }
        byte[] bound = negative ? LONG_MIN_DIGITS : LONG_MAX_DIGITS;
        int count = end - from;
        if (count != bound.length) {
            return count < bound.length;
        }
        for (int i = 0; i < count; i++) {
            if (bytes[from + i] != bound[i]) {
                return bytes[from + i] < bound[i];
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** ASCII whitespace, as Python's {@code bytes.strip()} removes it. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == '\f';
    }

    private static NumberFormatException notA(String what, byte[] bytes, int offset, int length) {
        return new NumberFormatException(
                "expected " + what + ", found \"" + new String(bytes, offset, length, StandardCharsets.UTF_8) + "\"");
    }
}
