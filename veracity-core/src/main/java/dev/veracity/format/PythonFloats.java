package dev.veracity.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Floating-point numbers spelled digit for digit as Python's protobuf {@code text_format} spells them: doubles as
 * {@code repr(float)}, float32 fields through {@code type_checkers.ToShortestFloat}.
 *
 * <p>Java's own {@code Double.toString} differs in layout ({@code 1.0E-5}, {@code NaN}) and, before JDK 19, is not
 * always the shortest; after JDK 19 it still prints two digits where one would do ({@code 4.9E-324} for Python's
 * {@code 5e-324}). So the digits are computed here, exactly, with {@link BigDecimal}.
 */
final class PythonFloats {
    private static final MathContext[] UP = new MathContext[18];
    private static final MathContext[] DOWN = new MathContext[18];
    private static final MathContext[] HALF_EVEN = new MathContext[18];

    static {
        for (int digits = 1; digits < UP.length; digits++) {
            UP[digits] = new MathContext(digits, RoundingMode.UP);
            DOWN[digits] = new MathContext(digits, RoundingMode.DOWN);
            HALF_EVEN[digits] = new MathContext(digits, RoundingMode.HALF_EVEN);
        }
    }

    private PythonFloats() {}

    /**
     * {@return Python's {@code repr(value)}: the shortest decimal that reads back as {@code value} (the closest such
     * if several), in positional form ({@code 0.0001}, {@code 1234567890123456.0}) when its decimal exponent is in
     * [-4, 16), else in scientific form ({@code 1e-05}, {@code 1e+16}); {@code nan}, {@code inf}, {@code -inf}}
     */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
        }
        return layout(shortest(Math.abs(value)), value < 0);
    }

    /**
     * {@return a float32 field's value as Python's text_format prints it: the value rounded to the fewest
     * significant digits, at least 6, that read back (as a double, then narrowed) as the same float32, then printed
     * with {@link #repr(double)}}
     *
     * <p>For normal floats this is the shortest decimal that reads back as the float ({@code 0.1f} gives {@code 0.1}).
     * Python's lower bound of 6 digits makes it longer for subnormals ({@code 1.4013e-45}, not {@code 1e-45}).
     */
    static String reprFloat32(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
            return repr(value);
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 6; digits < HALF_EVEN.length; digits++) {
            double rounded = exact.round(HALF_EVEN[digits]).doubleValue();
            if ((float) rounded == value) {
                return repr(rounded);
            }
        }
        throw new AssertionError("9 significant digits always identify a float32: " + value);
    }

    /** {@return the shortest decimal that reads back as {@code value} (positive, finite), the closest if several} */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        // Double.toString always reads back as the value, and so does the nearest 17-digit decimal: the shortest
        // has at most as many digits. A k-digit decimal that reads back gives a (k+1)-digit one (append 0), so count
        // down until none reads back. (Java 17's Double.toString is usually the shortest already, at times 1 longer.)
        int digits = Math.min(
                17, new BigDecimal(Double.toString(value)).stripTrailingZeros().precision());
        BigDecimal best = closestThatReadsBack(exact, value, digits);
        for (int fewer = digits - 1; fewer >= 1; fewer--) {
            BigDecimal candidate = closestThatReadsBack(exact, value, fewer);
            if (candidate == null) {
                break;
            }
            best = candidate;
        }
        if (best == null) {
            throw new AssertionError("Double.toString does not read back: " + value);
        }
        return best.stripTrailingZeros();
    }

    /**
     * {@return the decimal of {@code digits} significant digits nearest {@code exact} among the two around it that
     * reads back as {@code value}, or null if neither does}
     *
     * <p>Both neighbours are tried because the rounding interval is lopsided at powers of two: the nearest
     * {@code digits}-digit decimal may miss it where the other one falls inside. A tie goes to the even last digit,
     * as in Python ({@code 1243255383267317.75} prints as {@code 1243255383267317.8}).
     */
    private static BigDecimal closestThatReadsBack(BigDecimal exact, double value, int digits) {
        BigDecimal down = exact.round(DOWN[digits]);
        BigDecimal up = exact.round(UP[digits]);
        boolean downReadsBack = down.doubleValue() == value;
        boolean upReadsBack = up.doubleValue() == value;
        if (downReadsBack && upReadsBack) {
            int nearer = exact.subtract(down).compareTo(up.subtract(exact));
            if (nearer == 0) {
                return down.unscaledValue().testBit(0) ? up : down;
            }
            return nearer < 0 ? down : up;
        }
        return downReadsBack ? down : upReadsBack ? up : null;
    }

    /** Python's {@code float_repr_style = 'short'} layout of {@code digits} (no trailing zeros) for repr. */
    private static String layout(BigDecimal digits, boolean negative) {
        String significand = digits.unscaledValue().toString();
        int length = significand.length();
        int pointPosition = length - digits.scale(); // the value is 0.<significand> * 10^pointPosition
        StringBuilder out = new StringBuilder(length + 8);
        if (negative) {
            out.append('-');
        }
        if (pointPosition <= -4 || pointPosition > 16) {
            out.append(significand.charAt(0));
            if (length > 1) {
                out.append('.').append(significand, 1, length);
            }
            int exponent = pointPosition - 1;
            out.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (pointPosition <= 0) {
            out.append("0.");
            out.append("0".repeat(-pointPosition));
            out.append(significand);
        } else if (pointPosition >= length) {
            out.append(significand);
            out.append("0".repeat(pointPosition - length));
            out.append(".0");
        } else {
            out.append(significand, 0, pointPosition).append('.').append(significand, pointPosition, length);
        }
        return out.toString();
    }
}
