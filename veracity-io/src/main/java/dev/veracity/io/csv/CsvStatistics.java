package dev.veracity.io.csv;

import dev.veracity.io.BadRecords;
import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TFDV's statistics of one or more CSV files as one dataset, on all cores: both parsing and accumulation run in
 * parallel, with memory bounded by threads x features.
 *
 * <p>Plain files are cut into chunks at record starts ({@link CsvChunkPlanner}, verified by {@link CsvChunkScanner});
 * a gzip file is one chunk (it cannot be split), so several gzip files still read in parallel. The first pass infers
 * column types over all files; the second computes statistics per thread, merged at the end. The result equals a
 * sequential read: exact fields exactly, sketched fields within their bounds. Every file must have the same header.
 *
 * <p>Columns whose types the CSV options fix (from a schema) are not inferred, and a cell that does not parse as its
 * type makes its record malformed in both passes. When every column's type is fixed and every row is described, the
 * first pass is skipped: one pass reads the chunks from their guessed starts and verifies the starts afterwards.
 *
 * <pre>{@code
 * ComputedStatistics r = new CsvStatistics(CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, 8).compute(files, "");
 * }</pre>
 */
public final class CsvStatistics {
    private static final long MIN_CHUNK_BYTES = 1 << 20;
    private static final long MAX_CHUNK_BYTES = 64L << 20;

    private final CsvOptions csv;
    private final StatisticsOptions options;
    private final int threads;
    private final Progress progress;
    private final long chunkBytes;
    private final List<Slicing> slicings;
    private final int maxSlices;
    private final Sampling sampling;

    /**
     * @param threads how many threads parse and accumulate (at least 1)
     */
    public CsvStatistics(CsvOptions csv, StatisticsOptions options, int threads) {
        this(csv, options, threads, Progress.NONE, 0, List.of(), SlicedStatistics.DEFAULT_MAX_SLICES, Sampling.ALL);
    }

    /**
     * @param progress   receives "inferring column types", then "computing statistics", in bytes of all files
     * @param chunkBytes the size of chunks, or 0 to choose from the input size and threads (tests set it small)
     */
    CsvStatistics(CsvOptions csv, StatisticsOptions options, int threads, Progress progress, long chunkBytes) {
        this(csv, options, threads, progress, chunkBytes, List.of(), SlicedStatistics.DEFAULT_MAX_SLICES,
                Sampling.ALL);
    }

    private CsvStatistics(CsvOptions csv, StatisticsOptions options, int threads, Progress progress, long chunkBytes,
            List<Slicing> slicings, int maxSlices, Sampling sampling) {
        this.csv = Objects.requireNonNull(csv, "csv is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
        if (threads < 1) {
            throw new ConfigException("threads: expected at least 1, found " + threads);
        }
        this.threads = threads;
        this.chunkBytes = chunkBytes;
        this.slicings = List.copyOf(slicings);
        this.maxSlices = maxSlices;
        this.sampling = Objects.requireNonNull(sampling, "sampling is null");
    }

    /** {@return these settings, reporting progress to {@code newProgress}} */
    public CsvStatistics withProgress(Progress newProgress) {
        return new CsvStatistics(csv, options, threads, newProgress, chunkBytes, slicings, maxSlices, sampling);
    }

    /** {@return these settings, also computing the statistics of each slice of each slicing, at most max each} */
    public CsvStatistics withSlicings(List<Slicing> newSlicings, int newMaxSlices) {
        return new CsvStatistics(csv, options, threads, progress, chunkBytes, newSlicings, newMaxSlices, sampling);
    }

    /** {@return these settings, describing only a sample of the rows (the statistics describe the sample)} */
    public CsvStatistics withSampling(Sampling newSampling) {
        return new CsvStatistics(csv, options, threads, progress, chunkBytes, slicings, maxSlices, newSampling);
    }

    /**
     * {@return the statistics of all rows of all files, as one dataset with the given name}
     *
     * @throws InputException if a file is missing or malformed (and not skipped), or headers differ
     */
    public ComputedStatistics compute(List<Path> files, String name) throws IOException {
        if (files.isEmpty()) {
            throw new ConfigException("expected at least one input file, found none");
        }
        List<CsvInput> inputs = new ArrayList<>(files.size());
        for (Path file : files) {
            inputs.add(CsvInput.of(file));
        }
        List<String> header = commonHeader(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            CsvChunkScanner scanner = new CsvChunkScanner(header, csv);
            long totalBytes = inputs.stream().mapToLong(CsvInput::size).sum();
            long chunk = chunkBytes > 0 ? chunkBytes
                    : Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, totalBytes / (threads * 4L)));
            List<List<CsvChunk>> planned = new ArrayList<>(inputs.size());
            for (CsvInput input : inputs) {
                planned.add(CsvChunkPlanner.plan(input, csv.quote(), chunk, pool));
            }
            CsvFixedTypes fixed = scanner.fixed();
            if (fixed.all() && sampling.keepsAll()) {
                Optional<OnePass> one = onePass(planned, header, scanner, pool, totalBytes);
                if (one.isPresent()) {
                    return result(one.get().dataset(), one.get().records(), one.get().skipped(), header,
                            fixed.apply(header.stream().map(h -> FeatureType.STRING).toList()), name);
                }
                // a guessed chunk start was wrong (or a chunk failed there): verify the starts in a first pass
            }
            List<CsvChunk> exact = new ArrayList<>();
            int[] ranks = new int[header.size()];
            long records = 0;
            long skipped = 0;
            for (CsvChunkScanner.Verified file : firstPass(planned, scanner, pool, totalBytes, fixed.all())) {
                exact.addAll(file.chunks());
                CsvTypeInference.merge(ranks, file.ranks());
                records += file.records();
                skipped += file.skipped();
            }
            List<FeatureType> types = fixed.apply(CsvTypeInference.types(ranks));
            SlicedStatistics dataset = secondPass(exact, header, types, scanner, pool, totalBytes);
            return result(dataset, records, skipped, header, types, name);
        } finally {
            pool.shutdownNow();
        }
    }

    private ComputedStatistics result(SlicedStatistics dataset, long records, long skipped, List<String> header,
            List<FeatureType> types, String name) {
        if (records == 0) {
            dataset.add(emptyBatch(header, types)); // report the columns of files without data rows
        }
            Map<Slicing, Long> notSliced = new LinkedHashMap<>();
            for (Slicing slicing : slicings) {
                notSliced.put(slicing, dataset.rowsNotSliced(slicing));
            }
        return new ComputedStatistics(dataset.result(name), skipped, notSliced);
    }

    private List<String> commonHeader(List<CsvInput> inputs) throws IOException {
        List<String> first = null;
        for (CsvInput input : inputs) {
            List<String> header;
            try (InputStream in = input.openAt(0)) {
                header = CsvRows.readHeader(new CsvTokenizer(in, input.name(), csv, 1, true));
            }
            if (first == null) {
                first = header;
            } else if (!header.equals(first)) {
                throw new InputException(ErrorCode.CSV_BAD_HEADER, input.name() + ":1: expected the header of "
                        + inputs.get(0).name() + " (" + String.join(",", first) + "), found ("
                        + String.join(",", header) + ")");
            }
        }
        return first;
    }

    private List<CsvChunkScanner.Verified> firstPass(List<List<CsvChunk>> planned, CsvChunkScanner scanner,
            ExecutorService pool, long totalBytes, boolean typesFixed) throws IOException {
        String phase = typesFixed ? "finding records" : "inferring column types";
        AtomicLong done = new AtomicLong();
        List<Callable<CsvChunkScanner.Scan>> tasks = new ArrayList<>();
        for (List<CsvChunk> chunks : planned) {
            for (CsvChunk chunk : chunks) {
                tasks.add(() -> {
                    CsvChunkScanner.Scan scan = scanner.guess(chunk);
                    done.addAndGet(chunk.length());
                    return scan;
                });
            }
        }
        List<CsvChunkScanner.Scan> scans = CsvParallel.invokeAll(pool, tasks,
                () -> progress.update(phase, Math.min(done.get(), totalBytes), totalBytes));
        List<CsvChunkScanner.Verified> verified = new ArrayList<>(planned.size());
        int next = 0;
        long rows = 0;
        for (List<CsvChunk> chunks : planned) {
            CsvChunkScanner.Verified file = scanner.verify(chunks, scans.subList(next, next + chunks.size()), rows);
            verified.add(file);
            rows += file.records();
            next += chunks.size();
        }
        return verified;
    }

    private SlicedStatistics secondPass(List<CsvChunk> chunks, List<String> header, List<FeatureType> types,
            CsvChunkScanner scanner, ExecutorService pool, long totalBytes) throws IOException {
        Queue<CsvChunk> queue = new ConcurrentLinkedQueue<>(chunks);
        AtomicLong done = new AtomicLong();
        int workers = Math.min(threads, Math.max(1, chunks.size()));
        List<Callable<SlicedStatistics>> tasks = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            tasks.add(() -> {
                SlicedStatistics accumulator = new SlicedStatistics(options, slicings, maxSlices);
                for (CsvChunk chunk = queue.poll(); chunk != null; chunk = queue.poll()) {
                    accumulate(chunk, header, types, scanner, accumulator);
                    done.addAndGet(chunk.length());
                }
                return accumulator;
            });
        }
        List<SlicedStatistics> partials = CsvParallel.invokeAll(pool, tasks,
                () -> progress.update("computing statistics", Math.min(done.get(), totalBytes), totalBytes));
        SlicedStatistics all = partials.get(0);
        for (SlicedStatistics partial : partials.subList(1, partials.size())) {
            all.merge(partial);
        }
        return all;
    }

    /** {@return what reading the chunk found} (the ranks are empty: nothing is inferred) */
    private CsvChunkScanner.Scan accumulate(CsvChunk chunk, List<String> header, List<FeatureType> types,
            CsvChunkScanner scanner, SlicedStatistics accumulator) throws IOException {
        try (InputStream in = chunk.input().openAt(chunk.start())) {
            CsvTokenizer tokenizer = new CsvTokenizer(in, chunk.input().name(), csv, chunk.firstLine(),
                    chunk.holdsHeader());
            if (chunk.holdsHeader()) {
                CsvRows.readHeader(tokenizer);
            }
            CsvBatches batches = new CsvBatches(scanner.rows(tokenizer, chunk), header, types, scanner.fixed(),
                    csv.batchSize());
            long row = chunk.firstRow();
            for (RecordBatch batch = batches.next(); batch.rowCount() > 0; batch = batches.next()) {
                accumulator.add(sampling.sample(batch, row));
                row += batch.rowCount();
            }
            return CsvChunkScanner.scanOf(chunk, batches.rows(), new int[0]);
        }
    }

    /**
     * The statistics of one pass, with its counts.
     *
     * @param dataset the merged statistics
     * @param records well-formed records read
     * @param skipped malformed records skipped
     */
    private record OnePass(SlicedStatistics dataset, long records, long skipped) {
    }

    /**
     * {@return the statistics from one pass over the chunks from their guessed starts, when every column's type is
     * fixed; empty if a guess proves wrong} With nothing to infer, the first pass would only verify the guessed
     * chunk starts, so this pass verifies them afterwards instead: each chunk's first record must start where the
     * previous chunk's last record ended, as {@link CsvChunkScanner#verify} requires. A wrong guess (a quote inside an
     * unquoted field before it) or an error in a chunk other than a file's first, whose line would be relative to a
     * guess, gives up the pass; the caller then verifies the starts first, and the error names its true line.
     * Sampling needs each row's position in the dataset before accumulating, so it always takes two passes.
     */
    private Optional<OnePass> onePass(List<List<CsvChunk>> planned, List<String> header, CsvChunkScanner scanner,
            ExecutorService pool, long totalBytes) throws IOException {
        List<FeatureType> types = scanner.fixed().apply(header.stream().map(h -> FeatureType.STRING).toList());
        List<CsvChunk> chunks = new ArrayList<>();
        planned.forEach(chunks::addAll);
        CsvChunkScanner.Scan[] scans = new CsvChunkScanner.Scan[chunks.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean givenUp = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        int workers = Math.min(threads, chunks.size());
        List<Callable<SlicedStatistics>> tasks = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            tasks.add(() -> {
                SlicedStatistics accumulator = new SlicedStatistics(options, slicings, maxSlices);
                for (int k = next.getAndIncrement(); k < scans.length && !givenUp.get(); k = next.getAndIncrement()) {
                    CsvChunk chunk = chunks.get(k);
                    try {
                        scans[k] = accumulate(chunk, header, types, scanner, accumulator);
                    } catch (InputException e) {
                        if (chunk.holdsHeader()) {
                            throw e; // a file's first chunk starts at line 1: its error names the true line
                        }
                        givenUp.set(true);
                    }
                    done.addAndGet(chunk.length());
                }
                return accumulator;
            });
        }
        List<SlicedStatistics> partials = CsvParallel.invokeAll(pool, tasks,
                () -> progress.update("computing statistics", Math.min(done.get(), totalBytes), totalBytes));
        if (givenUp.get() || !chained(chunks, scans)) {
            return Optional.empty();
        }
        long records = 0;
        long skipped = 0;
        for (CsvChunkScanner.Scan scan : scans) {
            records += scan.records();
            skipped += scan.skipped();
        }
        SlicedStatistics all = partials.get(0);
        for (SlicedStatistics partial : partials.subList(1, partials.size())) {
            all.merge(partial);
        }
        return Optional.of(new OnePass(all, records, skipped));
    }

    /** {@return whether every chunk after a file's first starts where the previous chunk's records stopped} */
    private static boolean chained(List<CsvChunk> chunks, CsvChunkScanner.Scan[] scans) {
        for (int k = 1; k < chunks.size(); k++) {
            if (!chunks.get(k).holdsHeader() && scans[k].firstStart() != scans[k - 1].stopStart()) {
                return false;
            }
        }
        return true;
    }

    private static RecordBatch emptyBatch(List<String> header, List<FeatureType> types) {
        List<Column> columns = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            columns.add(ColumnBuilder.of(header.get(i), types.get(i)).build());
        }
        return new RecordBatch(0, columns);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "veracity-csv-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
