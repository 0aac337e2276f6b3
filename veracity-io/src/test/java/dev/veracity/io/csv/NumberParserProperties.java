package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.data.FeatureType;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NumberParserProperties {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Short mantissas and small exponents: the exact fast path, which must round as Java does. */
    @Property(tries = 5000)
    void fastPathMatchesJava(@ForAll("fastPathDecimals") String decimal) {
        byte[] bytes = decimal.getBytes(US_ASCII);
        assertThat(NumberParser.classify(bytes, 0, bytes.length)).isEqualTo(FeatureType.FLOAT);
        assertSameAsJava(decimal);
    }

    /** Any decimal, including long mantissas and large exponents that take the fallback. */
    @Property(tries = 5000)
    void everyDecimalMatchesJava(@ForAll("decimals") String decimal) {
        assertSameAsJava(decimal);
    }

    @Property(tries = 2000)
    void parsesEveryLongItPrints(@ForAll long value) {
        byte[] bytes = Long.toString(value).getBytes(US_ASCII);
        assertThat(NumberParser.parseLong(bytes, 0, bytes.length)).isEqualTo(value);
        assertThat(NumberParser.classify(bytes, 0, bytes.length)).isEqualTo(FeatureType.INT);
    }

    @Property(tries = 2000)
    void classifiesIntegerDigitsByTheInt64Range(@ForAll("integers") String integer) {
        byte[] bytes = integer.getBytes(US_ASCII);
        boolean fits = new BigInteger(integer).compareTo(MIN) >= 0 && new BigInteger(integer).compareTo(MAX) <= 0;
        assertThat(NumberParser.classify(bytes, 0, bytes.length)).isEqualTo(fits ? FeatureType.INT : FeatureType.STRING);
        if (fits) {
            assertThat(NumberParser.parseLong(bytes, 0, bytes.length)).isEqualTo(Long.parseLong(integer));
        } else {
            assertThatThrownBy(() -> NumberParser.parseLong(bytes, 0, bytes.length))
                    .isInstanceOf(NumberFormatException.class);
        }
    }

    /** Whatever classify calls a number, parseDouble reads; whatever it calls a string, parseDouble rejects. */
    @Property(tries = 5000)
    void classifyAgreesWithTheParsers(@ForAll("numberLikeText") String text) {
        byte[] bytes = text.getBytes(US_ASCII);
        FeatureType type = NumberParser.classify(bytes, 0, bytes.length);
        switch (type) {
            case INT -> assertThat(NumberParser.parseDouble(bytes, 0, bytes.length))
                    .isEqualTo((double) NumberParser.parseLong(bytes, 0, bytes.length));
            case FLOAT -> NumberParser.parseDouble(bytes, 0, bytes.length);
            case STRING -> {
                if (!text.strip().replaceFirst("^[+-]", "").matches("[0-9]+")) {
                    assertThatThrownBy(() -> NumberParser.parseDouble(bytes, 0, bytes.length))
                            .isInstanceOf(NumberFormatException.class);
                }
            }
        }
    }

    private static void assertSameAsJava(String decimal) {
        byte[] bytes = decimal.getBytes(US_ASCII);
        double parsed = NumberParser.parseDouble(bytes, 0, bytes.length);
        assertThat(Double.doubleToRawLongBits(parsed)).as(decimal)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(decimal)));
    }

    @Provide
    Arbitrary<String> fastPathDecimals() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(16);
        return Combinators.combine(Arbitraries.of("", "-", "+"), digits, Arbitraries.integers().between(0, 16),
                Arbitraries.integers().between(-22, 22), Arbitraries.of(true, false))
                .as((sign, mantissa, point, exponent, withExponent) -> {
                    int at = Math.min(point, mantissa.length());
                    String number = mantissa.substring(0, at) + "." + mantissa.substring(at);
                    return sign + number + (withExponent ? "e" + exponent : "");
                })
                .filter(s -> s.matches(".*[0-9].*"));
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMaxLength(30);
        return Combinators.combine(Arbitraries.of("", "-", "+"), digits, Arbitraries.of("", "."), digits,
                Arbitraries.of("", "e", "E-", "e+"), Arbitraries.integers().between(0, 400))
                .as((sign, whole, point, fraction, e, exponent) -> sign + whole + point + fraction
                        + (e.isEmpty() ? "" : e + exponent))
                .filter(s -> s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?"));
    }

    @Provide
    Arbitrary<String> integers() {
        return Combinators.combine(Arbitraries.of("", "-", "+"), Arbitraries.strings().numeric().ofMinLength(1)
                .ofMaxLength(22)).as((sign, digits) -> sign + digits);
    }

    @Provide
    Arbitrary<String> numberLikeText() {
        return Arbitraries.strings().withChars("0123456789+-.eEinfatyINF x").ofMaxLength(10);
    }
}
