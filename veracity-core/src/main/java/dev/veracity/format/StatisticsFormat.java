package dev.veracity.format;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The three encodings of TFDV's {@code DatasetFeatureStatisticsList}, chosen by file extension.
 *
 * <ul>
 *   <li>{@link #BINARY} ({@code .pb}): protobuf wire format, what TFX's StatisticsGen writes as {@code FeatureStats.pb}.</li>
 *   <li>{@link #TEXT} ({@code .pbtxt}): protobuf text format as TFDV's {@code write_stats_text} writes it (see
 *       {@link ProtoText}): fields in number order, doubles as Python's {@code repr} ({@code 0.05}, {@code 1e-05}),
 *       non-finite numbers as {@code nan}, {@code inf}, {@code -inf}; reading also accepts Java's and C++'s
 *       spellings ({@code NaN}, {@code Infinity}, {@code -Infinity}), case-insensitively.</li>
 *   <li>{@link #JSON} ({@code .json}): protobuf's standard JSON mapping: lowerCamelCase names, enums by name, 64-bit
 *       integers as strings, default values omitted, NaN and infinities as the strings "NaN", "Infinity".</li>
 * </ul>
 *
 * <pre>{@code
 * StatisticsFormat.forFileName("train.stats.pb").orElseThrow().write(stats, out);
 * }</pre>
 */
public enum StatisticsFormat {
    BINARY(".pb"),
    TEXT(".pbtxt"),
    JSON(".json");

    private final String extension;

    StatisticsFormat(String extension) {
        this.extension = extension;
    }

    /** {@return the file extension, with its dot} */
    public String extension() {
        return extension;
    }

    /** {@return the format a file name's extension names, if any} */
    public static Optional<StatisticsFormat> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (StatisticsFormat format : values()) {
            if (lower.endsWith(format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Writes the statistics to {@code out}, which stays open. */
    public void write(DatasetFeatureStatisticsList statistics, OutputStream out) throws IOException {
        asMessageFormat().write(statistics, out);
    }

    /**
     * Reads statistics from {@code in}.
     *
     * @throws InvalidProtocolBufferException if the bytes are not statistics in this format (text and JSON parse
     *                                        errors are reported as this type too, with the position in the message)
     */
    public DatasetFeatureStatisticsList read(InputStream in) throws IOException {
        return asMessageFormat()
                .read(in, DatasetFeatureStatisticsList.newBuilder())
                .build();
    }

    private MessageFormat asMessageFormat() {
        return MessageFormat.valueOf(name());
    }
}
