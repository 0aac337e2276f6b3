package dev.veracity.io;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.StatisticsFormat;
import dev.veracity.io.tfrecord.TfRecord;
import dev.veracity.io.tfrecord.TfRecordFraming;
import dev.veracity.io.tfrecord.TfRecordReader;
import dev.veracity.io.tfrecord.TfRecordWriter;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.StatisticsShards;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes statistics files in TFDV's formats, chosen by extension ({@code .pb}, {@code .pbtxt},
 * {@code .json}, {@code .tfrecord} as TFX's older StatisticsGen wrote them); a file with another extension is read as binary, as TFX names it {@code FeatureStats.pb} but
 * older artifacts have none. Writes are atomic.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList stats = StatisticsFiles.read(Path.of("FeatureStats.pb"));
 * StatisticsFiles.write(stats, Path.of("train.pbtxt"));
 * }</pre>
 */
public final class StatisticsFiles {
    private static final String TFRECORD = ".tfrecord";

    private StatisticsFiles() {}

    /**
     * {@return the statistics in the file}: by its extension ({@code .pbtxt}, {@code .json}), else binary or, as TFDV's
     * {@code load_statistics} also reads, a TFRecord of {@code DatasetFeatureStatisticsList} records (the name ends in
     * {@code .tfrecord}, or the file starts with a TFRecord header whose checksum verifies). Several records in one
     * TFRecord file are the shards of one output, joined as {@link StatisticsShards} says.
     *
     * @throws InputException if the file is missing, unreadable or not statistics in the format its name says
     */
    public static DatasetFeatureStatisticsList read(Path file) throws IOException {
        String name = file.getFileName().toString();
        StatisticsFormat format = StatisticsFormat.forFileName(name).orElse(StatisticsFormat.BINARY);
        if (isTfRecordName(name) || format == StatisticsFormat.BINARY && startsWithTfRecordHeader(file)) {
            return readTfRecord(file);
        }
        try (InputStream in = InputFiles.open(file)) {
            return format.read(in);
        } catch (InvalidProtocolBufferException e) {
            throw invalid(file, format.name().toLowerCase(Locale.ROOT) + " protobuf format", e);
        }
    }

    /**
     * {@return the shards of one statistics output joined, as TFDV's {@code load_sharded_statistics}}: each file
     * read as {@link #read} reads it
     *
     * @throws InputException if a file cannot be read, or two shards disagree
     */
    public static DatasetFeatureStatisticsList readShards(List<Path> files) throws IOException {
        List<DatasetFeatureStatisticsList> shards = new ArrayList<>();
        for (Path file : files) {
            shards.add(read(file));
        }
        try {
            return StatisticsShards.merge(shards);
        } catch (ConfigException e) {
            throw new InputException(e.errorCode(), files.get(0) + " and its other shards: " + e.getMessage(), e);
        }
    }

    private static DatasetFeatureStatisticsList readTfRecord(Path file) throws IOException {
        List<DatasetFeatureStatisticsList> shards = new ArrayList<>();
        try (InputStream raw = InputFiles.open(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            TfRecordReader reader = new TfRecordReader(in, file.toString(), BadRecords.FAIL);
            for (Optional<TfRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
                shards.add(DatasetFeatureStatisticsList.parseFrom(record.get().data()));
            }
        } catch (InvalidProtocolBufferException e) {
            throw invalid(file, "TFRecord records", e);
        }
        if (shards.size() == 1) {
            return shards.get(0);
        }
        try {
            return StatisticsShards.merge(shards);
        } catch (ConfigException e) {
            throw new InputException(e.errorCode(), file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTfRecordName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(TFRECORD) || lower.endsWith(TFRECORD + ".gz");
    }

    private static boolean startsWithTfRecordHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            return false; // a pipe is read once, by the reader its name says
        }
        try (InputStream in = InputFiles.open(file)) {
            return TfRecordFraming.hasValidHeader(in.readNBytes(TfRecordFraming.HEADER_BYTES));
        } catch (IOException | RuntimeException e) {
            // Unreadable here: the reader proper reports it with the format the name says.
            return false;
        }
    }

    private static InputException invalid(Path file, String format, Exception e) {
        return new InputException(
                ErrorCode.STATISTICS_FILE_INVALID,
                file + ": expected statistics (DatasetFeatureStatisticsList) in " + format + ", found invalid content: "
                        + e.getMessage(),
                e);
    }

    /**
     * Writes statistics to a file, in the format its extension names.
     *
     * @throws InputException if the extension names no statistics format or the file cannot be written
     */
    public static void write(DatasetFeatureStatisticsList statistics, Path file) throws IOException {
        if (isTfRecordName(file.getFileName().toString())) {
            boolean gzip =
                    file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
            AtomicFiles.write(file, out -> {
                OutputStream target = gzip ? new GZIPOutputStream(out) : out;
                new TfRecordWriter(target).write(statistics.toByteArray());
                if (target instanceof GZIPOutputStream zipped) {
                    zipped.finish();
                }
            });
            return;
        }
        StatisticsFormat format = formatOf(file);
        AtomicFiles.write(file, out -> format.write(statistics, out));
    }

    /**
     * Checks, before any work, that {@link #write} can write a file of this name.
     *
     * @throws InputException if the name ends in no statistics extension
     */
    public static void checkName(Path file) {
        if (!isTfRecordName(file.getFileName().toString())) {
            formatOf(file);
        }
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
                                + ", " + TFRECORD
                                + ", found none of them"));
    }
}
