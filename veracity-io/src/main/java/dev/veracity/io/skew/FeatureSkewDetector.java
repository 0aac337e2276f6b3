package dev.veracity.io.skew;

import dev.veracity.data.RecordBatch;
import dev.veracity.io.Progress;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import dev.veracity.skew.FeatureSkewReport;
import dev.veracity.skew.PartitionJoin;
import dev.veracity.skew.RecordBuffer;
import dev.veracity.skew.RowCodec;
import dev.veracity.skew.SideCounts;
import dev.veracity.skew.SkewAccumulator;
import dev.veracity.skew.SkewLayout;
import dev.veracity.skew.SkewOptions;
import dev.veracity.skew.ValueEquality;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TFDV's {@code DetectFeatureSkew}: joins training (base) and serving (test) examples on identifier features and
 * compares every other feature of each matching pair. Inputs are files of any format a {@link Table} opens (CSV,
 * JSON Lines, Parquet, Avro, TFRecord; CSV and JSON Lines not compressed), each read with its own types. The
 * algorithm lives in core's {@code dev.veracity.skew}; this class reads the inputs and spills partitions.
 *
 * <pre>{@code
 * FeatureSkewReport report = FeatureSkewDetector.detect(Path.of("train.csv"), Path.of("serving.parquet"),
 *         SkewOptions.of(List.of("id")).withSampleSize(10));
 * }</pre>
 *
 * <p>Memory does not grow with rows: both inputs are partitioned by a hash of the identifier into {@code P} spill
 * files each, {@code P} chosen from the input size so that one partition's join fits in a quarter of the heap (and
 * holds at most 16 MiB of input), and the partitions are joined one at a time. Inputs of at most 16 MiB are joined in
 * memory without spilling.
 */
public final class FeatureSkewDetector {
    /** Heap bytes one byte of (uncompressed) input is assumed to take in a partition's join; measured at 2 to 3. */
    static final long HEAP_BYTES_PER_INPUT_BYTE = 4;

    /**
     * Input bytes per partition at most, whatever the heap: small partitions keep the join's hash map in cache and
     * its garbage young (measured on 2 x 1M rows: 7 partitions took 40% less CPU than one).
     */
    static final long MAX_PARTITION_INPUT_BYTES = 16L << 20;

    /** At most this many partitions (and open spill files per side). */
    static final int MAX_PARTITIONS = 4096;

    /** {@link #detect(Path, Path, SkewOptions, TableOptions, Path, Progress, int)}: partitions from the input size. */
    static final int AUTO_PARTITIONS = 0;

    /** A stop flag never set, for reads nothing needs to interrupt. */
    private static final AtomicBoolean NOT_STOPPED = new AtomicBoolean();

    private FeatureSkewDetector() {}

    /**
     * Joins and compares {@code training} and {@code serving}.
     *
     * @throws dev.veracity.InputException SKEW_IDENTIFIER_NOT_FOUND when an identifier feature is not in one of the
     *                                     inputs; UNSUPPORTED_FILE_FORMAT for gzip; the readers' errors for missing or malformed files; FILE_UNWRITABLE
     *                                     when the spill directory cannot be written
     * @throws IOException                 if reading or spilling fails
     */
    public static FeatureSkewReport detect(Path training, Path serving, SkewOptions options) throws IOException {
        return detect(training, serving, options, TableOptions.DEFAULT, defaultSpillDirectory(), Progress.NONE);
    }

    /** {@return the directory spill files go to unless told: the JVM's temporary directory} */
    public static Path defaultSpillDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * As {@link #detect(Path, Path, SkewOptions)}, with the table options (format, CSV delimiter, bad records), where
     * to spill (a fresh directory inside, deleted afterwards) and progress of the reading passes.
     */
    public static FeatureSkewReport detect(
            Path training,
            Path serving,
            SkewOptions options,
            TableOptions table,
            Path spillDirectory,
            Progress progress)
            throws IOException {
        return detect(training, serving, options, table, spillDirectory, progress, AUTO_PARTITIONS);
    }

    /**
     * As {@link #detect(Path, Path, SkewOptions, TableOptions, Path, Progress)} with {@code partitions} hash
     * partitions ({@link #AUTO_PARTITIONS}: chosen from the input size; 1: in memory, no spill files); tests force
     * tiny ones.
     */
    static FeatureSkewReport detect(
            Path training,
            Path serving,
            SkewOptions options,
            TableOptions table,
            Path spillDirectory,
            Progress progress,
            int partitions)
            throws IOException {
        Objects.requireNonNull(training, "training is null");
        Objects.requireNonNull(serving, "serving is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(table, "table is null");
        Objects.requireNonNull(spillDirectory, "spillDirectory is null");
        Objects.requireNonNull(progress, "progress is null");
        if (partitions < 0 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be in [0, " + MAX_PARTITIONS + "]: " + partitions);
        }
        int p = partitions == AUTO_PARTITIONS
                ? choosePartitions(
                        inputBytes(training) + inputBytes(serving),
                        Runtime.getRuntime().maxMemory())
                : partitions;
        // The serving side is opened and read on a second thread while this one does the training side.
        ExecutorService servingThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "veracity-skew-serving");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Table> servingOpened = servingThread.submit(() -> Table.open(serving, table, Progress.NONE));
            Table base;
            try {
                base = Table.open(
                        training,
                        table,
                        (phase, done, total) -> progress.update(
                                "training: " + (phase.startsWith("computing") ? "reading and partitioning" : phase),
                                done,
                                total));
            } catch (IOException | RuntimeException e) {
                closeWhenOpened(servingOpened, e);
                throw e;
            }
            try (base;
                    Table test = await(servingOpened)) {
                return join(base, test, options, spillDirectory, p, servingThread, progress);
            }
        } finally {
            servingThread.shutdownNow();
        }
    }

    private static FeatureSkewReport join(
            Table base,
            Table test,
            SkewOptions options,
            Path spillDirectory,
            int p,
            ExecutorService servingThread,
            Progress progress)
            throws IOException {
        SkewLayout layout = SkewLayout.of(side(base), side(test), options);
        ValueEquality equality = new ValueEquality(options.floatRoundDigits());
        SkewAccumulator accumulator = new SkewAccumulator(layout, options, equality);
        PartitionJoin join = new PartitionJoin();
        if (p == 1) {
            List<byte[]> testRecords = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            Future<SideCounts> testRead =
                    servingThread.submit(() -> readSide(test, layout, equality, stop, (key, body, hash) -> {
                        testRecords.add(key.toArray());
                        testRecords.add(body.toArray());
                    }));
            SideCounts baseCounts;
            try {
                baseCounts = readSide(
                        base,
                        layout,
                        equality,
                        NOT_STOPPED,
                        (key, body, hash) -> join.add(true, key.toArray(), hash, body.toArray()));
            } catch (IOException | RuntimeException e) {
                stop(stop, testRead, e);
                throw e;
            }
            SideCounts testCounts = await(testRead);
            for (int i = 0; i < testRecords.size(); i += 2) {
                byte[] key = testRecords.get(i);
                join.add(false, key, PartitionJoin.hash(key, key.length), testRecords.get(i + 1));
                testRecords.set(i, null);
                testRecords.set(i + 1, null);
            }
            join.drainInto(accumulator);
            return accumulator.report(1, baseCounts, testCounts);
        }
        try (SpillFiles spill = SpillFiles.create(spillDirectory, p)) {
            AtomicBoolean stop = new AtomicBoolean();
            Future<SideCounts> testRead = servingThread.submit(() -> {
                try (SpillFiles.Writer writer = spill.writer("test")) {
                    return readSide(
                            test,
                            layout,
                            equality,
                            stop,
                            (key, body, hash) -> writer.write(PartitionJoin.partition(hash, p), key, body));
                }
            });
            SideCounts baseCounts;
            try (SpillFiles.Writer writer = spill.writer("base")) {
                baseCounts = readSide(
                        base,
                        layout,
                        equality,
                        NOT_STOPPED,
                        (key, body, hash) -> writer.write(PartitionJoin.partition(hash, p), key, body));
            } catch (IOException | RuntimeException e) {
                stop(stop, testRead, e); // the serving side closes its files before the directory goes
                throw e;
            }
            SideCounts testCounts = await(testRead);
            for (int partition = 0; partition < p; partition++) {
                progress.update("joining partitions", partition, p);
                spill.read(
                        "base",
                        partition,
                        (key, body) -> join.add(true, key, PartitionJoin.hash(key, key.length), body));
                spill.read(
                        "test",
                        partition,
                        (key, body) -> join.add(false, key, PartitionJoin.hash(key, key.length), body));
                join.drainInto(accumulator);
            }
            return accumulator.report(p, baseCounts, testCounts);
        }
    }

    /** Stops the serving side's read after the training side failed with {@code failure}, and waits for it. */
    private static void stop(AtomicBoolean stop, Future<SideCounts> read, Exception failure) {
        stop.set(true);
        try {
            await(read);
        } catch (IOException | RuntimeException second) {
            failure.addSuppressed(second);
        }
    }

    /** Closes the serving input once it is open, after the training side failed with {@code failure}. */
    private static SkewLayout.Side side(Table table) {
        return new SkewLayout.Side(table.file().toString(), table.names(), table.types());
    }

    private static void closeWhenOpened(Future<Table> opening, Exception failure) {
        try {
            await(opening).close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** {@return the worker's result}, rethrowing its failure as it was thrown. */
    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the serving input");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * {@return the number of partitions for {@code inputBytes} of input with a heap of {@code maxHeap} bytes: enough
     * that one partition's join takes at most a quarter of the heap, and holds at most
     * {@link #MAX_PARTITION_INPUT_BYTES} of input}
     */
    static int choosePartitions(long inputBytes, long maxHeap) {
        long budget = Math.max(1, maxHeap / 4);
        long forHeap = (inputBytes * HEAP_BYTES_PER_INPUT_BYTE + budget - 1) / budget;
        long forCache = (inputBytes + MAX_PARTITION_INPUT_BYTES - 1) / MAX_PARTITION_INPUT_BYTES;
        return (int) Math.max(1, Math.min(MAX_PARTITIONS, Math.max(forHeap, forCache)));
    }

    private static long inputBytes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0; // the reader reports it
        }
        return Files.size(file);
    }

    /** Reads one side into {@code sink}; stops early (with partial counts) once {@code stop} is set. */
    private static SideCounts readSide(
            Table input, SkewLayout layout, ValueEquality equality, AtomicBoolean stop, RowSink sink)
            throws IOException {
        RowCodec codec = new RowCodec(layout, equality);
        RecordBuffer key = new RecordBuffer();
        RecordBuffer body = new RecordBuffer();
        long withId = 0;
        long missingId = 0;
        for (Optional<RecordBatch> next = input.next(); next.isPresent() && !stop.get(); next = input.next()) {
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
        return new SideCounts(withId, missingId);
    }

    /** Where the rows of one side go: the in-memory join or the spill files. */
    private interface RowSink {
        void accept(RecordBuffer key, RecordBuffer body, long hash) throws IOException;
    }
}
