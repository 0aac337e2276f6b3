package dev.veracity.io.csv;

import dev.veracity.VeracityException;
import dev.veracity.io.InputFiles;
import dev.veracity.io.Workers;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

/**
 * Reads a gzip CSV file on several threads although it cannot be split: one thread inflates it and cuts it into blocks
 * of whole records ({@link CsvBlockCutter}), the workers read the blocks as chunks of the file, each block into its
 * own state, and the states are merged in block order as they finish. Memory is bounded by a queue of two blocks per
 * worker. With one worker, the calling thread inflates, cuts and reads the same blocks itself, so the states, and the
 * statistics, are the same for any number of workers.
 *
 * <p>Blocks carry their first line, so errors name the true line. When blocks fail, the error of the first failing
 * block in file order is thrown, as a sequential read would report it: the workers still read every block before it.
 */
final class CsvGzipPipeline {
    /** The size of blocks when tests do not choose it. */
    static final int DEFAULT_BLOCK_BYTES = 2 << 20;

    private static final int BLOCKS_PER_WORKER = 2;
    private static final CsvBlockCutter.Block END = new CsvBlockCutter.Block(-1, 0, 1, new byte[0], 0);

    /** What a worker does with one block: reads it as the chunk, from {@code in}, into its state. */
    interface BlockTask<S> {
        CsvChunkScanner.Scan read(CsvChunk chunk, InputStream in, S state) throws IOException;
    }

    /**
     * What reading all blocks gave.
     *
     * @param merged the blocks' states merged in block order (a new state if the file has no block)
     * @param scans  per block, in file order, what reading it found
     */
    record Result<S>(S merged, List<CsvChunkScanner.Scan> scans) {}

    private final CsvOptions csv;
    private final ExecutorService pool;
    private final int workers;
    private final int blockBytes;

    /**
     * @param workers    how many threads of {@code pool} read blocks; the inflating thread is one more
     * @param blockBytes the size of blocks to aim at
     */
    CsvGzipPipeline(CsvOptions csv, ExecutorService pool, int workers, int blockBytes) {
        this.csv = Objects.requireNonNull(csv, "csv is null");
        this.pool = Objects.requireNonNull(pool, "pool is null");
        if (workers < 1 || blockBytes < 1) {
            throw new IllegalArgumentException("workers and blockBytes must be positive");
        }
        this.workers = workers;
        this.blockBytes = blockBytes;
    }

    /**
     * {@return the blocks' states merged in order and the blocks' scans after reading all blocks of a gzip file}
     *
     * @param firstRow per block index, the dataset position of its first row (0 where it does not matter)
     * @param newState a new state for each block
     * @param merge    merges a later block's state into the merged states of the blocks before it
     * @param done     grows by the compressed bytes read, for progress
     * @param tick     called about every 200 ms while the workers run
     */
    <S> Result<S> run(
            CsvInput input,
            IntToLongFunction firstRow,
            Supplier<S> newState,
            BiConsumer<S, S> merge,
            BlockTask<S> task,
            AtomicLong done,
            Runnable tick)
            throws IOException {
        if (workers == 1) {
            return runHere(input, firstRow, newState, merge, task, done, tick);
        }
        BlockingQueue<CsvBlockCutter.Block> queue = new ArrayBlockingQueue<>(BLOCKS_PER_WORKER * workers);
        Map<Integer, CsvChunkScanner.Scan> scans = new ConcurrentSkipListMap<>();
        InOrder<S> states = new InOrder<>(merge);
        Failures failures = new Failures();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService inflater = Executors.newSingleThreadExecutor(task1 -> {
            Thread thread = new Thread(task1, "veracity-gunzip");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> cutting = inflater.submit(() -> {
                cut(input, queue, failures, stop, done);
                return null;
            });
            List<Callable<Void>> tasks = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                tasks.add(() -> {
                    for (CsvBlockCutter.Block block = queue.take(); block != END; block = queue.take()) {
                        if (block.index() > failures.firstIndex()) {
                            continue; // an earlier block failed: its error is the one to report
                        }
                        try {
                            S state = newState.get();
                            scans.put(block.index(), read(input, block, firstRow, task, state));
                            states.add(block.index(), state);
                        } catch (VeracityException | IOException | UncheckedIOException e) {
                            failures.add(block.index(), e);
                        }
                    }
                    return null;
                });
            }
            Workers.invokeAll(pool, tasks, tick);
            Workers.join(cutting);
            failures.rethrow();
            return new Result<>(states.merged().orElseGet(newState), List.copyOf(scans.values()));
        } finally {
            stop.set(true);
            inflater.shutdownNow();
        }
    }

    /** Reads the blocks one after the other on the calling thread: the same blocks as the pipeline's. */
    private <S> Result<S> runHere(
            CsvInput input,
            IntToLongFunction firstRow,
            Supplier<S> newState,
            BiConsumer<S, S> merge,
            BlockTask<S> task,
            AtomicLong done,
            Runnable tick)
            throws IOException {
        List<CsvChunkScanner.Scan> scans = new ArrayList<>();
        S merged = null;
        try (CountingStream file = new CountingStream(input.openCompressed());
                InputStream in = InputFiles.gunzip(file, input.name())) {
            CsvBlockCutter cutter = new CsvBlockCutter(in, csv, blockBytes, CsvTokenizer.MAX_RECORD_BYTES);
            long counted = 0;
            for (Optional<CsvBlockCutter.Block> block = cutter.next(); block.isPresent(); block = cutter.next()) {
                S state = newState.get();
                scans.add(read(input, block.get(), firstRow, task, state));
                if (merged == null) {
                    merged = state;
                } else {
                    merge.accept(merged, state);
                }
                done.addAndGet(file.count - counted);
                counted = file.count;
                tick.run();
            }
        }
        return new Result<>(merged == null ? newState.get() : merged, scans);
    }

    private static <S> CsvChunkScanner.Scan read(
            CsvInput input, CsvBlockCutter.Block block, IntToLongFunction firstRow, BlockTask<S> task, S state)
            throws IOException {
        CsvChunk chunk = new CsvChunk(
                input, block.offset(), Long.MAX_VALUE, block.firstLine(), firstRow.applyAsLong(block.index()));
        return task.read(chunk, new ByteArrayInputStream(block.bytes(), 0, block.length()), state);
    }

    /** The states of finished blocks, merged in block order as soon as the blocks before them are merged. */
    private static final class InOrder<S> {
        private final BiConsumer<S, S> merge;
        private final Map<Integer, S> waiting = new java.util.HashMap<>();
        private int next;
        private S merged;

        InOrder(BiConsumer<S, S> merge) {
            this.merge = merge;
        }

        synchronized void add(int index, S state) {
            waiting.put(index, state);
            for (S ready = waiting.remove(next); ready != null; ready = waiting.remove(next)) {
                if (merged == null) {
                    merged = ready;
                } else {
                    merge.accept(merged, ready);
                }
                next++;
            }
        }

        synchronized Optional<S> merged() {
            return Optional.ofNullable(merged);
        }
    }

    private void cut(
            CsvInput input,
            BlockingQueue<CsvBlockCutter.Block> queue,
            Failures failures,
            AtomicBoolean stop,
            AtomicLong done)
            throws InterruptedException {
        int blocks = 0;
        try (CountingStream file = new CountingStream(input.openCompressed());
                InputStream in = InputFiles.gunzip(file, input.name())) {
            CsvBlockCutter cutter = new CsvBlockCutter(in, csv, blockBytes, CsvTokenizer.MAX_RECORD_BYTES);
            long counted = 0;
            for (Optional<CsvBlockCutter.Block> block = cutter.next();
                    block.isPresent() && !stop.get() && failures.firstIndex() == Integer.MAX_VALUE;
                    block = cutter.next()) {
                put(queue, block.get(), stop);
                blocks++;
                done.addAndGet(file.count - counted);
                counted = file.count;
            }
        } catch (IOException | RuntimeException e) {
            failures.add(blocks, e); // after the blocks already handed out, as a sequential read would meet it
        } finally {
            for (int w = 0; w < workers; w++) {
                put(queue, END, stop);
            }
        }
    }

    private static void put(BlockingQueue<CsvBlockCutter.Block> queue, CsvBlockCutter.Block block, AtomicBoolean stop)
            throws InterruptedException {
        while (!queue.offer(block, 100, TimeUnit.MILLISECONDS)) {
            if (stop.get()) {
                return; // the workers are gone (one died): nobody takes it
            }
        }
    }

    /** The failures of blocks, of which the one of the first block in file order is reported. */
    private static final class Failures {
        private final AtomicReference<Map.Entry<Integer, Exception>> first = new AtomicReference<>();

        void add(int index, Exception e) {
            first.accumulateAndGet(Map.entry(index, e), (a, b) -> a == null || b.getKey() < a.getKey() ? b : a);
        }

        int firstIndex() {
            Map.Entry<Integer, Exception> failure = first.get();
            return failure == null ? Integer.MAX_VALUE : failure.getKey();
        }

        void rethrow() throws IOException {
            Map.Entry<Integer, Exception> failure = first.get();
            if (failure == null) {
                return;
            }
            Exception e = failure.getValue();
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            throw (RuntimeException) e;
        }
    }

    /** Counts the compressed bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
