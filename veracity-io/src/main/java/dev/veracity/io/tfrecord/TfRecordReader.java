package dev.veracity.io.tfrecord;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the records of a TFRecord stream and checks both CRC32C checksums of each. A corrupt record is an
 * {@link InputException} naming the file and the record's byte offset, or, with {@link BadRecords#SKIP}, skipped and
 * counted: a bad data checksum skips that record; a bad length checksum (the length cannot be trusted) makes the
 * reader search forward, byte by byte, for the next header whose checksum verifies; a truncated last record ends the
 * stream. Memory grows with the data actually read, never with a claimed length.
 *
 * <pre>{@code
 * TfRecordReader reader = new TfRecordReader(in, "train.tfrecord", BadRecords.FAIL);
 * for (Optional<TfRecord> r = reader.next(); r.isPresent(); r = reader.next()) { ... }
 * }</pre>
 */
public final class TfRecordReader {
    private static final int FIRST_CHUNK = 1 << 16;

    private final InputStream in;
    private final String name;
    private final BadRecords badRecords;
    private final byte[] header = new byte[TfRecordFraming.HEADER_BYTES];
    private final byte[] footer = new byte[TfRecordFraming.FOOTER_BYTES];
    private long position;
    private long skipped;
    private boolean ended;

    /**
     * @param in         the uncompressed bytes (inflate gzip before), read from the current position
     * @param name       the file name, for messages
     * @param badRecords fail on a corrupt record, or skip and count it
     */
    public TfRecordReader(InputStream in, String name, BadRecords badRecords) {
        this.in = Objects.requireNonNull(in, "in is null");
        this.name = Objects.requireNonNull(name, "name is null");
        this.badRecords = Objects.requireNonNull(badRecords, "badRecords is null");
    }

    /** {@return the number of corrupt records skipped so far} */
    public long skippedRecords() {
        return skipped;
    }

    /**
     * {@return the next record, or empty at the end of the stream}
     *
     * @throws InputException TFRECORD_CORRUPT (a checksum does not verify) or TFRECORD_TRUNCATED (the stream ends
     *                        inside a record), unless skipping
     */
    public Optional<TfRecord> next() throws IOException {
        while (!ended) {
            long offset = position;
            int got = readFully(header, 0, header.length);
            if (got == 0) {
                ended = true;
                return Optional.empty();
            }
            if (got < header.length) {
                truncated(offset, "a " + header.length + "-byte record header", got + " bytes");
                return Optional.empty();
            }
            if (!TfRecordFraming.isValidHeader(header, 0)) {
                corrupt(
                        offset,
                        "the length checksum " + hex(TfRecordFraming.maskedCrc32c(header, 0, 8)),
                        hex(TfRecordFraming.readInt(header, 8)));
                if (!resynchronize()) {
                    return Optional.empty();
                }
                continue;
            }
            long length = TfRecordFraming.readLong(header, 0);
            if (length < 0 || length > Integer.MAX_VALUE - 64) {
                corrupt(offset, "a record length below 2 GiB", length + " bytes");
                ended = true; // a checksummed but impossible length: nothing after it can be located
                return Optional.empty();
            }
            Optional<byte[]> data = readData((int) length, offset);
            if (data.isEmpty()) {
                return Optional.empty();
            }
            int gotFooter = readFully(footer, 0, footer.length);
            if (gotFooter < footer.length) {
                truncated(offset, "a 4-byte data checksum after " + length + " data bytes", gotFooter + " bytes");
                return Optional.empty();
            }
            byte[] bytes = data.get();
            int expected = TfRecordFraming.maskedCrc32c(bytes, 0, bytes.length);
            int found = TfRecordFraming.readInt(footer, 0);
            if (expected != found) {
                corrupt(offset, "the data checksum " + hex(expected), hex(found));
                continue;
            }
            return Optional.of(new TfRecord(bytes, offset));
        }
        return Optional.empty();
    }

    /** {@return the data bytes, read in growing chunks so that a false length cannot exhaust memory} */
    private Optional<byte[]> readData(int length, long offset) throws IOException {
        byte[] data = new byte[Math.min(length, FIRST_CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(length, Math.max(FIRST_CHUNK, 2L * data.length)));
            }
            int got = readFully(data, filled, data.length - filled);
            filled += got;
            if (filled < data.length) {
                truncated(offset, length + " data bytes", filled + " bytes");
                return Optional.empty();
            }
        }
        return Optional.of(data);
    }

    /**
     * Slides a 12-byte window forward from one byte after the bad header until it holds a header whose checksum
     * verifies. {@return false at the end of the stream}
     */
    private boolean resynchronize() throws IOException {
        while (true) {
            System.arraycopy(header, 1, header, 0, header.length - 1);
            int b = in.read();
            if (b < 0) {
                ended = true;
                return false;
            }
            position++;
            header[header.length - 1] = (byte) b;
            if (TfRecordFraming.isValidHeader(header, 0)) {
                // Re-read this header as the next record's: step back by pushing it into a pending buffer.
                pending = header.clone();
                pendingFrom = 0;
                position -= header.length;
                return true;
            }
        }
    }

    private byte[] pending;
    private int pendingFrom;

    private int readFully(byte[] buffer, int offset, int length) throws IOException {
        int total = 0;
        while (total < length && pending != null) {
            buffer[offset + total++] = pending[pendingFrom++];
            if (pendingFrom == pending.length) {
                pending = null;
            }
        }
        while (total < length) {
            int got = in.read(buffer, offset + total, length - total);
            if (got < 0) {
                break;
            }
            total += got;
        }
        position += total;
        return total;
    }

    private void truncated(long offset, String expected, String found) {
        ended = true;
        String message = name + ": record at byte offset " + offset + ": expected " + expected + ", found the end of "
                + "the file after " + found + " (truncated file)";
        if (badRecords == BadRecords.FAIL) {
            throw new InputException(ErrorCode.TFRECORD_TRUNCATED, message);
        }
        skipped++;
    }

    private void corrupt(long offset, String expected, String found) {
        if (badRecords == BadRecords.FAIL) {
            throw new InputException(
                    ErrorCode.TFRECORD_CORRUPT,
                    name + ": record at byte offset " + offset + ": expected " + expected + ", found " + found
                            + " (corrupt record)");
        }
        skipped++;
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
