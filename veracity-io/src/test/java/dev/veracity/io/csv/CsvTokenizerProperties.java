package dev.veracity.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CsvTokenizerProperties {
    /** Bytes that matter to the tokenizer, plus a BOM's bytes and invalid UTF-8. */
    private static final byte[] ALPHABET = {'a', 'b', ' ', ',', ',', '"', '"', '\r', '\n', '\n', (byte) 0xEF,
        (byte) 0xBB, (byte) 0xBF, (byte) 0xFF, (byte) 0xC3};

    @Property(tries = 500)
    void tinyBuffersReadWhatALargeBufferReads(@ForAll("csvBytes") byte[] input,
            @ForAll @IntRange(min = 1, max = 9) int bufferSize) {
        Transcript large = Transcript.of(input, CsvOptions.DEFAULT, 1, true, CsvTokenizer.DEFAULT_BUFFER_SIZE, 1 << 20);
        Transcript small = Transcript.of(input, CsvOptions.DEFAULT, 1, true, bufferSize, 1 << 20);
        assertThat(small).isEqualTo(large);
    }

    @Property(tries = 300)
    void tinyBuffersHitTheRecordLimitWhereALargeBufferDoes(@ForAll("csvBytes") byte[] input,
            @ForAll @IntRange(min = 1, max = 9) int bufferSize, @ForAll @IntRange(min = 1, max = 12) int limit) {
        Transcript large = Transcript.of(input, CsvOptions.DEFAULT, 1, true, CsvTokenizer.DEFAULT_BUFFER_SIZE, limit);
        Transcript small = Transcript.of(input, CsvOptions.DEFAULT, 1, true, bufferSize, limit);
        assertThat(small).isEqualTo(large);
    }

    @Property(tries = 500)
    void readsBackWhatAWriterWrote(@ForAll("tables") List<List<String>> rows, @ForAll("lineEnds") String lineEnd,
            @ForAll @IntRange(min = 1, max = 9) int bufferSize, @ForAll boolean bom) {
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
        assertThat(t.fields()).isEqualTo(rows.stream().map(r -> r.stream().map(CsvTokenizerProperties::latin1).toList())
                .toList());
        assertThat(t.lines()).isEqualTo(expectedLines);
    }

    @Provide
    Arbitrary<byte[]> csvBytes() {
        return Arbitraries.integers().between(0, ALPHABET.length - 1).list().ofMaxSize(60)
                .map(indices -> {
                    byte[] bytes = new byte[indices.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = ALPHABET[indices.get(i)];
                    }
                    return bytes;
                });
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cells = Arbitraries.strings().withChars("ab ,\"\r\n\u00e9\u57ce").ofMaxLength(6);
        return Arbitraries.integers().between(1, 4)
                .flatMap(columns -> cells.list().ofSize(columns).list().ofMaxSize(8));
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    /** Quotes a field when it must be: when empty (so that a one-field row is not a blank line) or special. */
    private static String quoted(String field) {
        boolean plain = !field.isEmpty() && field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }

    private static int lineBreaks(String field) {
        return field.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1).length - 1;
    }

    private static String latin1(String utf16) {
        return new String(utf16.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
