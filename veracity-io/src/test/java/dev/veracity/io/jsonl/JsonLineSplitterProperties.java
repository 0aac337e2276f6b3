package dev.veracity.io.jsonl;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.InputException;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The splitter against a plain model of JSON Lines, on random bytes and every small buffer size. */
class JsonLineSplitterProperties {
    /** Bytes that matter to the splitter, plus a byte-order mark's bytes and NUL. */
    private static final byte[] ALPHABET = {
        '{', '}', 'a', ' ', '\t', '\r', '\n', '\n', 0, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xFF
    };

    @SeededProperty(tries = 300)
    void tinyBuffersSplitAsTheModelDoes(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] input = input(random);
        int maxLineBytes = Gen.oneIn(random, 2) ? JsonLineSplitter.MAX_LINE_BYTES : Gen.between(random, 1, 12);
        List<String> expected = model(input, maxLineBytes);
        assertThat(transcript(input, JsonLineSplitter.DEFAULT_BUFFER_SIZE, maxLineBytes))
                .isEqualTo(expected);
        assertThat(transcript(input, Gen.between(random, 1, 9), maxLineBytes)).isEqualTo(expected);
    }

    private static byte[] input(SplittableRandom random) {
        int length = Gen.size(random, 0, 200);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = Gen.oneByteOf(random, ALPHABET);
        }
        if (length >= 3 && Gen.oneIn(random, 4)) {
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
        }
        return bytes;
    }

    /** {@return what the splitter reports, line by line, ending with its error if it throws} */
    private static List<String> transcript(byte[] input, int bufferSize, int maxLineBytes) throws IOException {
        JsonLineSplitter splitter =
                new JsonLineSplitter(new ByteArrayInputStream(input), "f", bufferSize, maxLineBytes);
        List<String> lines = new ArrayList<>();
        try {
            while (splitter.next()) {
                byte[] line =
                        Arrays.copyOfRange(splitter.bytes(), splitter.start(), splitter.start() + splitter.length());
                lines.add(entry(splitter.line(), line, splitter.nulAt(), splitter.bytesConsumed()));
            }
        } catch (InputException e) {
            lines.add(e.getMessage());
        }
        return lines;
    }

    private static String entry(long line, byte[] content, int nulAt, long consumed) {
        return line + " [" + new String(content, ISO_8859_1) + "] NUL at " + nulAt + ", consumed " + consumed;
    }

    /** The obvious way: drop a leading BOM, split at LF, drop one CR before it, skip blank lines. */
    private static List<String> model(byte[] input, int maxLineBytes) {
        int start = input.length >= 3 && input[0] == (byte) 0xEF && input[1] == (byte) 0xBB && input[2] == (byte) 0xBF
                ? 3
                : 0;
        List<String> lines = new ArrayList<>();
        long number = 0;
        while (start < input.length) {
            number++;
            int lf = start;
            while (lf < input.length && input[lf] != '\n') {
                lf++;
            }
            int end = lf > start && input[lf - 1] == '\r' ? lf - 1 : lf;
            int consumed = Math.min(lf + 1, input.length);
            if (end - start > maxLineBytes) {
                lines.add(
                        "f:" + number + ": expected a line of at most " + maxLineBytes + " bytes, found a longer one");
                return lines;
            }
            byte[] content = Arrays.copyOfRange(input, start, end);
            boolean blank = true;
            int nulAt = -1;
            for (int i = 0; i < content.length; i++) {
                blank &= content[i] == ' ' || content[i] == '\t' || content[i] == '\r';
                if (content[i] == 0 && nulAt < 0) {
                    nulAt = i;
                }
            }
            if (!blank) {
                lines.add(entry(number, content, nulAt, consumed));
            }
            start = consumed;
        }
        return lines;
    }
}
