package dev.veracity.io.skew;

import dev.veracity.data.RecordBatch;
import dev.veracity.io.Progress;
import dev.veracity.io.csv.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * TFDV's {@code DetectFeatureSkew}: joins training (base) and serving (test) examples on identifier features and
 * compares every other feature of each matching pair. Inputs are CSV (with a header row) or JSON Lines files, plain
 * or gzip, each read with its own type inference.
 *
 * <pre>{@code
 * FeatureSkewReport report = FeatureSkewDetector.detect(Path.of("train.csv"), Path.of("serving.csv"),
 *         SkewOptions.of(List.of("id")).withSampleSize(10));
 * }</pre>
 *
 * <p>Memory does not grow with rows: both inputs are partitioned by a hash of the identifier into {@code P} spill
 * files each, {@code P} chosen from the input size so that one partition's join fits in a quarter of the heap, and
 * the partitions are joined one at a time. Inputs small enough are joined in memory without spilling.
 */
public final class FeatureSkewDetector {
    /** Heap bytes one byte of (uncompressed) input is assumed to take in a partition's join; measured at 2 to 3. */
    static final long HEAP_BYTES_PER_INPUT_BYTE = 4;

    /** Expansion assumed for gzip input. */
    static final long GZIP_RATIO = 5;

    /** At most this many partitions (and open spill files per side). */
    static final int MAX_PARTITIONS = 4096;

    /** {@link #detect(Path, Path, SkewOptions, CsvOptions, Progress, int)}: choose the partitions from the input size. */
    static final int AUTO_PARTITIONS = 0;

    private FeatureSkewDetector() {
    }

    /**
     * Joins and compares {@code training} and {@code serving}.
     *
     * @throws dev.veracity.InputException SKEW_IDENTIFIER_NOT_FOUND when an identifier feature is not in one of the
     *                                     inputs; the readers' errors for missing or malformed files; FILE_UNWRITABLE
     *                                     when the spill directory cannot be written
     * @throws IOException                 if reading or spilling fails
     */
    public static FeatureSkewReport detect(Path training, Path serving, SkewOptions options) throws IOException {
        return detect(training, serving, options, CsvOptions.DEFAULT, Progress.NONE);
    }

    /** As {@link #detect(Path, Path, SkewOptions)}, with CSV options and progress of the reading passes. */
    public static FeatureSkewReport detect(Path training, Path serving, SkewOptions options, CsvOptions csv,
            Progress progress) throws IOException {
        return detect(training, serving, options, csv, progress, AUTO_PARTITIONS);
    }

    /**
     * As {@link #detect(Path, Path, SkewOptions, CsvOptions, Progress)} with {@code partitions} hash partitions
     * ({@link #AUTO_PARTITIONS}: chosen from the input size; 1: in memory, no spill files); tests force tiny ones.
     */
    static FeatureSkewReport detect(Path training, Path serving, SkewOptions options, CsvOptions csv,
            Progress progress, int partitions) throws IOException {
        Objects.requireNonNull(training, "training is null");
        Objects.requireNonNull(serving, "serving is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(csv, "csv is null");
        Objects.requireNonNull(progress, "progress is null");
        if (partitions < 0 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be in [0, " + MAX_PARTITIONS + "]: " + partitions);
        }
        int p = partitions == AUTO_PARTITIONS
                ? choosePartitions(inputBytes(training) + inputBytes(serving), Runtime.getRuntime().maxMemory())
                : partitions;
        try (SkewInput base = SkewInput.open(training, csv, progress);
                SkewInput test = SkewInput.open(serving, csv, progress)) {
            SkewLayout layout = SkewLayout.of(base, test, options);
            ValueEquality equality = new ValueEquality(options.floatRoundDigits());
            SkewAccumulator accumulator = new SkewAccumulator(layout, options, equality);
            RowCodec codec = new RowCodec(layout, equality);
            PartitionJoin join = new PartitionJoin();
            if (p == 1) {
                readSide(base, codec, accumulator, true, (key, body, hash) -> join.add(true, key.toArray(), hash,
                        body.toArray()));
                readSide(test, codec, accumulator, false, (key, body, hash) -> join.add(false, key.toArray(), hash,
                        body.toArray()));
                join.drainInto(accumulator);
                return accumulator.report(1);
            }
            try (SpillFiles spill = SpillFiles.create(options.spillDirectory(), p)) {
                try (SpillFiles.Writer writer = spill.writer("base")) {
                    readSide(base, codec, accumulator, true, (key, body, hash) ->
                            writer.write(PartitionJoin.partition(hash, p), key, body));
                }
                try (SpillFiles.Writer writer = spill.writer("test")) {
                    readSide(test, codec, accumulator, false, (key, body, hash) ->
                            writer.write(PartitionJoin.partition(hash, p), key, body));
                }
                for (int partition = 0; partition < p; partition++) {
                    spill.read("base", partition, (key, body) ->
                            join.add(true, key, PartitionJoin.hash(key, key.length), body));
                    spill.read("test", partition, (key, body) ->
                            join.add(false, key, PartitionJoin.hash(key, key.length), body));
                    join.drainInto(accumulator);
                }
            }
            return accumulator.report(p);
        }
    }

    /**
     * {@return the number of partitions for {@code inputBytes} of uncompressed input with a heap of {@code maxHeap}
     * bytes: enough that one partition's join takes at most a quarter of the heap}
     */
    static int choosePartitions(long inputBytes, long maxHeap) {
        long budget = Math.max(1, maxHeap / 4);
        long needed = (inputBytes * HEAP_BYTES_PER_INPUT_BYTE + budget - 1) / budget;
        return (int) Math.max(1, Math.min(MAX_PARTITIONS, needed));
    }

    private static long inputBytes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0; // the reader reports it
        }
        long size = Files.size(file);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? size * GZIP_RATIO : size;
    }

    private static void readSide(SkewInput input, RowCodec codec, SkewAccumulator accumulator, boolean base,
            RowSink sink) throws IOException {
        RecordBuffer key = new RecordBuffer();
        RecordBuffer body = new RecordBuffer();
        long withId = 0;
        long missingId = 0;
        for (Optional<RecordBatch> next = input.source().next(); next.isPresent(); next = input.source().next()) {
            RecordBatch batch = next.get();
            codec.use(batch);
            for (int row = 0; row < batch.rowCount(); row++) {
                if (!codec.encodeKey(row, key)) {
                    missingId++;
                    continue;
                }
                withId++;
                codec.encodeBody(row, body);
                sink.accept(key, body, PartitionJoin.hash(key.array(), key.size()));
            }
        }
        if (base) {
            accumulator.baseWithIdCount = withId;
            accumulator.baseMissingIdCount = missingId;
        } else {
            accumulator.testWithIdCount = withId;
            accumulator.testMissingIdCount = missingId;
        }
    }

    /** Where the rows of one side go: the in-memory join or the spill files. */
    private interface RowSink {
        void accept(RecordBuffer key, RecordBuffer body, long hash) throws IOException;
    }
}
