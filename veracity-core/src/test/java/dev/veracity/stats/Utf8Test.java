package dev.veracity.stats;

import static dev.veracity.stats.GeneratedRows.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.BruteForceStatistics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static boolean valid(int... values) {
        byte[] b = bytes(values);
        return Utf8.isValid(b, 0, b.length);
    }

    @Nested
    class Valid {
        @Test
        void emptyAndAscii() {
            assertThat(valid()).isTrue();
            assertThat(valid('a', 0x00, 0x7F)).isTrue();
        }

        @Test
        void boundariesOfEachLength() {
            assertThat(valid(0xC2, 0x80)).as("U+0080").isTrue();
            assertThat(valid(0xDF, 0xBF)).as("U+07FF").isTrue();
            assertThat(valid(0xE0, 0xA0, 0x80)).as("U+0800").isTrue();
            assertThat(valid(0xED, 0x9F, 0xBF)).as("U+D7FF").isTrue();
            assertThat(valid(0xEE, 0x80, 0x80)).as("U+E000").isTrue();
            assertThat(valid(0xEF, 0xBF, 0xBF)).as("U+FFFF").isTrue();
            assertThat(valid(0xF0, 0x90, 0x80, 0x80)).as("U+10000").isTrue();
            assertThat(valid(0xF4, 0x8F, 0xBF, 0xBF))
                    .as("U+10FFFF, the 4-byte maximum")
                    .isTrue();
        }

        @Test
        void textInManyScripts() {
            byte[] text = "Straße 日本語 😀 𝔘 naïve".getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.isValid(text, 0, text.length)).isTrue();
        }
    }

    @Nested
    class Invalid {
        @Test
        void overlongForms() {
            assertThat(valid(0xC0, 0x80)).as("2-byte NUL").isFalse();
            assertThat(valid(0xC1, 0xBF)).as("2-byte U+007F").isFalse();
            assertThat(valid(0xE0, 0x80, 0x80)).as("3-byte NUL").isFalse();
            assertThat(valid(0xE0, 0x9F, 0xBF)).as("3-byte U+07FF").isFalse();
            assertThat(valid(0xF0, 0x80, 0x80, 0x80)).as("4-byte NUL").isFalse();
            assertThat(valid(0xF0, 0x8F, 0xBF, 0xBF)).as("4-byte U+FFFF").isFalse();
        }

        @Test
        void surrogates() {
            assertThat(valid(0xED, 0xA0, 0x80)).as("U+D800").isFalse();
            assertThat(valid(0xED, 0xBF, 0xBF)).as("U+DFFF").isFalse();
            assertThat(valid(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80))
                    .as("CESU-8 pair")
                    .isFalse();
        }

        @Test
        void beyondTheLastCodePoint() {
            assertThat(valid(0xF4, 0x90, 0x80, 0x80)).as("U+110000").isFalse();
            assertThat(valid(0xF5, 0x80, 0x80, 0x80)).isFalse();
            assertThat(valid(0xF8, 0x88, 0x80, 0x80, 0x80)).as("5-byte form").isFalse();
            assertThat(valid(0xFE)).isFalse();
            assertThat(valid(0xFF)).isFalse();
        }

        @Test
        void truncatedSequences() {
            assertThat(valid(0xC3)).isFalse();
            assertThat(valid(0xE2, 0x82)).isFalse();
            assertThat(valid(0xF0, 0x9F, 0x98)).isFalse();
            assertThat(valid('a', 0xF0, 0x9F)).isFalse();
            assertThat(valid(0xE2, 0x82, 'a'))
                    .as("ASCII where a continuation byte belongs")
                    .isFalse();
        }

        @Test
        void strayContinuationBytes() {
            assertThat(valid(0x80)).isFalse();
            assertThat(valid('a', 0xBF, 'b')).isFalse();
            assertThat(valid(0xC3, 0xA9, 0xA9)).isFalse();
        }
    }

    @Test
    void onlyTheGivenRangeIsChecked() {
        byte[] b = bytes(0xFF, 'o', 'k', 0xC3, 0xA9, 0xC3);
        assertThat(Utf8.isValid(b, 1, 4)).isTrue();
        assertThat(Utf8.isValid(b, 1, 5)).as("ends inside a sequence").isFalse();
        assertThat(Utf8.isValid(b, 3, 1))
                .as("a 2-byte sequence cut by the range")
                .isFalse();
        assertThat(Utf8.isValid(b, 0, 0)).isTrue();
    }

    @Test
    void everyFixtureOfGeneratedRowsIsInvalid() {
        for (byte[] invalid : GeneratedRows.INVALID_UTF8) {
            assertThat(Utf8.isValid(invalid, 0, invalid.length)).isFalse();
            assertThat(BruteForceStatistics.isValidUtf8(invalid)).isFalse();
        }
    }
}
