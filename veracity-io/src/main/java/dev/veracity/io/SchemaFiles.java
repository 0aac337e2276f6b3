package dev.veracity.io;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.MessageFormat;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes TFDV schema files: text ({@code schema.pbtxt}, the default for any other extension, as TFX
 * names it), binary ({@code .pb}) or JSON ({@code .json}). Writes are atomic.
 *
 * <pre>{@code
 * Schema schema = SchemaFiles.read(Path.of("schema.pbtxt"));
 * SchemaFiles.write(schema, Path.of("schema.pbtxt"));
 * }</pre>
 */
public final class SchemaFiles {
    private SchemaFiles() {}

    /**
     * {@return the schema in the file, which must describe at least one feature}
     *
     * @throws InputException if the file is missing, unreadable, not a schema in the format its name says, or a
     *     schema without features (an empty file is almost always a mistake)
     */
    public static Schema read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * {@return the schema in the file; with {@code allowEmpty}, a schema without features (an empty file) too}
     *
     * @throws InputException if the file is missing, unreadable or not a schema in the format its name says
     */
    public static Schema read(Path file, boolean allowEmpty) throws IOException {
        MessageFormat format = formatOf(file);
        Schema schema;
        try (InputStream in = InputFiles.open(file)) {
            schema = format.read(in, Schema.newBuilder()).build();
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(
                    ErrorCode.SCHEMA_FILE_INVALID,
                    file + ": expected a TFDV schema in "
                            + format.name().toLowerCase(Locale.ROOT) + " protobuf format, found invalid content"
                            + (String.valueOf(e.getMessage()).startsWith("line ") ? " at " : ": ") + e.getMessage(),
                    e);
        }
        if (!allowEmpty
                && schema.getFeatureCount() == 0
                && schema.getSparseFeatureCount() == 0
                && schema.getWeightedFeatureCount() == 0) {
            throw new InputException(
                    ErrorCode.SCHEMA_FILE_INVALID,
                    file + ": expected a TFDV schema with at least "
                            + "one feature, found "
                            + (schema.equals(Schema.getDefaultInstance())
                                    ? "an empty schema"
                                    : "a schema without features"));
        }
        return schema;
    }

    /** Writes the schema to a file, in the format its extension names (text unless {@code .pb} or {@code .json}). */
    public static void write(Schema schema, Path file) throws IOException {
        MessageFormat format = formatOf(file);
        AtomicFiles.write(file, out -> format.write(schema, out));
    }

    private static MessageFormat formatOf(Path file) {
        return MessageFormat.forFileName(file.getFileName().toString()).orElse(MessageFormat.TEXT);
    }
}
