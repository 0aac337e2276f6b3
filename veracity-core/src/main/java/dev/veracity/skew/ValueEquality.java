package dev.veracity.skew;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * When two feature values match (see {@link FeatureSkew}): numbers numerically across INT and FLOAT, strings
 * byte-wise, a string and a number when the string parses to that number.
 */
public final class ValueEquality {
    /** Powers of ten that are exact doubles. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private final int roundDigits;

    public ValueEquality(int roundDigits) {
        if (roundDigits != SkewOptions.NO_ROUNDING && (roundDigits < 0 || roundDigits > SkewOptions.MAX_ROUND_DIGITS)) {
            throw new IllegalArgumentException(
                    "roundDigits must be NO_ROUNDING or in [0, " + SkewOptions.MAX_ROUND_DIGITS + "]: " + roundDigits);
        }
        this.roundDigits = roundDigits;
    }

    /** {@return {@code value} rounded to the configured digits, half to even on its exact binary value} */
    double round(double value) {
        return round(value, roundDigits);
    }

    static double round(double value, int digits) {
        if (digits == SkewOptions.NO_ROUNDING || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        if (digits < POWERS_OF_TEN.length) {
            // Fast path, exact when taken: value * 10^digits is off by at most half an ulp, so a product farther than
            // an ulp from a half-integer rounds the way the exact product would; the integer divided by the exact
            // power of ten is then correctly rounded, as the decimal value is.
            double power = POWERS_OF_TEN[digits];
            double scaled = value * power;
            if (Math.abs(scaled) < 0x1p52) {
                double integer = Math.rint(scaled);
                if (Math.abs(Math.abs(scaled - integer) - 0.5) > 2 * Math.ulp(scaled)) {
                    return integer / power;
                }
            }
        }
        double rounded =
                new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
        return rounded == 0 ? Math.copySign(0.0, value) : rounded; // keep the sign of zero, as Python and the fast path
    }

    boolean matches(ValueList base, ValueList test) {
        int n = base.size();
        if (n != test.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!matches(base, test, i)) {
                return false;
            }
        }
        return true;
    }

    // Java 17 has no pattern switch: the sealed family is closed, so the last branch of each chain is the third kind.
    private boolean matches(ValueList base, ValueList test, int i) {
        if (base instanceof ValueList.Ints b) {
            if (test instanceof ValueList.Ints t) {
                return b.values()[i] == t.values()[i];
            }
            if (test instanceof ValueList.Floats t) {
                return numericallyEqual(b.values()[i], t.values()[i]);
            }
            return stringEqualsLong(((ValueList.Strings) test).values()[i], b.values()[i]);
        }
        if (base instanceof ValueList.Floats b) {
            if (test instanceof ValueList.Ints t) {
                return numericallyEqual(t.values()[i], b.values()[i]);
            }
            if (test instanceof ValueList.Floats t) {
                return doublesEqual(b.values()[i], t.values()[i]);
            }
            return stringEqualsDouble(((ValueList.Strings) test).values()[i], b.values()[i]);
        }
        byte[] b = ((ValueList.Strings) base).values()[i];
        if (test instanceof ValueList.Ints t) {
            return stringEqualsLong(b, t.values()[i]);
        }
        if (test instanceof ValueList.Floats t) {
            return stringEqualsDouble(b, t.values()[i]);
        }
        return java.util.Arrays.equals(b, ((ValueList.Strings) test).values()[i]);
    }

    static boolean doublesEqual(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }

    /** Exact: a long and a double are equal only if the double is that integer. */
    static boolean numericallyEqual(long a, double b) {
        if (Double.isNaN(b) || Double.isInfinite(b) || b != Math.rint(b) || b >= 0x1p63 || b < -0x1p63) {
            return false;
        }
        return (long) b == a;
    }

    private boolean stringEqualsLong(byte[] text, long value) {
        String s = new String(text, UTF_8);
        try {
            return Long.parseLong(s) == value;
        } catch (NumberFormatException notALong) {
            Double parsed = parseDouble(s);
            return parsed != null && numericallyEqual(value, round(parsed));
        }
    }

    private boolean stringEqualsDouble(byte[] text, double value) {
        Double parsed = parseDouble(new String(text, UTF_8));
        return parsed != null && doublesEqual(round(parsed), value);
    }

    private static Double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
