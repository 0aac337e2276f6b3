package dev.veracity.io;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.tfrecord.TfRecordFraming;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Tells a file's format from its first bytes and its name. Signatures decide first, as they cannot lie: Parquet's
 * {@code PAR1}, Avro's {@code Obj\1}, a TFRecord header whose length checksum (masked CRC32C) verifies; a gzip file
 * is inflated to look at its content. Then the extension ({@code .csv}, {@code .jsonl}, {@code .parquet}, ...,
 * with or without {@code .gz}); then the content: a first non-blank byte {@code {} is JSON Lines, anything else CSV.
 *
 * <pre>{@code
 * DataFormat format = FormatDetection.detect(Path.of("data/part-00000"));
 * }</pre>
 */
public final class FormatDetection {
    private static final int SNIFF_BYTES = 4096;
    private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private FormatDetection() {}

    /**
     * {@return the format of the file}
     *
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE or FILE_UNREADABLE if it cannot be opened;
     *                        UNSUPPORTED_FILE_FORMAT for a SQLite database (read it through {@code jdbc:sqlite:})
     */
    public static DataFormat detect(Path file) throws IOException {
        byte[] head = head(file, false);
        Optional<DataFormat> bySignature = bySignature(file, head);
        if (bySignature.isPresent()) {
            return bySignature.get();
        }
        Optional<DataFormat> byName = byExtension(file);
        if (byName.isPresent()) {
            return byName.get();
        }
        byte[] content = isGzip(head) ? head(file, true) : head;
        if (!isGzip(head)) {
            return byContent(content);
        }
        return bySignature(file, content).orElseGet(() -> byContent(content));
    }

    /** {@return the format its name says, ignoring a trailing {@code .gz}, if the extension is a known one} */
    public static Optional<DataFormat> byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "csv", "tsv" -> Optional.of(DataFormat.CSV);
            case "jsonl", "ndjson" -> Optional.of(DataFormat.JSONL);
            case "parquet", "parq", "pq" -> Optional.of(DataFormat.PARQUET);
            case "avro" -> Optional.of(DataFormat.AVRO);
            case "tfrecord", "tfrecords", "tfr" -> Optional.of(DataFormat.TFRECORD);
            default -> Optional.empty();
        };
    }

    private static Optional<DataFormat> bySignature(Path file, byte[] head) {
        if (startsWith(head, PARQUET_MAGIC)) {
            return Optional.of(DataFormat.PARQUET);
        }
        if (startsWith(head, AVRO_MAGIC)) {
            return Optional.of(DataFormat.AVRO);
        }
        if (startsWith(head, SQLITE_MAGIC)) {
            throw new InputException(
                    ErrorCode.UNSUPPORTED_FILE_FORMAT,
                    file + ": expected a data file, found a " + "SQLite database; read it with a query: jdbc:sqlite:"
                            + file + " --query \"SELECT ...\"");
        }
        if (TfRecordFraming.hasValidHeader(head)) {
            return Optional.of(DataFormat.TFRECORD);
        }
        return Optional.empty();
    }

    private static DataFormat byContent(byte[] head) {
        for (byte b : head) {
            if (b == '{') {
                return DataFormat.JSONL;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return DataFormat.CSV;
            }
        }
        return DataFormat.CSV;
    }

    /** {@return whether the bytes start with gzip's magic number} */
    public static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] head(Path file, boolean inflate) throws IOException {
        try (InputStream raw = InputFiles.open(file)) {
            if (!inflate) {
                return raw.readNBytes(SNIFF_BYTES);
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return in.readNBytes(SNIFF_BYTES);
            } catch (IOException e) {
                return new byte[0]; // a broken gzip stream: the reader will say what is wrong with it
            }
        }
    }
}
