package dev.veracity.io.csv;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import dev.veracity.io.AccumulationRun;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.io.Workers;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TFDV's statistics of one or more CSV files as one dataset, on all cores: both parsing and accumulation run in
 * parallel, with memory bounded by threads x features.
 *
 * <p>Plain files are cut into chunks at guessed record starts ({@link CsvChunkPlanner}, verified by
 * {@link CsvChunkScanner}). A gzip file cannot be split: with several threads, one thread inflates it and cuts it into
 * blocks of whole records for the others ({@link CsvGzipPipeline}); with one thread, that thread cuts the same
 * blocks. Chunks are cut by the size of the input, not the number of threads, and statistics are computed per chunk
 * or block and merged in order ({@link AccumulationRun}), so the result is the same, byte for byte, for any number
 * of threads, and equals a sequential read: exact fields exactly, sketched fields within their bounds. Every file
 * must have the same header.
 *
 * <p>Column types are guessed from the first rows of the first file, and one pass computes the statistics with them.
 * A cell wider than its column's guess abandons that pass: the remaining rows are only typed, chunk starts are
 * verified, and a second pass computes the statistics with the types of all rows, as TFDV infers them. Columns whose
 * types the CSV options fix (from a schema) are not guessed, and a cell that does not parse as its type makes its
 * record malformed in every pass. Sampling needs the rows' positions first, so it always takes two passes.
 *
 * <pre>{@code
 * ComputedStatistics r = new CsvStatistics(CsvOptions.DEFAULT, StatisticsOptions.DEFAULT, 8).compute(files, "");
 * }</pre>
 */
public final class CsvStatistics {
    private static final long MIN_CHUNK_BYTES = 8L << 20;
    private static final long MAX_CHUNK_BYTES = 64L << 20;
    /** Chunks per dataset between the bounds: enough for 64 threads, and the same for any number of them. */
    private static final long CHUNKS_PER_DATASET = 64;
    /** The first bytes of the first file, whose column types the single pass guesses for all rows. */
    private static final long PREFIX_BYTES = 1 << 20;

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
        this(csv, options, threads, progress, chunkBytes, List.of(), SlicedStatistics.DEFAULT_MAX_SLICES, Sampling.ALL);
    }

    private CsvStatistics(
            CsvOptions csv,
            StatisticsOptions options,
            int threads,
            Progress progress,
            long chunkBytes,
            List<Slicing> slicings,
            int maxSlices,
            Sampling sampling) {
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

    private CsvChunkReader chunkReader() {
        return new CsvChunkReader(csv, sampling);
    }

    private AccumulationRun run() {
        return new AccumulationRun(options, slicings, maxSlices, sampling, progress, threads);
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
        List<String> header = chunkReader().commonHeader(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            CsvChunkScanner scanner = new CsvChunkScanner(header, csv);
            long totalBytes = inputs.stream().mapToLong(CsvInput::size).sum();
            long chunk = chunkBytes > 0
                    ? chunkBytes
                    : Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, totalBytes / CHUNKS_PER_DATASET));
            List<List<CsvChunk>> planned = new ArrayList<>(inputs.size());
            for (CsvInput input : inputs) {
                planned.add(pipelined(input) ? List.of() : CsvChunkPlanner.plan(input, csv.quote(), chunk, pool));
            }
            Pass pass = new Pass(inputs, planned, header, scanner, pool, totalBytes);
            if (sampling.keepsAll()) {
                Optional<int[]> prefix = scanner.fixed().all()
                        ? Optional.of(new int[header.size()])
                        : prefixRanks(inputs.get(0), scanner);
                if (prefix.isPresent()) {
                    return speculativePass(pass, prefix.get(), name);
                }
            }
            return twoPasses(pass, name);
        } finally {
            pool.shutdownNow();
        }
    }

    private ComputedStatistics result(
            SlicedStatistics dataset,
            long records,
            long skipped,
            List<String> header,
            List<FeatureType> types,
            String name) {
        if (records == 0) {
            dataset.add(CsvChunkReader.emptyBatch(header, types)); // report the columns of files without data rows
        }
        return run().result(dataset, name, skipped);
    }

    /** The inputs of a computation and what reading them needs. */
    private record Pass(
            List<CsvInput> inputs,
            List<List<CsvChunk>> planned,
            List<String> header,
            CsvChunkScanner scanner,
            ExecutorService pool,
            long totalBytes) {
        List<CsvChunk> chunks() {
            List<CsvChunk> all = new ArrayList<>();
            planned.forEach(all::addAll);
            return all;
        }
    }

    /** {@return whether a file is read in blocks by the gzip pipeline (inflated on one thread, parsed on all)} */
    private static boolean pipelined(CsvInput input) {
        return input.gzip();
    }

    private CsvGzipPipeline pipeline(ExecutorService pool) {
        return new CsvGzipPipeline(csv, pool, threads, blockBytes());
    }

    private int blockBytes() {
        return chunkBytes > 0
                ? (int) Math.min(CsvGzipPipeline.DEFAULT_BLOCK_BYTES, chunkBytes)
                : CsvGzipPipeline.DEFAULT_BLOCK_BYTES;
    }

    /**
     * {@return the column ranks of the first {@value #PREFIX_BYTES} bytes of the first file, the guess of the
     * speculative pass; empty if reading them fails} (the verified passes then report the error)
     */
    private Optional<int[]> prefixRanks(CsvInput first, CsvChunkScanner scanner) throws IOException {
        long prefix = chunkBytes > 0 ? Math.min(chunkBytes, PREFIX_BYTES) : PREFIX_BYTES; // tests: late widenings
        CsvChunkScanner.Scan scan = scanner.guess(new CsvChunk(first, 0, prefix, 1, 0));
        return scan.failed() ? Optional.empty() : Optional.of(scan.ranks());
    }

    private ComputedStatistics twoPasses(Pass pass, String name) throws IOException {
        FirstPass first = firstPass(pass);
        List<FeatureType> types = pass.scanner().fixed().apply(CsvTypeInference.types(first.ranks()));
        SlicedStatistics dataset = secondPass(pass, first.chunks(), first.blockRows(), types);
        return result(dataset, first.records(), first.skipped(), pass.header(), types, name);
    }

    /**
     * What the first pass found over all files.
     *
     * @param chunks    the chunks of plain files, with verified starts
     * @param blockRows per gzip file of the pipeline, the dataset position of each block's first row
     * @param ranks     per column, the widest type seen
     * @param records   well-formed rows
     * @param skipped   malformed rows skipped
     */
    private record FirstPass(
            List<CsvChunk> chunks, Map<CsvInput, long[]> blockRows, int[] ranks, long records, long skipped) {}

    private FirstPass firstPass(Pass pass) throws IOException {
        String phase = pass.scanner().fixed().all() ? "finding records" : "inferring column types";
        AtomicLong done = new AtomicLong();
        Runnable tick = () -> progress.update(phase, Math.min(done.get(), pass.totalBytes()), pass.totalBytes());
        List<Callable<CsvChunkScanner.Scan>> tasks = new ArrayList<>();
        for (CsvChunk chunk : pass.chunks()) {
            tasks.add(() -> {
                CsvChunkScanner.Scan scan = pass.scanner().guess(chunk);
                done.addAndGet(chunk.length());
                return scan;
            });
        }
        List<CsvChunkScanner.Scan> scans = Workers.invokeAll(pass.pool(), tasks, tick);
        List<CsvChunk> exact = new ArrayList<>();
        Map<CsvInput, long[]> blockRows = new HashMap<>();
        int[] ranks = new int[pass.header().size()];
        long rows = 0;
        long skipped = 0;
        int next = 0;
        for (int f = 0; f < pass.inputs().size(); f++) {
            CsvInput input = pass.inputs().get(f);
            if (pipelined(input)) {
                List<CsvChunkScanner.Scan> blocks = pipeline(pass.pool())
                        .run(
                                input,
                                block -> 0,
                                () -> input,
                                (all, unused) -> {},
                                (chunk, in, unused) -> pass.scanner().read(chunk, in),
                                done,
                                tick)
                        .scans();
                long[] firstRows = new long[blocks.size()];
                for (int b = 0; b < blocks.size(); b++) {
                    firstRows[b] = rows;
                    CsvTypeInference.merge(ranks, blocks.get(b).ranks());
                    rows += blocks.get(b).records();
                    skipped += blocks.get(b).skipped();
                }
                blockRows.put(input, firstRows);
                continue;
            }
            List<CsvChunk> chunks = pass.planned().get(f);
            CsvChunkScanner.Verified file =
                    pass.scanner().verify(chunks, scans.subList(next, next + chunks.size()), rows);
            next += chunks.size();
            exact.addAll(file.chunks());
            CsvTypeInference.merge(ranks, file.ranks());
            rows += file.records();
            skipped += file.skipped();
        }
        return new FirstPass(exact, blockRows, ranks, rows, skipped);
    }

    /** The second pass: statistics of verified chunks and of the pipeline's blocks, with known types and rows. */
    private SlicedStatistics secondPass(
            Pass pass, List<CsvChunk> chunks, Map<CsvInput, long[]> blockRows, List<FeatureType> types)
            throws IOException {
        AccumulationRun run = run();
        AtomicLong done = new AtomicLong();
        Runnable tick = () ->
                progress.update(AccumulationRun.PHASE, Math.min(done.get(), pass.totalBytes()), pass.totalBytes());
        SlicedStatistics all = run.accumulate(
                chunks,
                CsvChunk::length,
                (index, chunk, into) -> {
                    try (InputStream in = chunk.input().openAt(chunk.start())) {
                        chunkReader().read(chunk, in, pass.header(), types, pass.scanner(), into, false);
                    }
                },
                done,
                pass.totalBytes());
        for (CsvInput input : pass.inputs()) {
            if (pipelined(input)) {
                long[] firstRows = blockRows.get(input);
                all.merge(pipeline(pass.pool())
                        .run(
                                input,
                                block -> firstRows[block],
                                run::newStatistics,
                                SlicedStatistics::merge,
                                (chunk, in, accumulator) -> chunkReader()
                                        .read(chunk, in, pass.header(), types, pass.scanner(), accumulator, false),
                                done,
                                tick)
                        .merged());
            }
        }
        return all;
    }

    /**
     * {@return the statistics from one pass over the chunks from their guessed starts, with column types guessed
     * from the first file's first rows (or all fixed)} A chunk whose cell proves its column wider than guessed, a
     * wrong chunk start (a quote inside an unquoted field before it), or an error in a chunk other than a file's
     * first (whose line would be relative to a guess) abandons the statistics: the other chunks are then only read
     * for their types, the starts are verified as in the first pass ({@link CsvChunkScanner#verify}, which re-reads
     * the chunks that need it and reports errors at their true lines), and a second pass computes the statistics
     * with the types of all rows. Otherwise, the one pass read every row with the types the two passes would infer:
     * a row that fits the guessed types widens no column beyond them, and the guessed types come from rows of the
     * dataset. Sampling needs each row's position in the dataset before accumulating, so it always takes two passes.
     */
    private ComputedStatistics speculativePass(Pass pass, int[] prefixRanks, String name) throws IOException {
        CsvChunkScanner scanner = pass.scanner();
        List<String> header = pass.header();
        List<FeatureType> guessed = scanner.fixed().apply(CsvTypeInference.types(prefixRanks));
        List<CsvChunk> chunks = pass.chunks();
        CsvChunkScanner.Scan[] scans = new CsvChunkScanner.Scan[chunks.size()];
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        Runnable tick = () ->
                progress.update(AccumulationRun.PHASE, Math.min(done.get(), pass.totalBytes()), pass.totalBytes());
        GuessedRead read = (chunk, in, accumulator) -> {
            if (abandoned.get()) {
                return scanner.read(chunk, in);
            }
            CsvChunkScanner.Scan scan = chunkReader().read(chunk, in, header, guessed, scanner, accumulator, true);
            if (CsvTypeInference.ranksAny(scan.ranks())) {
                abandoned.set(true);
            }
            return scan;
        };
        AccumulationRun run = run();
        SlicedStatistics speculative = run.accumulate(
                chunks,
                CsvChunk::length,
                (k, chunk, accumulator) -> {
                    try (InputStream in = chunk.input().openAt(chunk.start())) {
                        scans[k] = read.read(chunk, in, accumulator);
                    } catch (InputException e) {
                        if (chunk.holdsHeader()) {
                            throw e; // a file's first chunk starts at line 1: its error names the true line
                        }
                        scans[k] = CsvChunkScanner.failedScan(header.size());
                        abandoned.set(true);
                    }
                },
                done,
                pass.totalBytes());
        Map<CsvInput, List<CsvChunkScanner.Scan>> blocks = new HashMap<>();
        for (CsvInput input : pass.inputs()) {
            if (pipelined(input)) {
                CsvGzipPipeline.Result<SlicedStatistics> result = pipeline(pass.pool())
                        .run(input, block -> 0, run::newStatistics, SlicedStatistics::merge, read::read, done, tick);
                speculative.merge(result.merged());
                blocks.put(input, result.scans());
            }
        }
        long records = 0;
        long skipped = 0;
        List<CsvChunkScanner.Scan> all = new ArrayList<>(List.of(scans));
        blocks.values().forEach(all::addAll);
        for (CsvChunkScanner.Scan scan : all) {
            records += scan.records();
            skipped += scan.skipped();
        }
        if (!abandoned.get() && chained(chunks, scans)) {
            return result(speculative, records, skipped, header, guessed, name);
        }
        // verify the starts, learn the types of all rows, and compute the statistics again with them
        List<CsvChunk> exact = new ArrayList<>();
        int[] ranks = prefixRanks.clone();
        records = 0;
        skipped = 0;
        int first = 0;
        for (int f = 0; f < pass.inputs().size(); f++) {
            CsvInput input = pass.inputs().get(f);
            List<CsvChunkScanner.Scan> fileScans;
            if (pipelined(input)) {
                fileScans = blocks.get(input);
            } else {
                List<CsvChunk> fileChunks = pass.planned().get(f);
                CsvChunkScanner.Verified file =
                        scanner.verify(fileChunks, List.of(scans).subList(first, first + fileChunks.size()), records);
                first += fileChunks.size();
                exact.addAll(file.chunks());
                fileScans = List.of(
                        new CsvChunkScanner.Scan(0, 0, 0, 0, file.ranks(), file.records(), file.skipped(), false));
            }
            for (CsvChunkScanner.Scan scan : fileScans) {
                CsvTypeInference.merge(ranks, scan.ranks());
                records += scan.records();
                skipped += scan.skipped();
            }
        }
        List<FeatureType> types = scanner.fixed().apply(CsvTypeInference.types(ranks));
        Map<CsvInput, long[]> noRows = new HashMap<>();
        for (CsvInput input : blocks.keySet()) {
            noRows.put(input, new long[blocks.get(input).size()]); // no sampling here: positions do not matter
        }
        SlicedStatistics dataset = secondPass(pass, exact, noRows, types);
        return result(dataset, records, skipped, header, types, name);
    }

    /** A speculative read of one chunk or block into a worker's statistics. */
    private interface GuessedRead {
        CsvChunkScanner.Scan read(CsvChunk chunk, InputStream in, SlicedStatistics accumulator) throws IOException;
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

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "veracity-csv-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
