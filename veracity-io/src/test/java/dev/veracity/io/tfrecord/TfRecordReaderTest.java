package dev.veracity.io.tfrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TfRecordReaderTest {
    private static byte[] framed(String... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TfRecordWriter writer = new TfRecordWriter(out);
        for (String record : records) {
            writer.write(record.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static List<String> readAll(byte[] bytes, BadRecords policy, long[] skipped) throws IOException {
        TfRecordReader reader = new TfRecordReader(new ByteArrayInputStream(bytes), "t.tfrecord", policy);
        List<String> records = new ArrayList<>();
        for (Optional<TfRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
            records.add(new String(r.get().data(), StandardCharsets.UTF_8) + "@"
                    + r.get().offset());
        }
        skipped[0] = reader.skippedRecords();
        return records;
    }

    @Test
    void masksTheCrcAsTensorFlowDoes() {
        // TensorFlow's crc32c_test: Value("a", 1) = 0xc1d04330, Mask(0xc1d04330) as crc32c::Mask computes it.
        int crc = 0xc1d04330;
        int expected = ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
        assertThat(TfRecordFraming.maskedCrc32c(new byte[] {'a'}, 0, 1)).isEqualTo(expected);
    }

    @Test
    void writesTheBytesTensorFlowWrites() throws IOException {
        // Header of a 3-byte record: length 3 little-endian, then the masked CRC32C of those 8 bytes.
        byte[] bytes = framed("abc");
        assertThat(bytes).hasSize(12 + 3 + 4);
        assertThat(HexFormat.of().formatHex(bytes, 0, 8)).isEqualTo("0300000000000000");
        assertThat(TfRecordFraming.hasValidHeader(bytes)).isTrue();
    }

    @Test
    void readsRecordsWithTheirOffsets() throws IOException {
        long[] skipped = new long[1];
        assertThat(readAll(framed("a", "", "ccc"), BadRecords.FAIL, skipped)).containsExactly("a@0", "@17", "ccc@33");
    }

    @Test
    void aBadDataChecksumNamesTheFileAndOffset() throws IOException {
        byte[] bytes = framed("a", "bb", "c");
        bytes[17 + 12] ^= 1; // first data byte of the second record
        long[] skipped = new long[1];
        assertThatThrownBy(() -> readAll(bytes, BadRecords.FAIL, skipped))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("t.tfrecord: record at byte offset 17: expected the data checksum 0x")
                .hasMessageEndingWith("(corrupt record)")
                .satisfies(e -> assertThat(((InputException) e).errorCode()).isEqualTo(ErrorCode.TFRECORD_CORRUPT));
        assertThat(readAll(bytes, BadRecords.SKIP, skipped)).containsExactly("a@0", "c@35");
        assertThat(skipped[0]).isEqualTo(1);
    }

    @Test
    void aBadLengthChecksumResynchronizesOnTheNextHeaderWhenSkipping() throws IOException {
        byte[] bytes = framed("a", "bb", "c");
        bytes[17] = 99; // the second record's length
        long[] skipped = new long[1];
        assertThatThrownBy(() -> readAll(bytes, BadRecords.FAIL, skipped))
                .hasMessageStartingWith("t.tfrecord: record at byte offset 17: expected the length checksum");
        assertThat(readAll(bytes, BadRecords.SKIP, skipped)).containsExactly("a@0", "c@35");
        assertThat(skipped[0]).isEqualTo(1);
    }

    @Test
    void aTruncatedRecordIsAnErrorOrTheEnd() throws IOException {
        byte[] whole = framed("a", "bbbb");
        for (int cut = 18; cut < whole.length; cut++) {
            byte[] bytes = java.util.Arrays.copyOf(whole, cut);
            long[] skipped = new long[1];
            assertThatThrownBy(() -> readAll(bytes, BadRecords.FAIL, skipped))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("t.tfrecord: record at byte offset 17: expected ")
                    .hasMessageEndingWith("(truncated file)");
            assertThat(readAll(bytes, BadRecords.SKIP, skipped)).containsExactly("a@0");
            assertThat(skipped[0]).isEqualTo(1);
        }
    }

    @Test
    void aHugeClaimedLengthDoesNotAllocateIt() throws IOException {
        byte[] header = new byte[12];
        TfRecordFraming.writeLong(header, 0, Integer.MAX_VALUE - 100);
        TfRecordFraming.writeInt(header, 8, TfRecordFraming.maskedCrc32c(header, 0, 8));
        long[] skipped = new long[1];
        assertThatThrownBy(() -> readAll(header, BadRecords.FAIL, skipped))
                .hasMessageContaining("found the end of the file after 0 bytes (truncated file)");
    }
}
