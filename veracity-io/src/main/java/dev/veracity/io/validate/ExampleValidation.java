package dev.veracity.io.validate;

import dev.veracity.data.BatchSource;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import dev.veracity.io.DataFormat;
import dev.veracity.io.InputFiles;
import dev.veracity.io.Progress;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.Workers;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.proto.Schema;
import dev.veracity.validate.example.ExampleAnomalies;
import dev.veracity.validate.example.RecordValidator;
import dev.veracity.validate.example.RowCheck;
import dev.veracity.validate.example.RowViolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Validates every row of files against a schema, as TFDV's {@code validate_examples_in_csv} does: each row is a
 * dataset of one ({@link RecordValidator}), then the row-level rules run on it ({@link RowCheck}). The files are read
 * in order on the calling thread, with CSV cells as text so that a cell not of its feature's type is a reason, not a
 * malformed record; batches are validated on a pool of threads, at most two per thread ahead of the reading, and
 * handed to the sink in input order. Memory is bounded by threads x batch size (plus the statistics of each
 * reason), and the result is the same for any number of threads.
 *
 * <pre>{@code
 * ExampleValidationResult result = ExampleValidation.of(schema).environment("SERVING").threads(8)
 *         .run(List.of(Path.of("serving.csv")), ExampleSink.NONE);
 * }</pre>
 */
public final class ExampleValidation {
    /** The phase progress reports. */
    public static final String PHASE = "validating examples";

    private static final int BATCHES_PER_THREAD = 2;

    private final Schema schema;
    private String environment;
    private ReadOptions read = ReadOptions.DEFAULT;
    private int threads = Runtime.getRuntime().availableProcessors();
    private List<RowCheck> checks = List.of();
    private Progress progress = Progress.NONE;

    private ExampleValidation(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema is null");
    }

    /** {@return a validation of rows against {@code schema}, in no particular environment} */
    public static ExampleValidation of(Schema schema) {
        return new ExampleValidation(schema);
    }

    /** Validates rows as data of {@code environment}, one of the schema's default environments. */
    public ExampleValidation environment(String newEnvironment) {
        this.environment = Objects.requireNonNull(newEnvironment, "environment is null");
        return this;
    }

    /** Reads with these options (format, CSV delimiter, bad-record policy, batch size). */
    public ExampleValidation read(ReadOptions newRead) {
        this.read = Objects.requireNonNull(newRead, "read is null");
        return this;
    }

    /** Validates on {@code newThreads} threads (at least 1). */
    public ExampleValidation threads(int newThreads) {
        if (newThreads < 1) {
            throw new dev.veracity.ConfigException("threads: expected at least 1, found " + newThreads);
        }
        this.threads = newThreads;
        return this;
    }

    /** Also runs these row-level rules on every row, after the schema's checks. */
    public ExampleValidation checks(List<RowCheck> newChecks) {
        this.checks = List.copyOf(newChecks);
        return this;
    }

    /** Reports progress, in bytes of the files read, to {@code newProgress}. */
    public ExampleValidation progress(Progress newProgress) {
        this.progress = Objects.requireNonNull(newProgress, "progress is null");
        return this;
    }

    /**
     * {@return what the validation found} The sink receives every batch, in input order, as it is validated.
     *
     * @throws dev.veracity.ConfigException if the environment is not one of the schema's, or the files mix formats
     * @throws dev.veracity.InputException  if a file is missing or malformed (and not skipped)
     */
    public ExampleValidationResult run(List<Path> files, ExampleSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink is null");
        RecordValidator validator =
                environment == null ? RecordValidator.of(schema) : RecordValidator.of(schema, environment);
        DataFormat format = Readers.formatOf(files, read);
        if (format == DataFormat.CSV || format == DataFormat.JSONL) {
            for (Path file : files) {
                refuseGzip(file, format);
            }
        }
        ExampleRows rows = new ExampleRows(schema, format == DataFormat.CSV);
        ReasonStatistics reasons = new ReasonStatistics(schema, rows);
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        long[] counts = new long[3]; // rows, anomalous rows, skipped records
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<ValidatedBatch>> pending = new ArrayDeque<>();
        try {
            long done = 0;
            for (Path file : files) {
                progress.update(PHASE, done, total);
                ReadOptions options = format == DataFormat.CSV ? asText(file) : read;
                try (BatchSource source = Readers.open(file, options);
                        InputStream text = lineSource(file, format)) {
                    RecordLines lines = text == null
                            ? null
                            : format == DataFormat.CSV
                                    ? RecordLines.csv(text, read.csv().quote())
                                    : RecordLines.jsonLines(text);
                    long firstRow = 1;
                    for (Optional<RecordBatch> next = source.next(); next.isPresent(); next = source.next()) {
                        RecordBatch batch = next.get();
                        long[] starts = lines == null ? null : starts(lines, batch.rowCount());
                        long first = firstRow;
                        pending.addLast(pool.submit(() -> validate(file, batch, first, starts, rows, validator)));
                        firstRow += batch.rowCount();
                        while (pending.size() >= BATCHES_PER_THREAD * threads) {
                            deliver(pending.removeFirst(), sink, reasons, counts);
                        }
                    }
                    while (!pending.isEmpty()) {
                        deliver(pending.removeFirst(), sink, reasons, counts);
                    }
                    counts[2] += source.skippedRecords();
                }
                done += Files.size(file);
                progress.update(PHASE, done, total);
            }
        } finally {
            for (Future<ValidatedBatch> future : pending) {
                future.cancel(true);
            }
            pool.shutdownNow();
        }
        return new ExampleValidationResult(counts[0], counts[1], counts[2], reasons.counts(), reasons.result());
    }

    /** Refuses a gzip CSV or JSON Lines file: its reader needs a plain file it can read twice. */
    private static void refuseGzip(Path file, DataFormat format) throws IOException {
        byte[] head;
        try (InputStream in = InputFiles.openRegularFile(file, "validate-examples reads it twice")) {
            head = in.readNBytes(2);
        }
        if (dev.veracity.io.FormatDetection.isGzip(head)) {
            throw new dev.veracity.InputException(
                    dev.veracity.ErrorCode.UNSUPPORTED_FILE_FORMAT,
                    file + ": expected a plain " + format.displayName()
                            + " file, found gzip (validate-examples reads it twice; decompress it first, e.g. "
                            + "gunzip -k)");
        }
    }

    /** CSV read as text: every column STRING, so that numbers are parsed as the schema types them, per cell. */
    private ReadOptions asText(Path file) throws IOException {
        Map<String, FeatureType> text = new HashMap<>();
        for (String column : CsvReader.header(file, read.csv())) {
            text.put(column, FeatureType.STRING);
        }
        return read.withCsv(read.csv().withColumnTypes(text));
    }

    /** {@return the file's bytes for finding lines, or null when rows have no lines or skipped records hide them} */
    private InputStream lineSource(Path file, DataFormat format) throws IOException {
        boolean lined = format == DataFormat.CSV || format == DataFormat.JSONL;
        return lined && read.badRecords() == BadRecords.FAIL ? InputFiles.open(file) : null;
    }

    private static long[] starts(RecordLines lines, int count) throws IOException {
        long[] starts = new long[count];
        for (int i = 0; i < count; i++) {
            starts[i] = Math.max(0, lines.next());
        }
        return starts;
    }

    private void deliver(Future<ValidatedBatch> future, ExampleSink sink, ReasonStatistics reasons, long[] counts)
            throws IOException {
        ValidatedBatch batch = Workers.join(future);
        counts[0] += batch.batch().rowCount();
        counts[1] += batch.examples().size();
        reasons.add(batch);
        sink.accept(batch);
    }

    private ValidatedBatch validate(
            Path file, RecordBatch batch, long firstRow, long[] starts, ExampleRows rows, RecordValidator validator) {
        List<ValidatedBatch.Example> examples = new ArrayList<>();
        Map<String, Object> record = new HashMap<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            rows.fill(batch, r, record);
            ExampleAnomalies anomalies = validator.check(record);
            List<RowViolation> violations = List.of();
            for (RowCheck check : checks) {
                List<RowViolation> found = check.violations(record);
                if (!found.isEmpty()) {
                    violations = violations.isEmpty() ? new ArrayList<>() : violations;
                    violations.addAll(found);
                }
            }
            if (!anomalies.isClean() || !violations.isEmpty()) {
                examples.add(new ValidatedBatch.Example(
                        r,
                        firstRow + r,
                        starts == null ? 0 : starts[r],
                        new LinkedHashMap<>(record),
                        anomalies,
                        violations));
            }
        }
        return new ValidatedBatch(file, batch, firstRow, examples);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "veracity-validate-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
