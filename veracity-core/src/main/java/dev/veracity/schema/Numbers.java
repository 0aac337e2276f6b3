package dev.veracity.schema;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in anomaly descriptions, printed as TFDV prints them: six significant digits, C's {@code %g} layout. */
final class Numbers {
    private Numbers() {}

    /** {@return {@code value} with at most six significant digits: {@code 0.999997}, {@code 1e+06}, {@code 12}} */
    static String sixDigits(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = rounded.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String sign = rounded.signum() < 0 ? "-" : "";
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        return rounded.toPlainString();
    }

    /** {@return an integer count, or a weighted count with six significant digits} */
    static String count(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : sixDigits(value);
    }
}
