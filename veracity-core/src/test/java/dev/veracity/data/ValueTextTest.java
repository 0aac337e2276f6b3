package dev.veracity.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    @Test
    void integralFloatsReadAsTheIntegerTheyAre() {
        assertThat(ValueText.of(3.0)).isEqualTo("3");
        assertThat(ValueText.of(-0.0)).isEqualTo("0");
        assertThat(ValueText.of(-42.0)).isEqualTo("-42");
        assertThat(ValueText.of(0x1p60)).isEqualTo(Long.toString(1L << 60));
    }

    @Test
    void otherFloatsArePlainBetweenTenToTheMinusSevenAndTwentyOne() {
        assertThat(ValueText.of(0.25)).isEqualTo("0.25");
        assertThat(ValueText.of(12345678.5)).isEqualTo("12345678.5");
        assertThat(ValueText.of(1.5e-5)).isEqualTo("0.000015");
        assertThat(ValueText.of(1e20)).isEqualTo("100000000000000000000");
        assertThat(ValueText.of(1e21)).isEqualTo("1e+21");
        assertThat(ValueText.of(-1.5e-8)).isEqualTo("-1.5e-8");
        assertThat(ValueText.of(Double.NaN)).isEqualTo("NaN");
        assertThat(ValueText.of(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void everyFiniteFloatReadsBackAsItself() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 100_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                assertThat(Double.parseDouble(ValueText.of(value))).isEqualTo(value);
            }
        }
    }

    @Test
    void rowsJoinTheirValuesAndAMissingRowIsEmpty() {
        byte[] bytes = "ab".getBytes(StandardCharsets.UTF_8);
        StringColumn strings = new StringColumn(
                "s", 3, new boolean[] {true, false, true}, new int[] {0, 2, 2, 2}, new int[] {0, 1, 2}, bytes);
        assertThat(ValueText.row(strings, 0)).isEqualTo("a|b");
        assertThat(ValueText.first(strings, 0)).isEqualTo("a");
        assertThat(ValueText.row(strings, 1)).isEmpty();
        assertThat(ValueText.first(strings, 2)).isEmpty();
        FloatColumn floats = new FloatColumn("f", 1, new boolean[] {true}, new int[] {0, 1}, new double[] {2.0});
        assertThat(ValueText.of(floats, 0)).isEqualTo("2");
    }
}
