package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Properties {
    /** Lead and continuation bytes at the edges of the ranges, where the edge cases are. */
    private static final byte[] INTERESTING = {
        (byte) 0x80,
        (byte) 0x8F,
        (byte) 0x90,
        (byte) 0x9F,
        (byte) 0xA0,
        (byte) 0xBF,
        (byte) 0xC0,
        (byte) 0xC1,
        (byte) 0xC2,
        (byte) 0xDF,
        (byte) 0xE0,
        (byte) 0xED,
        (byte) 0xEF,
        (byte) 0xF0,
        (byte) 0xF4,
        (byte) 0xF5,
        (byte) 0xFF,
        (byte) 'a'
    };

    /** Up to 8 bytes, three in four of them interesting. */
    static byte[] bytes(SplittableRandom random) {
        byte[] bytes = new byte[Gen.size(random, 0, 8)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] =
                    Gen.weighted(random, 3, 1) == 0 ? Gen.oneByteOf(random, INTERESTING) : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static void agreesWithTheJdkStrictDecoder(byte[] bytes) {
        boolean expected = BruteForceStatistics.isValidUtf8(bytes);
        if (Utf8.isValid(bytes, 0, bytes.length) != expected) {
            fail("isValid(%s) should be %s", Arrays.toString(bytes), expected);
        }
    }

    @SeededProperty(tries = 2000)
    void agreesWithTheJdkStrictDecoder(long seed) {
        agreesWithTheJdkStrictDecoder(bytes(new SplittableRandom(seed)));
    }

    /** Every input of up to two bytes, and every interesting byte after and before every byte. */
    @Test
    void agreesWithTheJdkStrictDecoderOnEveryShortInput() {
        agreesWithTheJdkStrictDecoder(new byte[0]);
        for (int a = 0; a < 256; a++) {
            agreesWithTheJdkStrictDecoder(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                agreesWithTheJdkStrictDecoder(new byte[] {(byte) a, (byte) b});
            }
            for (byte x : INTERESTING) {
                for (byte y : INTERESTING) {
                    agreesWithTheJdkStrictDecoder(new byte[] {x, y, (byte) a});
                    agreesWithTheJdkStrictDecoder(new byte[] {x, (byte) a, y});
                    agreesWithTheJdkStrictDecoder(new byte[] {x, y, (byte) a, (byte) 0x80});
                }
            }
        }
    }

    /** The JDK's encoder writes only valid UTF-8 (a lone surrogate becomes '?'). */
    private static void acceptsEveryEncodedString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.isValid(bytes, 0, bytes.length)).as("valid %s", text).isTrue();
    }

    @SeededProperty(tries = 1000)
    void acceptsEveryEncodedString(long seed) {
        acceptsEveryEncodedString(Gen.anyString(new SplittableRandom(seed), 255));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "\0",
                "\u007F\u0080",
                "\u07FF\u0800",
                "\uD7FF\uE000",
                "\uFFFD\uFFFE\uFFFF",
                "\uD800",
                "\uDFFF",
                "\uDC00\uD800",
                "a\uD83D",
                "\uD83D\uDE00",
                "\uDBFF\uDFFF"
            })
    void acceptsEncodedEdgeStrings(String text) {
        acceptsEveryEncodedString(text);
    }
}
