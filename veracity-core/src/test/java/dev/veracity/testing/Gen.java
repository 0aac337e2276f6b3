package dev.veracity.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators for {@link SeededProperty} tests, drawing from a {@link SplittableRandom}. They mix in edge cases
 * (bounds of ranges, empty and largest sizes, extreme longs, unusual characters) and favour small sizes, so that a
 * failure often comes with a small input: there is no shrinking.
 *
 * <p>Shared with other modules through veracity-core's test jar.
 */
public final class Gen {
    private Gen() {}

    /** {@return true one time in {@code n}} */
    public static boolean oneIn(SplittableRandom random, int n) {
        return random.nextInt(n) == 0;
    }

    /** {@return an int in [min, max]: one time in 16 a bound (min, max, min + 1, max - 1, or 0), else uniform} */
    public static int between(SplittableRandom random, int min, int max) {
        return (int) between(random, (long) min, max);
    }

    /** {@return a long in [min, max]: one time in 16 a bound (min, max, min + 1, max - 1, or 0), else uniform} */
    public static long between(SplittableRandom random, long min, long max) {
        if (oneIn(random, 16)) {
            long[] edges = {
                min, max, min < max ? min + 1 : min, min < max ? max - 1 : max, min <= 0 && 0 <= max ? 0 : min
            };
            return edges[random.nextInt(edges.length)];
        }
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min > Long.MIN_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong();
    }

    /**
     * {@return a size in [min, max], biased towards small sizes: one time in 16 a bound, else mostly at most
     * {@code min + 32}, uniform over the whole range one time in 10}
     */
    public static int size(SplittableRandom random, int min, int max) {
        if (oneIn(random, 16)) {
            return random.nextBoolean() ? min : max;
        }
        int cutoff = max - min <= 32 ? max : min + 32;
        return random.nextInt(min, (oneIn(random, 10) ? max : cutoff) + 1);
    }

    /**
     * {@return a size in [min, max]: one time in 16 a bound, four times in 16 at most {@code min + 3} (so that some
     * failures come with small inputs), else uniform}
     */
    public static int uniformSize(SplittableRandom random, int min, int max) {
        int p = random.nextInt(16);
        if (p == 0) {
            return random.nextBoolean() ? min : max;
        }
        if (p < 5) {
            return min + random.nextInt(Math.min(max - min, 3) + 1);
        }
        return random.nextInt(min, max + 1);
    }

    /** {@return one of the values, uniformly} */
    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** {@return one of the bytes, uniformly} */
    public static byte oneByteOf(SplittableRandom random, byte... values) {
        return values[random.nextInt(values.length)];
    }

    /** {@return an index drawn with the given weights (a frequency choice)} */
    public static int weighted(SplittableRandom random, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; ; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
    }

    /** {@return a list of {@link #size} ints, each {@link #between} min and max} */
    public static List<Integer> ints(SplittableRandom random, int maxSize, int min, int max) {
        int size = size(random, 0, maxSize);
        List<Integer> ints = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ints.add(between(random, min, max));
        }
        return ints;
    }

    /** {@return a string of {@link #size} characters from {@code chars}} */
    public static String string(SplittableRandom random, String chars, int minLength, int maxLength) {
        int length = size(random, minLength, maxLength);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static final char[] EDGE_CHARS = {
        '\0', '\u007F', '\u0080', '\u00FF', '\u07FF', '\u0800', '\uD7FF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
        '\uE000', '\uFFFD', '\uFFFE', '\uFFFF'
    };

    /**
     * {@return a string of up to {@code maxLength} UTF-16 chars of any kind: mostly ASCII, else two-byte and
     * three-byte UTF-8 ranges, surrogate pairs, lone surrogates and edge chars}
     */
    public static String anyString(SplittableRandom random, int maxLength) {
        int length = size(random, 0, maxLength);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            int p = random.nextInt(16);
            if (p < 8) {
                s.append((char) random.nextInt(0x80));
            } else if (p < 10) {
                s.append((char) random.nextInt(0x80, 0x800));
            } else if (p < 12) {
                s.append((char) random.nextInt(0x800, 0x10000));
            } else if (p < 13) {
                s.append(EDGE_CHARS[random.nextInt(EDGE_CHARS.length)]);
            } else if (p < 14) {
                s.append((char) random.nextInt(0xD800, 0xE000));
            } else if (s.length() + 2 <= length) {
                s.appendCodePoint(random.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
            }
        }
        return s.toString();
    }

    /** {@return {@link #size} bytes of any value} */
    public static byte[] bytes(SplittableRandom random, int maxSize) {
        byte[] bytes = new byte[size(random, 0, maxSize)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static final long[] EDGE_LONGS = {
        Long.MIN_VALUE,
        Long.MIN_VALUE + 1,
        Long.MAX_VALUE,
        Long.MAX_VALUE - 1,
        0,
        1,
        -1,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        (long) Integer.MIN_VALUE - 1,
        (long) Integer.MAX_VALUE + 1
    };

    /**
     * {@return any long: one time in 16 an edge (the extremes, 0, 1, -1, the int range's bounds), four times in 16 of
     * a uniformly drawn number of bits (so all magnitudes appear), else uniform}
     */
    public static long anyLong(SplittableRandom random) {
        int p = random.nextInt(16);
        if (p == 0) {
            return EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
        }
        if (p < 5) {
            return random.nextLong() >> random.nextInt(64);
        }
        return random.nextLong();
    }
}
