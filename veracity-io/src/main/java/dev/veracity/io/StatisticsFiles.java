package dev.veracity.io;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.StatisticsFormat;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads and writes statistics files in TFDV's formats, chosen by extension ({@code .pb}, {@code .pbtxt},
 * {@code .json}); a file with another extension is read as binary, as TFX names it {@code FeatureStats.pb} but
 * older artifacts have none. Writes are atomic.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList stats = StatisticsFiles.read(Path.of("FeatureStats.pb"));
 * StatisticsFiles.write(stats, Path.of("train.pbtxt"));
 * }</pre>
 */
public final class StatisticsFiles {
    private StatisticsFiles() {}

    /**
     * {@return the statistics in the file}
     *
     * @throws InputException if the file is missing, unreadable or not statistics in the format its name says
     */
    public static DatasetFeatureStatisticsList read(Path file) throws IOException {
        StatisticsFormat format =
                StatisticsFormat.forFileName(file.getFileName().toString()).orElse(StatisticsFormat.BINARY);
        try (InputStream in = InputFiles.open(file)) {
            return format.read(in);
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(
                    ErrorCode.STATISTICS_FILE_INVALID,
                    file + ": expected statistics ("
                            + "DatasetFeatureStatisticsList) in "
                            + format.name().toLowerCase() + " protobuf format, found "
                            + "invalid content: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Writes statistics to a file, in the format its extension names.
     *
     * @throws InputException if the extension names no statistics format or the file cannot be written
     */
    public static void write(DatasetFeatureStatisticsList statistics, Path file) throws IOException {
        StatisticsFormat format = formatOf(file);
        AtomicFiles.write(file, out -> format.write(statistics, out));
    }

    /**
     * {@return the format the file's extension names}
     *
     * @throws InputException if it names none
     */
    public static StatisticsFormat formatOf(Path file) {
        return StatisticsFormat.forFileName(file.getFileName().toString())
                .orElseThrow(() -> new InputException(
                        ErrorCode.UNSUPPORTED_FILE_FORMAT,
                        file + ": expected a statistics file name ending in "
                                + Arrays.stream(StatisticsFormat.values())
                                        .map(StatisticsFormat::extension)
                                        .collect(Collectors.joining(", "))
                                + ", found none of them"));
    }
}
