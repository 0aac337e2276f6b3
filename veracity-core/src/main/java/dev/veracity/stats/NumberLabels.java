package dev.veracity.stats;

import java.math.BigDecimal;

/**
 * The decimal strings by which TFDV labels the values of categorical INT and FLOAT features: {@code str(v)} in
 * Python. An integer is its plain decimal digits; a float is Python's {@code repr}: the shortest digits that read back
 * as the value (as Java's {@link Double#toString} gives them), laid out fixed for decimal exponents in [-4, 16) with at
 * least one digit after the point ({@code 2.0}, {@code 0.0001}), else scientific ({@code 1e+16}, {@code 1.5e-05});
 * {@code nan}, {@code inf}, {@code -inf}.
 */
final class NumberLabels {
    /** The longest decimal string of a long: a sign and 19 digits. */
    static final int MAX_LONG_LENGTH = 20;

    private NumberLabels() {}

    /** Writes the decimal digits of {@code value} at the start of {@code into} (at least 20 bytes); returns the count. */
    static int writeLong(long value, byte[] into) {
        if (value == 0) {
            into[0] = '0';
            return 1;
        }
        int length = 0;
        long rest = value;
        if (rest < 0) {
            into[length++] = '-';
        }
        int digitsStart = length;
        while (rest != 0) {
            into[length++] = (byte) ('0' + Math.abs(rest % 10)); // abs per digit: Long.MIN_VALUE has no positive
            rest /= 10;
        }
        for (int i = digitsStart, j = length - 1; i < j; i++, j--) {
            byte t = into[i];
            into[i] = into[j];
            into[j] = t;
        }
        return length;
    }

    /** {@return Python's {@code repr} of {@code value}} */
    static String ofDouble(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1; // value = d.ddd x 10^exponent
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String digits = decimal.unscaledValue().abs().toString();
        StringBuilder label = new StringBuilder(digits.length() + 8);
        if (value < 0) {
            label.append('-');
        }
        label.append(digits.charAt(0));
        if (digits.length() > 1) {
            label.append('.').append(digits, 1, digits.length());
        }
        label.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            label.append('0');
        }
        return label.append(magnitude).toString();
    }
}
