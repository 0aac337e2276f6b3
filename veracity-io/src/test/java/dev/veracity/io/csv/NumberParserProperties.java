package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.data.FeatureType;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserProperties {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final String DIGITS = "0123456789";

    /** Short mantissas and small exponents: the exact fast path, which must round as Java does. */
    @SeededProperty(tries = 5000)
    void fastPathMatchesJava(long seed) {
        fastPathMatchesJava(fastPathDecimal(new SplittableRandom(seed)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.",
                ".0",
                "-0.",
                "+.0",
                "0.e0",
                "9999999999999999.",
                ".9999999999999999",
                "1.e22",
                "1.e-22",
                "-.1e-22",
                "9999999999999999.e22",
                ".0000000000000001e-22",
                "9007199254740993.",
                "4.35",
                "0.1e1"
            })
    void fastPathMatchesJava(String decimal) {
        byte[] bytes = decimal.getBytes(US_ASCII);
        assertThat(NumberParser.classify(bytes, 0, bytes.length)).as(decimal).isEqualTo(FeatureType.FLOAT);
        assertSameAsJava(decimal);
    }

    /** Any decimal, including long mantissas and large exponents that take the fallback. */
    @SeededProperty(tries = 5000)
    void everyDecimalMatchesJava(long seed) {
        assertSameAsJava(decimal(new SplittableRandom(seed)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0",
                "+0",
                "0.0",
                ".0",
                "0.",
                "1",
                ".5",
                "5.",
                "0e0",
                "1e400",
                "-1e400",
                "1e-400",
                "4.9e-324",
                "2.4703282292062327e-324",
                "2.4703282292062328e-324",
                "2.2250738585072011e-308",
                "2.2250738585072014e-308",
                "1.7976931348623157e308",
                "1.7976931348623158e308",
                "1.7976931348623159e308",
                "9007199254740993",
                "9007199254740993.0000000000000001",
                "0.1",
                "0.30000000000000004",
                "1e22",
                "1e23",
                "9999999999999999e22",
                "123456789012345678901234567890",
                "000000000000000000000000000001",
                "1000000000000000000000000000000e-30",
                "0.000000000000000000000000000001e30"
            })
    void everyDecimalMatchesJava(String decimal) {
        assertSameAsJava(decimal);
    }

    @SeededProperty(tries = 2000)
    void parsesEveryLongItPrints(long seed) {
        parsesTheLongItPrints(Gen.anyLong(new SplittableRandom(seed)));
    }

    @ParameterizedTest
    @ValueSource(
            longs = {
                Long.MIN_VALUE,
                Long.MIN_VALUE + 1,
                Long.MAX_VALUE,
                Long.MAX_VALUE - 1,
                0,
                1,
                -1,
                9,
                10,
                -10,
                999_999_999_999_999_999L,
                1_000_000_000_000_000_000L,
                -1_000_000_000_000_000_000L
            })
    void parsesEdgeLongsItPrints(long value) {
        parsesTheLongItPrints(value);
    }

    private static void parsesTheLongItPrints(long value) {
        byte[] bytes = Long.toString(value).getBytes(US_ASCII);
        assertThat(NumberParser.parseLong(bytes, 0, bytes.length)).isEqualTo(value);
        assertThat(NumberParser.classify(bytes, 0, bytes.length)).isEqualTo(FeatureType.INT);
    }

    @SeededProperty(tries = 2000)
    void classifiesIntegerDigitsByTheInt64Range(long seed) {
        classifiesIntegerDigitsByTheInt64Range(integer(new SplittableRandom(seed)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0",
                "+0",
                "9223372036854775807",
                "9223372036854775808",
                "+9223372036854775807",
                "+9223372036854775808",
                "-9223372036854775808",
                "-9223372036854775809",
                "0009223372036854775807",
                "-0009223372036854775808",
                "0009223372036854775808",
                "9999999999999999999",
                "10000000000000000000",
                "-9999999999999999999",
                "18446744073709551615",
                "18446744073709551616",
                "9999999999999999999999"
            })
    void classifiesIntegerDigitsByTheInt64Range(String integer) {
        byte[] bytes = integer.getBytes(US_ASCII);
        boolean fits = new BigInteger(integer).compareTo(MIN) >= 0 && new BigInteger(integer).compareTo(MAX) <= 0;
        assertThat(NumberParser.classify(bytes, 0, bytes.length))
                .as(integer)
                .isEqualTo(fits ? FeatureType.INT : FeatureType.STRING);
        if (fits) {
            assertThat(NumberParser.parseLong(bytes, 0, bytes.length))
                    .as(integer)
                    .isEqualTo(Long.parseLong(integer));
        } else {
            assertThatThrownBy(() -> NumberParser.parseLong(bytes, 0, bytes.length))
                    .as(integer)
                    .isInstanceOf(NumberFormatException.class);
        }
    }

    /** Whatever classify calls a number, parseDouble reads; whatever it calls a string, parseDouble rejects. */
    @SeededProperty(tries = 5000)
    void classifyAgreesWithTheParsers(long seed) {
        classifyAgreesWithTheParsers(Gen.string(new SplittableRandom(seed), "0123456789+-.eEinfatyINF x", 0, 10));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "-",
                "+",
                ".",
                "e",
                "E",
                "1e",
                "1e+",
                "e1",
                ".e1",
                "1.2.3",
                "+-1",
                "--1",
                " 1",
                "1 ",
                " 1 ",
                "1 2",
                "inf",
                "-inf",
                "+INF",
                "Inf ",
                "infinity",
                "Infinity",
                "-INFINITY",
                "infinit",
                "infx",
                "nan",
                "NaN",
                "-NaN",
                "NAN ",
                "nana",
                "00",
                "-0",
                "1.",
                ".1",
                "1e5",
                "1E-5",
                "9223372036854775808",
                "-9223372036854775809",
                "9223372036854775807"
            })
    void classifyAgreesWithTheParsers(String text) {
        byte[] plain = text.getBytes(US_ASCII);
        classifyAgreesWithTheParsers(text, plain);
        for (byte[] padded : padded(plain)) {
            classifyAgreesWithTheParsers(text, java.util.Arrays.copyOfRange(padded, 3, padded.length));
        }
    }

    /** As {@link #classifyAgreesWithTheParsers(String)}, {@code text} at the start of {@code bytes} (longer, maybe). */
    private static void classifyAgreesWithTheParsers(String text, byte[] array) {
        int length = text.length();
        FeatureType type = NumberParser.classify(array, 0, length);
        switch (type) {
            case INT ->
                assertThat(NumberParser.parseDouble(array, 0, length)).as(text).isEqualTo((double)
                        NumberParser.parseLong(array, 0, length));
            case FLOAT -> NumberParser.parseDouble(array, 0, length);
            case STRING -> {
                if (!text.strip().replaceFirst("^[+-]", "").matches("[0-9]+")) {
                    assertThatThrownBy(() -> NumberParser.parseDouble(array, 0, length))
                            .as(text)
                            .isInstanceOf(NumberFormatException.class);
                }
            }
        }
    }

    private static void assertSameAsJava(String decimal) {
        byte[] bytes = decimal.getBytes(US_ASCII);
        double parsed = NumberParser.parseDouble(bytes, 0, bytes.length);
        long expected = Double.doubleToRawLongBits(Double.parseDouble(decimal));
        assertThat(Double.doubleToRawLongBits(parsed)).as(decimal).isEqualTo(expected);
        for (byte[] padded : padded(bytes)) {
            assertThat(Double.doubleToRawLongBits(NumberParser.parseDouble(padded, 3, bytes.length)))
                    .as("%s inside other bytes", decimal)
                    .isEqualTo(expected);
        }
    }

    /**
     * {@return the bytes at offset 3 of longer arrays, among bytes a parser that reads eight at a time must not take
     * for its own: digits, points, spaces, letters}
     */
    private static List<byte[]> padded(byte[] bytes) {
        List<byte[]> arrays = new java.util.ArrayList<>();
        for (byte filler : new byte[] {'7', '.', ' ', 'e', 0, (byte) 0xB9}) {
            byte[] padded = new byte[bytes.length + 3 + 9];
            java.util.Arrays.fill(padded, filler);
            System.arraycopy(bytes, 0, padded, 3, bytes.length);
            arrays.add(padded);
        }
        return arrays;
    }

    /** A sign, 1 to 16 digits with a point among them, and an exponent in [-22, 22] half the time. */
    static String fastPathDecimal(SplittableRandom random) {
        String sign = Gen.oneOf(random, "", "-", "+");
        String mantissa = Gen.string(random, DIGITS, 1, 16);
        int at = Math.min(Gen.between(random, 0, 16), mantissa.length());
        int exponent = Gen.between(random, -22, 22);
        boolean withExponent = random.nextBoolean();
        return sign + mantissa.substring(0, at) + "." + mantissa.substring(at) + (withExponent ? "e" + exponent : "");
    }

    /** A sign, up to 30 digits, maybe a point and up to 30 more, maybe an exponent up to 400, with at least a digit. */
    static String decimal(SplittableRandom random) {
        while (true) {
            String sign = Gen.oneOf(random, "", "-", "+");
            String whole = Gen.string(random, DIGITS, 0, 30);
            String point = Gen.oneOf(random, "", ".");
            String fraction = Gen.string(random, DIGITS, 0, 30);
            String e = Gen.oneOf(random, "", "e", "E-", "e+");
            int exponent = Gen.between(random, 0, 400);
            String decimal = sign + whole + point + fraction + (e.isEmpty() ? "" : e + exponent);
            if (decimal.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                return decimal;
            }
        }
    }

    /** A sign and 1 to 22 digits; one time in 8 within 1000 of a bound of the int64 range, in any form. */
    static String integer(SplittableRandom random) {
        String sign = Gen.oneOf(random, "", "-", "+");
        if (Gen.oneIn(random, 8)) {
            BigInteger near = (random.nextBoolean() ? MAX : MIN.negate())
                    .add(BigInteger.valueOf(Gen.between(random, -1000, 1000)));
            return (sign.isEmpty() && random.nextBoolean() ? "-" : sign) + "0".repeat(Gen.size(random, 0, 2)) + near;
        }
        return sign + Gen.string(random, DIGITS, 1, 22);
    }
}
