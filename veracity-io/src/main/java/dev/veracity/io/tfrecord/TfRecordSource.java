package dev.veracity.io.tfrecord;

import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import dev.veracity.io.FeatureTypes;
import dev.veracity.io.FormatDetection;
import dev.veracity.io.InputFiles;
import dev.veracity.io.RowBatchBuilder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a TFRecord file of {@code tf.train.Example}s or {@code tf.train.SequenceExample}s (plain, or gzip as TFX writes
 * {@code *.gz}) as record batches; feature lists are nested features, see {@link SequenceExampleDecoder}.
 * A corrupt record or an example that does not parse is an {@link InputException} naming the file and the byte
 * offset of the record (in the uncompressed stream), or with {@link BadRecords#SKIP} skipped and counted.
 *
 * <pre>{@code
 * try (BatchSource source = TfRecordSource.open(Path.of("train.tfrecord.gz"), BadRecords.FAIL, 4096,
 *         new FeatureTypes())) {
 *     for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) { ... }
 * }
 * }</pre>
 */
public final class TfRecordSource implements BatchSource {
    private final InputStream in;
    private final String name;
    private final boolean gzip;
    private final TfRecordReader records;
    private final SequenceExampleDecoder decoder;
    private final BadRecords badRecords;
    private final int batchSize;
    private final RowBatchBuilder rows = new RowBatchBuilder();
    private long skippedExamples;
    private boolean returnedBatch;

    private TfRecordSource(
            InputStream in, String name, boolean gzip, BadRecords badRecords, int batchSize, FeatureTypes types) {
        this.in = in;
        this.name = name;
        this.gzip = gzip;
        this.records = new TfRecordReader(in, name, badRecords);
        this.decoder = new SequenceExampleDecoder(types);
        this.badRecords = badRecords;
        this.batchSize = batchSize;
    }

    /**
     * Opens a TFRecord file, inflating it if it starts with gzip's magic number.
     *
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE, FILE_UNREADABLE
     */
    public static TfRecordSource open(Path file, BadRecords badRecords, int batchSize, FeatureTypes types)
            throws IOException {
        Objects.requireNonNull(badRecords, "badRecords is null");
        Objects.requireNonNull(types, "types is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        BufferedInputStream raw = new BufferedInputStream(InputFiles.open(file), 1 << 16);
        try {
            raw.mark(2);
            byte[] magic = raw.readNBytes(2);
            raw.reset();
            boolean gzip = FormatDetection.isGzip(magic);
            InputStream in = gzip ? new BufferedInputStream(inflate(raw, file), 1 << 16) : raw;
            return new TfRecordSource(in, file.toString(), gzip, badRecords, batchSize, types);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static InputStream inflate(InputStream raw, Path file) throws IOException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new InputException(
                    dev.veracity.ErrorCode.TFRECORD_CORRUPT,
                    file + ": expected a gzip header, found " + "corrupt compressed data (" + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * Reads from a stream of uncompressed TFRecord bytes (for tests, fuzzing and other sources); closes it on close.
     */
    public static TfRecordSource of(
            InputStream in, String name, BadRecords badRecords, int batchSize, FeatureTypes types) {
        return new TfRecordSource(Objects.requireNonNull(in, "in is null"), name, false, badRecords, batchSize, types);
    }

    @Override
    public Optional<RecordBatch> next() throws IOException {
        while (rows.rowCount() < batchSize) {
            Optional<TfRecord> record;
            try {
                record = records.next();
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new InputException(
                        dev.veracity.ErrorCode.TFRECORD_CORRUPT,
                        name + ": expected a "
                                + (gzip ? "complete gzip stream" : "TFRecord stream")
                                + ", found corrupt or truncated data ("
                                + e.getMessage() + ")",
                        e);
            }
            if (record.isEmpty()) {
                break;
            }
            String where = name + ": record at byte offset " + record.get().offset();
            try {
                decoder.decode(record.get().data(), where, rows);
            } catch (InputException e) {
                if (badRecords == BadRecords.FAIL) {
                    throw e;
                }
                skippedExamples++;
            }
        }
        if (rows.rowCount() == 0 && returnedBatch) {
            return Optional.empty();
        }
        returnedBatch = true;
        return Optional.of(decoder.build(rows));
    }

    @Override
    public long skippedRecords() {
        return records.skippedRecords() + skippedExamples;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
