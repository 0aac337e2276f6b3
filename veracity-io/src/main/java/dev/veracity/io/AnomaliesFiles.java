package dev.veracity.io;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.MessageFormat;
import dev.veracity.proto.Anomalies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes TFDV anomalies files: text ({@code .pbtxt}, the default for any other extension, as
 * TFDV writes them), binary ({@code .pb}) or JSON ({@code .json}). Writes are atomic.
 *
 * <pre>{@code
 * Anomalies anomalies = AnomaliesFiles.read(Path.of("anomalies.pbtxt"));
 * AnomaliesFiles.write(anomalies, Path.of("anomalies.json"));
 * }</pre>
 */
public final class AnomaliesFiles {
    private AnomaliesFiles() {}

    /**
     * {@return the anomalies in the file}
     *
     * @throws InputException if the file is missing, unreadable or not anomalies in the format its name says
     */
    public static Anomalies read(Path file) throws IOException {
        MessageFormat format = formatOf(file);
        try (InputStream in = InputFiles.open(file)) {
            return format.read(in, Anomalies.newBuilder()).build();
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(
                    ErrorCode.ANOMALIES_FILE_INVALID,
                    file + ": expected TFDV anomalies in "
                            + format.name().toLowerCase(Locale.ROOT) + " protobuf format, found invalid content"
                            + (String.valueOf(e.getMessage()).startsWith("line ") ? " at " : ": ") + e.getMessage(),
                    e);
        }
    }

    /** Writes the anomalies to a file, in the format its extension names (text unless {@code .pb} or {@code .json}). */
    public static void write(Anomalies anomalies, Path file) throws IOException {
        MessageFormat format = formatOf(file);
        AtomicFiles.write(file, out -> format.write(anomalies, out));
    }

    private static MessageFormat formatOf(Path file) {
        return MessageFormat.forFileName(file.getFileName().toString()).orElse(MessageFormat.TEXT);
    }
}
