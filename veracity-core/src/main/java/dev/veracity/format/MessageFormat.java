package dev.veracity.format;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The three encodings of any TFDV message (schema, anomalies), chosen by file extension: {@link #BINARY}
 * ({@code .pb}), {@link #TEXT} ({@code .pbtxt}, byte for byte as TFDV's {@code write_schema_text}: see
 * {@link ProtoText}) and {@link #JSON}
 * ({@code .json}, protobuf's standard JSON mapping).
 *
 * <pre>{@code
 * Schema schema = MessageFormat.TEXT.read(in, Schema.newBuilder()).build();
 * MessageFormat.forFileName("anomalies.json").orElseThrow().write(anomalies, out);
 * }</pre>
 */
public enum MessageFormat {
    BINARY(".pb"),
    TEXT(".pbtxt"),
    JSON(".json");

    private final String extension;

    MessageFormat(String extension) {
        this.extension = extension;
    }

    /** {@return the file extension, with its dot} */
    public String extension() {
        return extension;
    }

    /** {@return the format a file name's extension names, if any} */
    public static Optional<MessageFormat> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (MessageFormat format : values()) {
            if (lower.endsWith(format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Writes the message to {@code out}, which stays open. */
    public void write(Message message, OutputStream out) throws IOException {
        switch (this) {
            case BINARY -> message.writeTo(out);
            case TEXT -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                ProtoText.print(message, writer);
                writer.flush();
            }
            case JSON -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                JsonFormat.printer().appendTo(message, writer);
                writer.write('\n');
                writer.flush();
            }
        }
    }

    /**
     * Reads a message from {@code in} into {@code builder} and returns the builder.
     *
     * @throws InvalidProtocolBufferException if the bytes are not such a message in this format (text and JSON
     *                                        parse errors are reported as this type too, starting with the
     *                                        position: {@code line 3, column 5: ...})
     */
    public <B extends Message.Builder> B read(InputStream in, B builder) throws IOException {
        switch (this) {
            case BINARY -> builder.mergeFrom(in);
            case TEXT -> {
                ProtoText.merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), builder);
            }
            case JSON -> JsonFormat.parser().merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), builder);
        }
        return builder;
    }
}
