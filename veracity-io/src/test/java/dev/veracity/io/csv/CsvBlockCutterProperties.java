package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.InputException;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Blocks cut from a stream hold whole records: tokenizing the blocks one by one, each from its first line, gives the
 * records, lines and problems of tokenizing the whole stream, on any bytes (quoted line breaks, doubled and literal
 * quotes, text after a closing quote, CR, LF and CRLF, blank lines, a byte-order mark, an unterminated quote).
 */
class CsvBlockCutterProperties {
    private static final CsvOptions OPTIONS = CsvOptions.DEFAULT;

    /** {@return random CSV-like bytes from a small alphabet rich in quotes, delimiters and line ends} */
    private static byte[] text(SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (Gen.oneIn(random, 5)) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int length = Gen.size(random, 0, Gen.oneIn(random, 4) ? 3000 : 200);
        String[] pieces = {"a", "b", "7", ",", "\"", "\"\"", "\n", "\r\n", "\r", "\"x\ny\"", "\"q,\"\"r\"\"\"", "é"};
        for (int i = 0; i < length; i++) {
            out.writeBytes(Gen.oneOf(random, pieces).getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    /** {@return the records of a tokenizer, one line each: its line, its fields and its problem if any} */
    private static List<String> records(CsvTokenizer tokenizer) throws IOException {
        List<String> records = new ArrayList<>();
        while (true) {
            try {
                if (!tokenizer.next()) {
                    return records;
                }
            } catch (InputException e) {
                records.add("error " + e.getMessage());
                return records;
            }
            StringBuilder record = new StringBuilder().append(tokenizer.line()).append(':');
            for (int i = 0; i < tokenizer.fieldCount(); i++) {
                int start = tokenizer.fieldStart(i);
                record.append('[')
                        .append(new String(tokenizer.bytes(), start, tokenizer.fieldEnd(i) - start, UTF_8))
                        .append(']');
            }
            tokenizer
                    .problem()
                    .ifPresent(p ->
                            record.append(" problem ").append(p.toException().getMessage()));
            records.add(record.toString());
        }
    }

    private static List<CsvBlockCutter.Block> cut(byte[] text, int blockBytes, int maxRecordBytes) throws IOException {
        CsvBlockCutter cutter = new CsvBlockCutter(new ByteArrayInputStream(text), OPTIONS, blockBytes, maxRecordBytes);
        List<CsvBlockCutter.Block> blocks = new ArrayList<>();
        for (Optional<CsvBlockCutter.Block> block = cutter.next(); block.isPresent(); block = cutter.next()) {
            blocks.add(block.get());
        }
        return blocks;
    }

    private static List<String> blockRecords(List<CsvBlockCutter.Block> blocks, int maxRecordBytes) throws IOException {
        List<String> records = new ArrayList<>();
        for (CsvBlockCutter.Block block : blocks) {
            records.addAll(records(new CsvTokenizer(
                    new ByteArrayInputStream(block.bytes(), 0, block.length()),
                    "f.csv",
                    OPTIONS,
                    block.firstLine(),
                    block.offset() == 0,
                    7,
                    maxRecordBytes)));
        }
        return records;
    }

    @SeededProperty(tries = 300)
    void blocksHoldTheRecordsAndLinesOfTheWholeStream(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] text = text(random);
        int blockBytes = Gen.oneOf(random, 1, 2, 5, 16, 100, 1 << 16);

        List<CsvBlockCutter.Block> blocks = cut(text, blockBytes, CsvTokenizer.MAX_RECORD_BYTES);

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        long offset = 0;
        for (int i = 0; i < blocks.size(); i++) {
            CsvBlockCutter.Block block = blocks.get(i);
            assertThat(block.index()).isEqualTo(i);
            assertThat(block.offset()).isEqualTo(offset);
            assertThat(block.length()).isPositive();
            joined.write(block.bytes(), 0, block.length());
            offset += block.length();
        }
        assertThat(joined.toByteArray()).isEqualTo(text);
        List<String> whole = records(new CsvTokenizer(new ByteArrayInputStream(text), "f.csv", OPTIONS, 1, true));
        assertThat(blockRecords(blocks, CsvTokenizer.MAX_RECORD_BYTES)).isEqualTo(whole);
    }

    @Test
    void aRecordLongerThanTheLimitEndsTheCuttingAndIsReportedByItsBlock() throws IOException {
        byte[] text = ("a,b\n1,2\n\"" + "x".repeat(500) + "\n,3\n4,5\n").getBytes(UTF_8);

        List<CsvBlockCutter.Block> blocks = cut(text, 8, 100);

        assertThat(blocks.get(blocks.size() - 1).length()).isGreaterThan(100);
        List<String> records = blockRecords(blocks, 100);
        assertThat(records.get(records.size() - 1)).startsWith("error f.csv:3:1: expected a record of at most 100");
    }

    @Test
    void aCrlfPairIsNeverSplitAndLoneCrEndsRecords() throws IOException {
        byte[] text = "a,b\r\n1,2\r\n\r\n3,4\r5,6\r7,8".getBytes(UTF_8);
        for (int blockBytes = 1; blockBytes < text.length + 2; blockBytes++) {
            List<CsvBlockCutter.Block> blocks = cut(text, blockBytes, 1000);
            for (CsvBlockCutter.Block block : blocks) {
                assertThat(block.offset() == 0 || text[(int) block.offset()] != '\n')
                        .isTrue();
            }
            assertThat(blockRecords(blocks, 1000))
                    .containsExactly("1:[a][b]", "2:[1][2]", "4:[3][4]", "5:[5][6]", "6:[7][8]");
        }
    }
}
