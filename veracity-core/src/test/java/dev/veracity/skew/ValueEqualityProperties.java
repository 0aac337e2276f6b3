package dev.veracity.skew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/** Rounding as Python's {@code round(x, n)}: half to even on the exact binary value, checked against BigDecimal. */
class ValueEqualityProperties {
    @SeededProperty(tries = 200)
    void fastRoundingEqualsExactDecimalRounding(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            int digits = Gen.between(random, 0, 25);
            double value = switch (random.nextInt(4)) {
                case 0 -> random.nextLong(-1_000_000, 1_000_000) / 1000.0 + 0.0005; // near ties
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-10, 20));
                case 2 -> random.nextInt(-100_000, 100_000) / 8.0; // exact binary halves: true ties
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (!Double.isFinite(value)) {
                continue;
            }
            double exact = new BigDecimal(value)
                    .setScale(digits, RoundingMode.HALF_EVEN)
                    .doubleValue();
            double rounded = ValueEquality.round(value, digits);
            assertThat(rounded)
                    .as("round(%s, %d)", value, digits)
                    .isEqualTo(exact == 0 ? Math.copySign(0.0, value) : exact);
        }
    }

    @SeededProperty(tries = 20)
    void integersMatchFloatsOnlyWhenEqual(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            long l = Gen.anyLong(random);
            double d = random.nextBoolean() ? (double) l : Double.longBitsToDouble(random.nextLong());
            boolean expected = Double.isFinite(d) && new BigDecimal(d).compareTo(BigDecimal.valueOf(l)) == 0;
            assertThat(ValueEquality.numericallyEqual(l, d))
                    .as("%d vs %s", l, d)
                    .isEqualTo(expected);
        }
    }
}
