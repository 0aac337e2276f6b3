package dev.veracity.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvTokenizerProperties {
    /** Bytes that matter to the tokenizer, plus a BOM's bytes and invalid UTF-8. */
    private static final byte[] ALPHABET = {
        'a',
        'b',
        ' ',
        ',',
        ',',
        '"',
        '"',
        '\r',
        '\n',
        '\n',
        (byte) 0xEF,
        (byte) 0xBB,
        (byte) 0xBF,
        (byte) 0xFF,
        (byte) 0xC3
    };

    /** Inputs of edge cases: empty, a lone BOM, lone separators and quotes, unterminated quotes. */
    private static final List<String> EDGE_INPUTS = List.of(
            "",
            "\uFEFF",
            "\uFEFF\n",
            "\n",
            "\r",
            "\r\n",
            "\n\n",
            ",",
            ",\n",
            "\"",
            "\"\"",
            "\"\"\"",
            "a\"b",
            "\"a\"b",
            "\"a\r\nb\"",
            "a,\"\n",
            "\"\"\n\"",
            "\r\r\n\n",
            "a,b\r",
            "\uFEFF\uFEFF");

    @SeededProperty(tries = 500)
    void tinyBuffersReadWhatALargeBufferReads(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        tinyBuffersReadWhatALargeBufferReads(csvBytes(random), Gen.between(random, 1, 9));
    }

    private static void tinyBuffersReadWhatALargeBufferReads(byte[] input, int bufferSize) {
        Transcript large = Transcript.of(input, CsvOptions.DEFAULT, 1, true, CsvTokenizer.DEFAULT_BUFFER_SIZE, 1 << 20);
        Transcript small = Transcript.of(input, CsvOptions.DEFAULT, 1, true, bufferSize, 1 << 20);
        assertThat(small).isEqualTo(large);
    }

    @SeededProperty(tries = 1000)
    void readsWhatTheCopyingTokenizerRead(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] input = random.nextBoolean() ? csvBytes(random) : longFields(random);
        CsvOptions options = Gen.oneOf(
                random,
                CsvOptions.DEFAULT,
                CsvOptions.DEFAULT,
                CsvOptions.DEFAULT.withDelimiter((byte) 'a'),
                CsvOptions.DEFAULT.withDelimiter((byte) 0xFF).withQuote((byte) 'b'));
        boolean atFileStart = random.nextBoolean();
        int bufferSize = random.nextBoolean() ? Gen.between(random, 1, 40) : CsvTokenizer.DEFAULT_BUFFER_SIZE;
        int limit = random.nextBoolean() ? Gen.between(random, 1, 30) : 1 << 20;
        assertThat(Transcript.of(input, options, 7, atFileStart, bufferSize, limit))
                .isEqualTo(Transcript.ofCopying(input, options, 7, atFileStart, bufferSize, limit));
    }

    /** Up to 400 bytes in runs of one byte of {@link #ALPHABET}, so that fields span several eight-byte words. */
    private static byte[] longFields(SplittableRandom random) {
        byte[] bytes = new byte[Gen.size(random, 0, 400)];
        int i = 0;
        while (i < bytes.length) {
            byte b = random.nextInt(3) == 0 ? Gen.oneByteOf(random, ALPHABET) : (byte) 'x';
            int run = Math.min(bytes.length - i, Gen.between(random, 1, 20));
            for (int k = 0; k < run; k++) {
                bytes[i++] = k == 0 ? b : (byte) 'x';
            }
        }
        return bytes;
    }

    @SeededProperty(tries = 300)
    void tinyBuffersHitTheRecordLimitWhereALargeBufferDoes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        tinyBuffersHitTheRecordLimitWhereALargeBufferDoes(
                csvBytes(random), Gen.between(random, 1, 9), Gen.between(random, 1, 12));
    }

    private static void tinyBuffersHitTheRecordLimitWhereALargeBufferDoes(byte[] input, int bufferSize, int limit) {
        Transcript large = Transcript.of(input, CsvOptions.DEFAULT, 1, true, CsvTokenizer.DEFAULT_BUFFER_SIZE, limit);
        Transcript small = Transcript.of(input, CsvOptions.DEFAULT, 1, true, bufferSize, limit);
        assertThat(small).isEqualTo(large);
    }

    @SeededProperty(tries = 500)
    void readsBackWhatAWriterWrote(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        readsBackWhatAWriterWrote(
                table(random), Gen.oneOf(random, "\n", "\r\n", "\r"), Gen.between(random, 1, 9), random.nextBoolean());
    }

    private static void readsBackWhatAWriterWrote(
            List<List<String>> rows, String lineEnd, int bufferSize, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        List<Long> expectedLines = new ArrayList<>();
        long line = 1;
        for (List<String> row : rows) {
            expectedLines.add(line);
            StringBuilder record = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                record.append(i == 0 ? "" : ",").append(quoted(row.get(i)));
                line += lineBreaks(row.get(i));
            }
            out.writeBytes((record + lineEnd).getBytes(StandardCharsets.UTF_8));
            line++;
        }
        Transcript t = Transcript.of(out.toByteArray(), CsvOptions.DEFAULT, bufferSize);
        assertThat(t.error()).isEmpty();
        assertThat(t.records()).allSatisfy(r -> assertThat(r.problem()).isEmpty());
        assertThat(t.fields())
                .isEqualTo(rows.stream()
                        .map(r -> r.stream().map(CsvTokenizerProperties::latin1).toList())
                        .toList());
        assertThat(t.lines()).isEqualTo(expectedLines);
    }

    @Test
    void edgeCases() {
        for (String edge : EDGE_INPUTS) {
            byte[] input = edge.getBytes(StandardCharsets.UTF_8);
            for (int bufferSize = 1; bufferSize <= 9; bufferSize++) {
                tinyBuffersReadWhatALargeBufferReads(input, bufferSize);
                for (int limit : new int[] {1, 2, 12}) {
                    tinyBuffersHitTheRecordLimitWhereALargeBufferDoes(input, bufferSize, limit);
                }
            }
        }
        List<List<List<String>>> tables = List.of(
                List.of(),
                List.of(List.of("")),
                List.of(List.of("", "")),
                List.of(List.of("\r\n", "\"", ","), List.of("\n\n", "\r\r", " ")),
                List.of(List.of("\u57ce\u00e9")));
        for (List<List<String>> rows : tables) {
            for (String lineEnd : List.of("\n", "\r\n", "\r")) {
                for (int bufferSize : new int[] {1, 2, 9}) {
                    readsBackWhatAWriterWrote(rows, lineEnd, bufferSize, false);
                    readsBackWhatAWriterWrote(rows, lineEnd, bufferSize, true);
                }
            }
        }
    }

    /** Up to 60 bytes of {@link #ALPHABET}. */
    static byte[] csvBytes(SplittableRandom random) {
        byte[] bytes = new byte[Gen.size(random, 0, 60)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = Gen.oneByteOf(random, ALPHABET);
        }
        return bytes;
    }

    /** Up to 8 rows of 1 to 4 columns of cells of up to 6 special or non-ASCII characters. */
    static List<List<String>> table(SplittableRandom random) {
        int columns = Gen.between(random, 1, 4);
        int size = Gen.size(random, 0, 8);
        List<List<String>> rows = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            List<String> row = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                row.add(Gen.string(random, "ab ,\"\r\n\u00e9\u57ce", 0, 6));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Quotes a field when it must be: when empty (so that a one-field row is not a blank line) or special. */
    private static String quoted(String field) {
        boolean plain =
                !field.isEmpty() && field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }

    private static int lineBreaks(String field) {
        return field.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1).length - 1;
    }

    private static String latin1(String utf16) {
        return new String(utf16.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
