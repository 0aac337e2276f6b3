package dev.veracity.io.csv;

import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.FeatureType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * CSV files cut into splits at record boundaries for a distributed reader (the Beam engine), by the local engine's
 * rules and code: {@link #plan} cuts a file at guessed record starts ({@link CsvChunkPlanner}); {@link #guess} reads a
 * split from its guessed start, ranking column types; {@link #verify} walks a file's guesses in order and re-reads a
 * split whose guess was wrong (a quoted line break or a stray quote misled the planner) from its true start, so splits
 * get exact starts, lines and row positions; {@link #read} gives a verified split's records as batches. Records may
 * hold quoted line breaks, and errors name true lines. Every value here is serializable, to travel between workers.
 *
 * <pre>{@code
 * CsvSplits splits = new CsvSplits(header, CsvOptions.DEFAULT);
 * List<CsvSplits.Split> planned = CsvSplits.plan(new CsvSplits.File("a.csv", 0, size), opener, CsvOptions.DEFAULT, 0);
 * List<CsvSplits.Guess> guesses = planned.stream().map(s -> splits.guess(s, opener)).toList();
 * CsvSplits.Verified verified = splits.verify(guesses, opener, 0);
 * BatchSource batches = splits.read(verified.splits().get(0), opener, splits.types(verified.ranks()));
 * }</pre>
 */
public final class CsvSplits {
    private final List<String> header;
    private final CsvOptions options;
    private final CsvChunkScanner scanner;

    /**
     * @param header  the column names, which every file's header must repeat
     * @param options delimiter, quote, bad-record policy, batch size and the types fixed by a schema
     */
    public CsvSplits(List<String> header, CsvOptions options) {
        this.header = List.copyOf(header);
        this.options = Objects.requireNonNull(options, "options is null");
        this.scanner = new CsvChunkScanner(this.header, options);
    }

    /** Opens a file's stored bytes (compressed, for gzip) from an offset; a gzip file only from 0. */
    @FunctionalInterface
    public interface Opener {
        /** {@return the bytes from {@code offset} on} */
        InputStream openAt(long offset) throws IOException;
    }

    /**
     * A file of the dataset.
     *
     * @param name   the file as messages name it; gzip-compressed if it ends in {@code .gz}
     * @param index  its position among the dataset's files, 0-based
     * @param size   its size in bytes, as stored
     */
    public record File(String name, int index, long size) implements Serializable {
        private static final long serialVersionUID = 1L;

        public File {
            Objects.requireNonNull(name, "name is null");
        }

        private CsvInput input(Opener opener) {
            return new CsvInput(name, size, CsvInput.gzip(name), opener);
        }
    }

    /**
     * A part of a file: the records that start in {@code [start, end)}.
     *
     * @param file      the file
     * @param index     its position among the file's splits, 0-based
     * @param start     where its first record starts (guessed, before {@link #verify})
     * @param end       where the next split's first record starts (guessed); {@link Long#MAX_VALUE} for the last
     * @param firstLine the 1-based line of its first byte (exact after {@link #verify})
     * @param firstRow  the dataset position of its first well-formed row (exact after {@link #verify})
     */
    public record Split(File file, int index, long start, long end, long firstLine, long firstRow)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Split {
            Objects.requireNonNull(file, "file is null");
        }

        private CsvChunk chunk(Opener opener) {
            return new CsvChunk(file.input(opener), start, end, firstLine, firstRow);
        }
    }

    /**
     * What reading a split from its guessed start found; offsets in the file, lines counted from the guess.
     *
     * @param split      the split as planned
     * @param firstStart where its first record starts ({@link Long#MAX_VALUE} if none)
     * @param firstLine  the line of its first record
     * @param stopStart  where the first record past the split starts ({@link Long#MAX_VALUE} at the file's end)
     * @param stopLine   the line of that record
     * @param ranks      the widest type seen per column
     * @param records    well-formed rows
     * @param skipped    malformed rows skipped
     * @param failed     whether reading stopped at an error (which {@link #verify} reports at its true line)
     */
    public record Guess(
            Split split,
            long firstStart,
            long firstLine,
            long stopStart,
            long stopLine,
            int[] ranks,
            long records,
            long skipped,
            boolean failed)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        private CsvChunkScanner.Scan scan() {
            return new CsvChunkScanner.Scan(
                    firstStart, firstLine, stopStart, stopLine, ranks.clone(), records, skipped, failed);
        }
    }

    /**
     * A file's splits after verification.
     *
     * @param splits  with exact starts, lines and row positions
     * @param ranks   the widest type seen per column over the file
     * @param records well-formed rows in the file
     * @param skipped malformed rows skipped
     */
    public record Verified(List<Split> splits, int[] ranks, long records, long skipped) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * {@return the file's splits at guessed record starts, about {@code splitBytes} each (one for gzip or a small
     * file)} Reads the whole file once, counting quotes.
     *
     * @param splitBytes the splits' size, or 0 for the local engine's choice from the file's size
     */
    public static List<Split> plan(File file, Opener opener, CsvOptions options, long splitBytes) throws IOException {
        long bytes = splitBytes > 0 ? splitBytes : CsvChunkedRead.chunkBytesFor(file.size());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<CsvChunk> chunks = CsvChunkPlanner.plan(file.input(opener), options.quote(), bytes, pool);
            List<Split> splits = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                CsvChunk chunk = chunks.get(i);
                splits.add(new Split(file, i, chunk.start(), chunk.end(), 1, 0));
            }
            return List.copyOf(splits);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@return what reading a split from its guessed start finds; an error makes a failed guess, not an exception} */
    public Guess guess(Split split, Opener opener) throws IOException {
        CsvChunkScanner.Scan scan = scanner.guess(split.chunk(opener));
        return new Guess(
                split,
                scan.firstStart(),
                scan.firstLine(),
                scan.stopStart(),
                scan.stopLine(),
                scan.ranks(),
                scan.records(),
                scan.skipped(),
                scan.failed());
    }

    /**
     * {@return a file's splits with verified starts, given the guesses of all its splits (in any order)}
     *
     * @param firstRow the dataset position of the file's first row (the rows of earlier files)
     * @throws InputException the file's first error (a malformed record, unless skipped), at its true line
     */
    public Verified verify(List<Guess> guesses, Opener opener, long firstRow) throws IOException {
        List<Guess> sorted = new ArrayList<>(guesses);
        sorted.sort(java.util.Comparator.comparingInt(g -> g.split().index()));
        List<CsvChunk> chunks = new ArrayList<>(sorted.size());
        List<CsvChunkScanner.Scan> scans = new ArrayList<>(sorted.size());
        for (Guess guess : sorted) {
            chunks.add(guess.split().chunk(opener));
            scans.add(guess.scan());
        }
        CsvChunkScanner.Verified verified = scanner.verify(chunks, scans, firstRow);
        File file = sorted.get(0).split().file();
        List<Split> exact = new ArrayList<>(verified.chunks().size());
        for (int i = 0; i < verified.chunks().size(); i++) {
            CsvChunk chunk = verified.chunks().get(i);
            exact.add(new Split(file, i, chunk.start(), chunk.end(), chunk.firstLine(), chunk.firstRow()));
        }
        return new Verified(List.copyOf(exact), verified.ranks(), verified.records(), verified.skipped());
    }

    /** {@return no column ranked yet: the identity of {@link #widen}} */
    public int[] noRanks() {
        return new int[header.size()];
    }

    /** Widens {@code into} by {@code ranks}, column by column; associative and commutative. */
    public static void widen(int[] into, int[] ranks) {
        CsvTypeInference.merge(into, ranks);
    }

    /** {@return the column types that ranks stand for: the fixed type where there is one; INT for a column without values} */
    public List<FeatureType> types(int[] ranks) {
        return scanner.fixed().apply(CsvTypeInference.types(Arrays.copyOf(ranks, ranks.length)));
    }

    /**
     * {@return the records of a verified split as batches of the given types} A file's first split gives at least one
     * (possibly empty) batch, so that its columns are known. The caller closes the source.
     */
    public BatchSource read(Split split, Opener opener, List<FeatureType> types) throws IOException {
        CsvChunk chunk = split.chunk(opener);
        InputStream in = chunk.input().openAt(chunk.start());
        try {
            CsvTokenizer tokenizer =
                    new CsvTokenizer(in, chunk.input().name(), options, chunk.firstLine(), chunk.holdsHeader());
            if (chunk.holdsHeader()) {
                CsvRows.readHeader(tokenizer);
            }
            CsvRows rows = scanner.rows(tokenizer, chunk);
            CsvBatches batches = new CsvBatches(rows, header, types, scanner.fixed(), options.batchSize());
            return new Closing(new CsvChunkedRead.ChunkSource(batches, chunk.holdsHeader()), in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * {@return the column names in a file's header, checked as the local reader checks them}
     *
     * @throws InputException CSV_EMPTY_FILE, CSV_BAD_HEADER, or a syntax error in the header, naming the file
     */
    public static List<String> header(File file, Opener opener, CsvOptions options) throws IOException {
        CsvInput input = file.input(opener);
        try (InputStream in = input.openAt(0)) {
            return CsvRows.readHeader(new CsvTokenizer(in, input.name(), options, 1, true));
        }
    }

    /** A split's batches, closing the file's stream with the source. */
    private record Closing(BatchSource batches, InputStream in) implements BatchSource {
        @Override
        public java.util.Optional<dev.veracity.data.RecordBatch> next() throws IOException {
            return batches.next();
        }

        @Override
        public long skippedRecords() {
            return batches.skippedRecords();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
