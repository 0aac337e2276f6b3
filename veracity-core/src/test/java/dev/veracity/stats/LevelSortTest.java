package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The level sort against Arrays.sort, bit for bit, on the kinds of values a sketch level holds. */
class LevelSortTest {
    @Test
    void sortsAsArraysSortBitForBit() {
        Random random = new Random(24);
        double[][] specials = {
            {-0.0, 0.0},
            {Double.POSITIVE_INFINITY},
            {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
            {0x1p53, 0x1p53 + 2},
            {-0x1p60, -0x1p60 + 256},
            {1e300},
            {0.5},
            {Double.MIN_VALUE}
        };
        for (int round = 0; round < 400; round++) {
            int size = random.nextInt(3_000);
            double[] items = new double[size + random.nextInt(5)];
            int kind = round % 5;
            for (int i = 0; i < size; i++) {
                items[i] = switch (kind) {
                    case 0 -> 18 + random.nextInt(70); // a narrow whole range: counted
                    case 1 -> random.nextInt(Math.max(1, size)) - size / 2; // as wide as the values: counted
                    case 2 -> random.nextInt(10 * Math.max(1, size)); // too wide: compared
                    case 3 -> random.nextGaussian(); // fractions: compared
                    default -> {
                        double[] pick = specials[random.nextInt(specials.length)];
                        yield random.nextInt(4) == 0 ? pick[random.nextInt(pick.length)] : random.nextInt(5);
                    }
                };
            }
            double[] expected = items.clone();
            Arrays.sort(expected, 0, size);
            LevelSort.sort(items, size);
            for (int i = 0; i < items.length; i++) {
                assertThat(Double.doubleToRawLongBits(items[i]))
                        .as("round %d, item %d", round, i)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
        }
    }
}
