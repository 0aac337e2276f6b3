package dev.veracity.io.csv;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads plain CSV files whose column types are all fixed on several threads: each file is cut into chunks at record
 * boundaries ({@link CsvChunkPlanner}, the cutting {@code stats} uses), a task turns each chunk's record batches into
 * a result on a worker, and the results reach the caller in file order, with at most a few chunks in flight. Chunks
 * are cut by the size of the file, never by the number of threads, so the batches, and so the results, are the same
 * for any number of threads.
 *
 * <p>Chunks are read from guessed starts. In order, each chunk is checked to start where the previous one's records
 * stopped ({@link CsvChunkScanner#verify}'s rule); a chunk that does not, or whose task failed (its lines and records
 * were relative to a guess), is read again on the caller's thread from its true start, so that an error names its
 * true line and record. The first chunk of a file holds its header; each file has its own header.
 *
 * <pre>{@code
 * CsvChunkedRead.Totals t = new CsvChunkedRead(csv, 8).read(files, (batches, chunk) -> count(batches), sum::add);
 * }</pre>
 */
public final class CsvChunkedRead {
    private static final long MIN_CHUNK_BYTES = 8L << 20;
    private static final long MAX_CHUNK_BYTES = 64L << 20;
    private static final long CHUNKS_PER_FILE = 64;

    private final CsvOptions csv;
    private final ExecutorService pool;
    private final int threads;
    private final long chunkBytes;
    private final java.util.Set<String> columns;

    /**
     * @param csv     the options, with every column's type fixed ({@link CsvOptions#withColumnTypes})
     * @param pool    the workers
     * @param threads how many workers the pool has (at least 1): twice as many chunks are in flight
     */
    public CsvChunkedRead(CsvOptions csv, ExecutorService pool, int threads) {
        this(csv, pool, threads, 0);
    }

    /** @param chunkBytes the chunks' size, or 0 to choose it from each file's size (tests set it small) */
    public CsvChunkedRead(CsvOptions csv, ExecutorService pool, int threads, long chunkBytes) {
        this(csv, pool, threads, chunkBytes, java.util.Set.of());
    }

    private CsvChunkedRead(
            CsvOptions csv, ExecutorService pool, int threads, long chunkBytes, java.util.Set<String> columns) {
        this.columns = java.util.Set.copyOf(columns);
        this.csv = Objects.requireNonNull(csv, "csv is null");
        this.pool = Objects.requireNonNull(pool, "pool is null");
        if (threads < 1) {
            throw new ConfigException("threads: expected at least 1, found " + threads);
        }
        this.threads = threads;
        this.chunkBytes = chunkBytes;
    }

    /**
     * {@return this read giving only the named columns (the others' cells are not parsed, nor checked against their
     * types); all of them when {@code kept} is empty}
     */
    public CsvChunkedRead keeping(java.util.Collection<String> kept) {
        return new CsvChunkedRead(csv, pool, threads, chunkBytes, new java.util.HashSet<>(kept));
    }

    /** {@return the chunk size for a file of {@code size} bytes: about 64 chunks, each of 8 to 64 MiB} */
    static long chunkBytesFor(long size) {
        return Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, size / CHUNKS_PER_FILE));
    }

    /** {@return whether every file can be read in chunks: plain (not gzip) CSV} */
    public static boolean splittable(List<Path> files) {
        for (Path file : files) {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
                return false;
            }
        }
        return !files.isEmpty();
    }

    /**
     * Where a chunk lies.
     *
     * @param file      the file, as messages name it
     * @param firstRow  the dataset position of its first well-formed row, 0-based (0 for a speculative chunk)
     * @param exact     whether its lines and rows are true; the task of a speculative chunk that throws is run again
     *                  with exact ones
     * @param fileStart whether it is the first chunk of its file
     */
    public record Chunk(String file, long firstRow, boolean exact, boolean fileStart) {}

    /** Turns a chunk's batches into a result. */
    @FunctionalInterface
    public interface Task<R> {
        /**
         * {@return the chunk's result} The source gives the chunk's rows in batches (a file's first chunk gives at
         * least one, possibly empty, batch, so its columns are known); it is closed by the caller.
         */
        R read(BatchSource batches, Chunk chunk) throws IOException;
    }

    /** Takes the chunks' results in file order. */
    @FunctionalInterface
    public interface InOrder<R> {
        /** Takes the next chunk's result. */
        void accept(R result) throws IOException;
    }

    /** What was read. @param records well-formed rows @param skipped malformed rows skipped */
    public record Totals(long records, long skipped) {}

    /**
     * Reads the files' chunks with the task on the pool and gives the results to {@code inOrder}, in file order.
     *
     * @throws InputException a file's errors (missing, malformed, a cell not of its fixed type), at their true lines
     * @throws ConfigException INVALID_OPTION if a column's type is not fixed
     */
    public <R> Totals read(List<Path> files, Task<R> task, InOrder<R> inOrder) throws IOException {
        long records = 0;
        long skipped = 0;
        ArrayDeque<Pending<R>> pending = new ArrayDeque<>();
        List<Planned> plan = new ArrayList<>();
        for (Path file : files) {
            CsvInput input = CsvInput.of(file);
            List<String> header = CsvReader.header(file, csv);
            CsvChunkScanner scanner = new CsvChunkScanner(header, csv);
            if (!scanner.fixed().all()) {
                throw new ConfigException(
                        dev.veracity.ErrorCode.INVALID_OPTION,
                        file + ": expected every column's type fixed for a chunked read, found some to infer");
            }
            long size = input.size();
            long chunk = chunkBytes > 0 ? chunkBytes : chunkBytesFor(size);
            List<CsvChunk> chunks = CsvChunkPlanner.plan(input, csv.quote(), chunk, pool);
            Reading reading = new Reading(
                    header,
                    scanner.fixed()
                            .apply(header.stream()
                                    .map(name -> dev.veracity.data.FeatureType.STRING)
                                    .toList()),
                    scanner);
            for (int k = 0; k < chunks.size(); k++) {
                plan.add(new Planned(chunks.get(k), k, reading));
            }
        }
        int next = 0;
        long trueStart = 0;
        long trueLine = 1;
        while (next < plan.size() || !pending.isEmpty()) {
            while (next < plan.size() && pending.size() < 2 * threads) {
                Planned planned = plan.get(next++);
                boolean exact = planned.index() == 0 && next == 1; // the dataset's first chunk: true lines and rows
                pending.add(new Pending<>(planned, pool.submit(() -> speculative(planned, task, exact))));
            }
            Pending<R> done = pending.poll();
            Planned planned = done.planned();
            Outcome<R> outcome = Workers.join(done.future());
            CsvChunk guessed = planned.chunk();
            if (planned.index() == 0) {
                trueStart = 0;
                trueLine = 1;
            } else if (trueStart >= guessed.end()) {
                continue; // the previous chunk's last record reaches past this whole chunk
            }
            CsvChunk actual = planned.index() == 0
                    ? new CsvChunk(guessed.input(), 0, guessed.end(), 1, records)
                    : new CsvChunk(guessed.input(), trueStart, guessed.end(), trueLine, records);
            long lineShift =
                    planned.index() == 0 ? 0 : trueLine - outcome.scan().firstLine();
            if (outcome.scan().failed()
                    || (planned.index() > 0 && outcome.scan().firstStart() != trueStart)) {
                outcome = read(actual, planned.reading(), task, true); // throws at the true line, if it fails
                lineShift = 0;
            }
            records += outcome.scan().records();
            skipped += outcome.scan().skipped();
            trueStart = outcome.scan().stopStart();
            trueLine = outcome.scan().stopLine() + lineShift;
            inOrder.accept(outcome.result());
        }
        return new Totals(records, skipped);
    }

    /** A file's header, its column types and its scanner. */
    private record Reading(List<String> header, List<dev.veracity.data.FeatureType> types, CsvChunkScanner scanner) {}

    /** A chunk to read and its index in its file. */
    private record Planned(CsvChunk chunk, int index, Reading reading) {}

    /** A chunk in flight. */
    private record Pending<R>(Planned planned, Future<Outcome<R>> future) {}

    /** A chunk's result and what reading it found. */
    private record Outcome<R>(R result, CsvChunkScanner.Scan scan) {}

    private <R> Outcome<R> speculative(Planned planned, Task<R> task, boolean exact) throws IOException {
        if (exact) {
            return read(planned.chunk(), planned.reading(), task, true);
        }
        try {
            return read(planned.chunk(), planned.reading(), task, false);
        } catch (InputException e) {
            return new Outcome<>(
                    null, CsvChunkScanner.failedScan(planned.reading().header().size()));
        }
    }

    private <R> Outcome<R> read(CsvChunk chunk, Reading reading, Task<R> task, boolean exact) throws IOException {
        try (InputStream in = chunk.input().openAt(chunk.start())) {
            CsvTokenizer tokenizer =
                    new CsvTokenizer(in, chunk.input().name(), csv, chunk.firstLine(), chunk.holdsHeader());
            if (chunk.holdsHeader()) {
                CsvRows.readHeader(tokenizer);
            }
            CsvRows rows = reading.scanner().rows(tokenizer, chunk);
            CsvBatches batches = new CsvBatches(
                    rows, reading.header(), reading.types(), reading.scanner().fixed(), csv.batchSize());
            if (!columns.isEmpty()) {
                batches.keeping(columns);
            }
            ChunkSource source = new ChunkSource(batches, chunk.holdsHeader());
            R result = task.read(source, new Chunk(chunk.input().name(), chunk.firstRow(), exact, chunk.holdsHeader()));
            while (source.next().isPresent()) {
                // the task stopped early: read the rest, so the chunk's end is known
            }
            return new Outcome<>(
                    result,
                    CsvChunkScanner.scanOf(chunk, rows, new int[reading.header().size()]));
        }
    }

    /** A chunk's batches as a source; a file's first chunk gives at least one batch. */
    static final class ChunkSource implements BatchSource {
        private final CsvBatches batches;
        private boolean mustGive;
        private boolean ended;

        ChunkSource(CsvBatches batches, boolean holdsHeader) {
            this.batches = batches;
            this.mustGive = holdsHeader;
        }

        @Override
        public Optional<RecordBatch> next() throws IOException {
            if (ended) {
                return Optional.empty();
            }
            RecordBatch batch = batches.next();
            if (batch.rowCount() == 0) {
                ended = true;
                if (!mustGive) {
                    return Optional.empty();
                }
            }
            mustGive = false;
            return Optional.of(batch);
        }

        @Override
        public long skippedRecords() {
            return batches.rows().skippedRecords();
        }

        @Override
        public void close() {}
    }
}
