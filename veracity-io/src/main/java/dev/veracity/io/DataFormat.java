package dev.veracity.io;

import dev.veracity.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file formats Veracity reads, each read into the same {@link dev.veracity.data.RecordBatch} stream. A
 * database query is not a file format: see {@link dev.veracity.io.jdbc.JdbcSource}.
 *
 * <pre>{@code
 * DataFormat format = DataFormat.named("parquet");
 * BatchSource source = Readers.open(Path.of("x.data"), format, ReadOptions.DEFAULT);
 * }</pre>
 */
public enum DataFormat {
    /** Comma-separated values with a header row, plain or gzip. */
    CSV("CSV"),
    /** JSON Lines: one JSON object per line, plain or gzip. */
    JSONL("JSON Lines"),
    /** Apache Parquet. */
    PARQUET("Parquet"),
    /** Apache Avro object container files. */
    AVRO("Avro"),
    /** TFRecord files of serialized {@code tf.train.Example}s, plain or gzip. */
    TFRECORD("TFRecord");

    private final String displayName;

    DataFormat(String displayName) {
        this.displayName = displayName;
    }

    /** {@return the name for messages ("JSON Lines")} */
    public String displayName() {
        return displayName;
    }

    /** {@return the name used on the command line ({@code --format csv})} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the format with this command-line name, in any case}
     *
     * @throws ConfigException if no format has that name
     */
    public static DataFormat named(String name) {
        for (DataFormat format : values()) {
            if (format.cliName().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw new ConfigException("--format: expected one of "
                + Arrays.stream(values()).map(DataFormat::cliName).collect(Collectors.joining(", ")) + ", found '"
                + name + "'");
    }
}
