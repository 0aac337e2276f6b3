package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.data.FeatureType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {
    private static FeatureType classify(String cell) {
        byte[] bytes = ("##" + cell + "##").getBytes(US_ASCII);
        return NumberParser.classify(bytes, 2, bytes.length - 4);
    }

    private static long parseLong(String cell) {
        byte[] bytes = ("#" + cell + "#").getBytes(US_ASCII);
        return NumberParser.parseLong(bytes, 1, bytes.length - 2);
    }

    private static double parseDouble(String cell) {
        byte[] bytes = ("#" + cell + "#").getBytes(US_ASCII);
        return NumberParser.parseDouble(bytes, 1, bytes.length - 2);
    }

    @Nested
    class Classify {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "0",
                    "7",
                    "-12",
                    "+7",
                    "007",
                    " 42 ",
                    "\t-3\r\n",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "+0009223372036854775807",
                    "-0"
                })
        void readsIntegersWithinInt64AsInt(String cell) {
            assertThat(classify(cell)).isEqualTo(FeatureType.INT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "99999999999999999999999"})
        void readsIntegersBeyondInt64AsStringAsTfxBslDoes(String cell) {
            assertThat(classify(cell)).isEqualTo(FeatureType.STRING);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1.5",
                    "1.",
                    ".5",
                    "-.5",
                    "+1.0",
                    "1e5",
                    "1E+05",
                    "1.5E-3",
                    "0.000",
                    " 2.5 ",
                    "inf",
                    "-inf",
                    "+INF",
                    "Infinity",
                    "-iNfInItY",
                    "nan",
                    "NaN",
                    "-nan",
                    "1e999",
                    "00.10e-0"
                })
        void readsPythonFloatSyntaxAsFloat(String cell) {
            assertThat(classify(cell)).isEqualTo(FeatureType.FLOAT);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "abc",
                    ".",
                    "-",
                    "+",
                    "e5",
                    "1e",
                    "1e+",
                    "1.5.2",
                    "0x1p3",
                    "0x10",
                    "1d",
                    "1f",
                    "1_000",
                    "--1",
                    "+-1",
                    "1 2",
                    "infinit",
                    "infinityy",
                    "nana",
                    " ",
                    "1,5",
                    "١",
                    "1e5.0",
                    "- 1"
                })
        void readsEverythingElseAsString(String cell) {
            assertThat(classify(cell)).isEqualTo(FeatureType.STRING);
        }
    }

    @Nested
    class Integers {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "0|0",
                    "-0|0",
                    "+15|15",
                    "' 42\t'|42",
                    "007|7",
                    "9223372036854775807|9223372036854775807",
                    "-9223372036854775808|-9223372036854775808"
                })
        void parsesIntegers(String cell, long expected) {
            assertThat(parseLong(cell)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    " ",
                    "-",
                    "1.0",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "12a",
                    "99999999999999999999"
                })
        void rejectsEverythingElse(String cell) {
            assertThatThrownBy(() -> parseLong(cell)).isInstanceOf(NumberFormatException.class);
        }
    }

    @Nested
    class Doubles {
        @Test
        void parsesPythonSpellings() {
            assertThat(parseDouble("inf")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(parseDouble("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(parseDouble("+INF")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(parseDouble("nan")).isNaN();
            assertThat(parseDouble("-NaN")).isNaN();
            assertThat(parseDouble("1.")).isEqualTo(1.0);
            assertThat(parseDouble(".5")).isEqualTo(0.5);
            assertThat(parseDouble(" 2.5\t")).isEqualTo(2.5);
            assertThat(parseDouble("1.5E-3")).isEqualTo(0.0015);
            assertThat(parseDouble("42")).isEqualTo(42.0);
        }

        @Test
        void keepsTheSignOfZero() {
            assertThat(Double.doubleToRawLongBits(parseDouble("-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
            assertThat(Double.doubleToRawLongBits(parseDouble("0e999999999"))).isZero();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1e400",
                    "-1e400",
                    "1e-400",
                    "4.9e-324",
                    "2.2250738585072014E-308",
                    "0.1000000000000000055511151231257827021181583404541015625",
                    "9007199254740993",
                    "123456789012345678901234567890",
                    "1e23",
                    "8.98846567431158e307",
                    "1.7976931348623157e308",
                    "0.00000000000000000000000000001",
                    "1e00000000000000000000000000005",
                    "9300000000000000000",
                    "99999999999999999999.5",
                    "9007199254740993e-5"
                })
        void agreesWithJavaBeyondTheFastPath(String cell) {
            assertThat(parseDouble(cell)).isEqualTo(Double.parseDouble(cell));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "abc", ".", "e5", "1e", "0x1p3", "1d", "1f", "Infinityx", "1_0", "1.5.2"})
        void rejectsEverythingElse(String cell) {
            assertThatThrownBy(() -> parseDouble(cell)).isInstanceOf(NumberFormatException.class);
        }
    }
}
