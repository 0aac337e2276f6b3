package dev.veracity.transform;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Analyzes data for a spec in one pass: batches are read once and dealt round-robin to a fixed number of
 * partitions, each with its own analyzers on its own thread; the partitions' analyzers are merged in order, so the
 * constants do not depend on the number of cores or on scheduling. Memory is the analyzers' (fixed for moments and
 * quantiles, the distinct values for vocabularies) plus a few batches in flight.
 *
 * <pre>{@code
 * TransformFn fn = TransformFit.fit(TransformSpec.read(spec), List.of(Path.of("train.csv")), ReadOptions.DEFAULT);
 * }</pre>
 */
public final class TransformFit {
    /** The number of partitions: fixed, so the constants are the same on any machine. */
    static final int PARTITIONS = 4;

    private static final RecordBatch END = new RecordBatch(0, List.of());

    private TransformFit() {}

    /**
     * What a fit saw besides the constants.
     *
     * @param rows           the rows read
     * @param skippedRecords bad records skipped
     * @param maxValueCounts per column, the most values a row held
     * @param analyzedFiles  the files read
     * @param cachedFiles    the files whose analysis came from the cache, unread
     */
    public record Summary(
            long rows, long skippedRecords, Map<String, Integer> maxValueCounts, int analyzedFiles, int cachedFiles) {}

    /**
     * {@return the transform fitted on the files, read as one dataset}
     *
     * @throws InputException at the spec's position when a step's input column is absent from the data or is text
     *                        where the op needs numbers; the readers' errors for malformed data
     */
    public static TransformFn fit(TransformSpec spec, List<Path> files, ReadOptions read) throws IOException {
        return fitWithSummary(spec, files, read).fn();
    }

    /** A fitted transform and what the pass saw. @param fn the transform @param summary the pass */
    public record Fitted(TransformFn fn, Summary summary) {}

    /** As {@link #fit}, also returning what the pass saw. */
    public static Fitted fitWithSummary(TransformSpec spec, List<Path> files, ReadOptions read) throws IOException {
        return fitWithSummary(spec, files, read, Optional.empty());
    }

    /**
     * As {@link #fit}, also returning what the pass saw; with a cache directory, a file analyzed before with the same
     * spec and options (same content digest) is not read again, and each file read has its analysis stored there
     * (TF Transform's analyzer cache per span). Each file is analyzed on its own and the files' analyzers are merged
     * in file order, so the constants are the same, byte for byte, with or without the cache.
     */
    public static Fitted fitWithSummary(TransformSpec spec, List<Path> files, ReadOptions read, Optional<Path> cache)
            throws IOException {
        Objects.requireNonNull(spec, "spec is null");
        Optional<AnalyzerCache> analyses = cache.map(dir -> new AnalyzerCache(dir, spec, read));
        FileAnalysis whole = null;
        int analyzed = 0;
        int cached = 0;
        for (Path file : files) {
            Optional<FileAnalysis> found = analyses.isPresent() ? analyses.get().find(file) : Optional.empty();
            FileAnalysis part;
            if (found.isPresent()) {
                part = found.get();
                cached++;
            } else {
                part = analyzeFile(spec, file, read);
                analyzed++;
                if (analyses.isPresent()) {
                    analyses.get().store(file, part);
                }
            }
            if (whole == null) {
                whole = part;
            } else {
                whole.merge(part);
            }
        }
        if (whole == null) {
            throw new dev.veracity.ConfigException("expected at least one input file, found none");
        }
        return finish(spec, whole, analyzed, cached);
    }

    /**
     * As {@link #fitWithSummary(TransformSpec, List, ReadOptions, Optional)} on the engine named {@code engine}
     * ({@link TransformAnalysis#named}): {@code local}, or {@code beam} with veracity-beam on the class path.
     */
    public static Fitted fitWithSummary(
            TransformSpec spec,
            List<Path> files,
            ReadOptions read,
            Optional<Path> cache,
            String engine,
            dev.veracity.io.EngineRun run)
            throws IOException {
        return TransformAnalysis.named(engine).fit(spec, files, read, cache, run);
    }

    /**
     * {@return the fit whose files' analyses, merged in file order, are {@code whole}}: the constants and what the
     * pass saw, as {@link #fitWithSummary} gives them
     *
     * @param analyzedFiles the number of files analyzed
     * @throws InputException at the spec's position when a step's input column is absent from the data
     */
    public static Fitted fitted(TransformSpec spec, FileAnalysis whole, int analyzedFiles) {
        return finish(spec, whole, analyzedFiles, 0);
    }

    static FileAnalysis analyzeFile(TransformSpec spec, Path file, ReadOptions read) throws IOException {
        List<Path> one = List.of(file);
        Optional<CsvTyping.FitReading> once = CsvTyping.guessForFitReading(spec, one, read);
        if (once.isPresent()) {
            try {
                return TransformApply.chunked(one, once.get().read())
                        ? analyzeChunks(spec, one, once.get().read(), once.get().unparsed())
                        : analyze(spec, one, once.get().read());
            } catch (InputException e) {
                if (e.errorCode() != ErrorCode.CSV_VALUE_NOT_OF_SCHEMA_TYPE) {
                    throw e;
                }
                // a cell wider than the guess: infer the types in a first pass, as without the guess
            }
        }
        return analyze(spec, one, read);
    }

    /**
     * {@return the analysis of plain CSV files whose column types are all fixed, on all cores}: each chunk of a file
     * (cut by its size, not by the number of cores) gets analyzers of its own, merged in file order, so the constants
     * are the same for any number of cores
     */
    static FileAnalysis analyzeChunks(TransformSpec spec, List<Path> files, ReadOptions read, Set<String> unparsed)
            throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return analyzeChunks(spec, files, read, unparsed, threads, 0);
    }

    /**
     * As {@link #analyzeChunks(TransformSpec, List, ReadOptions, Set)}, with this many threads and chunk size (tests).
     *
     * @param unparsed input columns not parsed ({@link CsvTyping.FitReading#unparsed()}): their type is the fixed
     *                 one and a row holds at most one value of them
     */
    static FileAnalysis analyzeChunks(
            TransformSpec spec, List<Path> files, ReadOptions read, Set<String> unparsed, int threads, long chunkBytes)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "veracity-transform-fit");
            t.setDaemon(true);
            return t;
        });
        try {
            FileAnalysis[] whole = new FileAnalysis[1];
            dev.veracity.io.csv.CsvChunkedRead.Totals totals = new dev.veracity.io.csv.CsvChunkedRead(
                            read.csv(), pool, threads, chunkBytes)
                    .keeping(spec.inputs().stream()
                            .filter(name -> !unparsed.contains(name))
                            .toList())
                    .read(
                            files,
                            (batches, chunk) -> {
                                Partition partition = new Partition(spec);
                                Map<String, FeatureType> types = new LinkedHashMap<>();
                                Map<String, Integer> maxCounts = new LinkedHashMap<>();
                                long rows = 0;
                                for (Optional<RecordBatch> b = batches.next(); b.isPresent(); b = batches.next()) {
                                    observe(spec, b.get(), types, maxCounts);
                                    partition.add(b.get());
                                    rows += b.get().rowCount();
                                }
                                return new FileAnalysis(partition.analyzers, types, maxCounts, rows, 0);
                            },
                            part -> {
                                if (whole[0] == null) {
                                    whole[0] = part;
                                } else {
                                    whole[0].merge(part);
                                }
                            });
            FileAnalysis analysis = whole[0];
            // the columns no step reads were not parsed: their fixed types, in header order, name the data's columns
            Map<String, FeatureType> types = new LinkedHashMap<>();
            Map<String, Integer> maxCounts = new LinkedHashMap<>();
            for (Path file : files) {
                for (String name : dev.veracity.io.csv.CsvReader.header(file, read.csv())) {
                    FeatureType seen = analysis.types().get(name);
                    types.putIfAbsent(
                            name,
                            seen != null ? seen : read.csv().columnTypes().getOrDefault(name, FeatureType.STRING));
                    Integer max = unparsed.contains(name)
                            ? Integer.valueOf(1)
                            : analysis.maxCounts().get(name);
                    if (max != null) {
                        maxCounts.putIfAbsent(name, max);
                    }
                }
            }
            return new FileAnalysis(analysis.analyzers(), types, maxCounts, totals.records(), totals.skipped());
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileAnalysis analyze(TransformSpec spec, List<Path> files, ReadOptions read) throws IOException {
        List<Partition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new Partition(spec));
        }
        Map<String, FeatureType> types = new LinkedHashMap<>();
        Map<String, Integer> maxCounts = new LinkedHashMap<>();
        long rows = 0;
        long skipped;
        ExecutorService pool = Executors.newFixedThreadPool(PARTITIONS, r -> {
            Thread t = new Thread(r, "veracity-transform-fit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Partition partition : partitions) {
                running.add(pool.submit(partition::run));
            }
            try (BatchSource source = Readers.open(files, read)) {
                int next = 0;
                for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                    RecordBatch batch = b.get();
                    rows += batch.rowCount();
                    observe(spec, batch, types, maxCounts);
                    Partition partition = partitions.get(next);
                    next = (next + 1) % PARTITIONS;
                    put(partition.queue, batch, running);
                }
                skipped = source.skippedRecords();
            }
            for (Partition partition : partitions) {
                put(partition.queue, END, running);
            }
            for (Future<?> f : running) {
                join(f);
            }
        } finally {
            pool.shutdownNow();
        }
        Partition whole = partitions.get(0);
        for (int p = 1; p < PARTITIONS; p++) {
            whole.merge(partitions.get(p));
        }
        return new FileAnalysis(whole.analyzers, types, maxCounts, rows, skipped);
    }

    private static Fitted finish(TransformSpec spec, FileAnalysis whole, int analyzed, int cached) {
        Map<String, FeatureType> types = whole.types();
        for (Step step : spec.steps()) {
            for (String input : step.inputs()) {
                if (!types.containsKey(input)) {
                    throw new InputException(
                            ErrorCode.CONFIG_FILE_INVALID,
                            step.where() + ": expected a column " + input + " in the data, found only "
                                    + columnsSeen(types));
                }
            }
        }
        for (String kept : spec.keep()) {
            if (!types.containsKey(kept)) {
                throw new InputException(
                        ErrorCode.CONFIG_FILE_INVALID,
                        "keep: expected a column " + kept + " in the data, found only " + columnsSeen(types));
            }
        }
        List<Constants> constants = new ArrayList<>();
        for (StepAnalyzer analyzer : whole.analyzers()) {
            constants.add(analyzer.result());
        }
        Map<String, FeatureType> inputTypes = new LinkedHashMap<>();
        for (String input : spec.inputs()) {
            inputTypes.put(input, types.get(input));
        }
        return new Fitted(
                new TransformFn(spec, inputTypes, constants),
                new Summary(whole.rows(), whole.skipped(), Map.copyOf(whole.maxCounts()), analyzed, cached));
    }

    private static String columnsSeen(Map<String, FeatureType> types) {
        return types.isEmpty() ? "no columns" : String.join(", ", types.keySet());
    }

    private static void observe(
            TransformSpec spec, RecordBatch batch, Map<String, FeatureType> types, Map<String, Integer> maxCounts) {
        for (Column column : batch.columns()) {
            FeatureType seen = types.get(column.name());
            if (seen == null || (seen == FeatureType.INT && column.type() == FeatureType.FLOAT)) {
                types.put(column.name(), column.type());
            }
            int max = maxCounts.getOrDefault(column.name(), 0);
            for (int r = 0; r < batch.rowCount(); r++) {
                int count = column.rowOffsets()[r + 1] - column.rowOffsets()[r];
                if (count > max) {
                    max = count;
                }
            }
            maxCounts.put(column.name(), max);
        }
        for (Step step : spec.steps()) {
            for (Column column : batch.columns()) {
                if (column.name().equals(step.input())) {
                    TransformFn.requireNumeric(step, column);
                }
            }
        }
    }

    private static void put(BlockingQueue<RecordBatch> queue, RecordBatch batch, List<Future<?>> running)
            throws IOException {
        try {
            while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                for (Future<?> f : running) {
                    if (f.isDone()) {
                        join(f);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while analyzing");
        }
    }

    private static void join(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while analyzing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** One partition: a queue of batches and the analyzers of every step. */
    private static final class Partition {
        final BlockingQueue<RecordBatch> queue = new ArrayBlockingQueue<>(2);
        final List<StepAnalyzer> analyzers = new ArrayList<>();
        final List<Step> steps;

        Partition(TransformSpec spec) {
            this.steps = spec.steps();
            for (Step step : steps) {
                analyzers.add(new StepAnalyzer(step));
            }
        }

        Void run() throws InterruptedException {
            for (RecordBatch batch = queue.take(); batch != END; batch = queue.take()) {
                add(batch);
            }
            return null;
        }

        void add(RecordBatch batch) {
            Map<String, Column> byName = new HashMap<>();
            for (Column column : batch.columns()) {
                byName.put(column.name(), column);
            }
            for (int s = 0; s < steps.size(); s++) {
                analyzers.get(s).add(byName.get(steps.get(s).input()));
            }
        }

        void merge(Partition other) {
            for (int s = 0; s < analyzers.size(); s++) {
                analyzers.get(s).merge(other.analyzers.get(s));
            }
        }
    }
}
