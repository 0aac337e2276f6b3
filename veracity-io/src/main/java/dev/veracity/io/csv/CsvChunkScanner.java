package dev.veracity.io.csv;

import dev.veracity.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pass over the chunks of a file: infers column types and finds where each chunk's records really start.
 *
 * <p>Chunks are first read in parallel from their guessed starts ({@link #guess}). {@link #verify} then walks them in
 * file order: a chunk's guess is right when its first record starts where the previous chunk's last record ended;
 * otherwise (a guess inside a quoted field) the chunk is read again from the true start. The verified chunks carry
 * exact starts and absolute line numbers, so the second pass needs no guessing and every error names the right line.
 */
final class CsvChunkScanner {
    /** Where a chunk's records start or stop when they reach the end of the file. */
    static final long END_OF_FILE = Long.MAX_VALUE;

    private final List<String> header;
    private final CsvOptions options;
    private final CsvFixedTypes fixed;

    CsvChunkScanner(List<String> header, CsvOptions options) {
        this.header = List.copyOf(header);
        this.options = options;
        this.fixed = CsvFixedTypes.of(header, options.columnTypes(), options.privateColumns());
    }

    /** {@return the columns whose types the options fix} */
    CsvFixedTypes fixed() {
        return fixed;
    }

    /**
     * What reading one chunk found. Offsets are in the file; lines as counted from the chunk's {@code firstLine}.
     *
     * @param firstStart where its first record starts ({@link #END_OF_FILE} if none)
     * @param firstLine  the line of its first record
     * @param stopStart  where the first record past the chunk starts ({@link #END_OF_FILE} at the end of the file)
     * @param stopLine   the line of that record
     * @param ranks      the widest type seen per column (see {@link CsvTypeInference})
     * @param records    well-formed rows
     * @param skipped    malformed rows skipped
     * @param failed     whether reading stopped at an error (which a verified re-read reports with its true line)
     */
    record Scan(
            long firstStart,
            long firstLine,
            long stopStart,
            long stopLine,
            int[] ranks,
            long records,
            long skipped,
            boolean failed) {}

    /**
     * The verified first pass of a file.
     *
     * @param chunks  the chunks with exact starts and absolute first lines
     * @param ranks   the widest type seen per column over the file
     * @param records well-formed rows in the file
     * @param skipped malformed rows skipped
     */
    record Verified(List<CsvChunk> chunks, int[] ranks, long records, long skipped) {}

    /** {@return what reading a chunk from its guessed start finds; an error makes a failed scan, not an exception} */
    Scan guess(CsvChunk chunk) throws IOException {
        try {
            return read(chunk);
        } catch (InputException e) {
            return failedScan(header.size());
        }
    }

    /** {@return the scan of a chunk whose reading stopped at an error, which a verified re-read reports} */
    static Scan failedScan(int columnCount) {
        return new Scan(END_OF_FILE, 0, END_OF_FILE, 0, new int[columnCount], 0, 0, true);
    }

    /**
     * {@return the chunks of a file with verified starts, given the guessed scans of its chunks, in order}
     *
     * @param firstRow the dataset position of the file's first row (the rows of earlier files)
     */
    Verified verify(List<CsvChunk> chunks, List<Scan> scans, long firstRow) throws IOException {
        List<CsvChunk> exact = new ArrayList<>(chunks.size());
        int[] ranks = new int[header.size()];
        long records = 0;
        long skipped = 0;
        long trueStart = 0;
        long trueLine = 1;
        for (int k = 0; k < chunks.size(); k++) {
            CsvChunk guessed = chunks.get(k);
            if (k > 0 && trueStart >= guessed.end()) {
                continue; // the previous chunk's last record reaches past this whole chunk
            }
            Scan scan = scans.get(k);
            CsvChunk actual;
            long lineShift;
            if (k == 0) {
                actual = new CsvChunk(guessed.input(), 0, guessed.end(), 1, firstRow);
                lineShift = 0;
            } else {
                actual = new CsvChunk(guessed.input(), trueStart, guessed.end(), trueLine, firstRow + records);
                lineShift = trueLine - scan.firstLine();
            }
            if (scan.failed() || (k > 0 && scan.firstStart() != trueStart)) {
                scan = read(actual); // throws the error of a failed chunk, now with its true line
                lineShift = 0;
            }
            CsvTypeInference.merge(ranks, scan.ranks());
            records += scan.records();
            skipped += scan.skipped();
            exact.add(actual);
            trueStart = scan.stopStart();
            trueLine = scan.stopLine() + lineShift;
        }
        return new Verified(List.copyOf(exact), ranks, records, skipped);
    }

    private Scan read(CsvChunk chunk) throws IOException {
        try (InputStream in = chunk.input().openAt(chunk.start())) {
            return read(chunk, in);
        }
    }

    /** {@return what reading a chunk from {@code in}, its bytes from its start on, finds} */
    Scan read(CsvChunk chunk, InputStream in) throws IOException {
        CsvTokenizer tokenizer =
                new CsvTokenizer(in, chunk.input().name(), options, chunk.firstLine(), chunk.holdsHeader());
        if (chunk.holdsHeader()) {
            CsvRows.readHeader(tokenizer);
        }
        CsvRows rows = rows(tokenizer, chunk);
        return scanOf(chunk, rows, CsvTypeInference.scan(rows, fixed, header.size()));
    }

    /** {@return what reading the rows of a chunk, now at their end, found} */
    static Scan scanOf(CsvChunk chunk, CsvRows rows, int[] ranks) {
        CsvTokenizer tokenizer = rows.tokenizer();
        long first = rows.firstRecordStart() < 0 ? END_OF_FILE : chunk.start() + rows.firstRecordStart();
        long stop = rows.stoppedAtLimit() ? chunk.start() + tokenizer.recordStart() : END_OF_FILE;
        long stopLine = rows.stoppedAtLimit() ? tokenizer.line() : 0;
        return new Scan(
                first, rows.firstRecordLine(), stop, stopLine, ranks, rows.recordsRead(), rows.skippedRecords(), false);
    }

    /** {@return the rows of a chunk, from a tokenizer at its start (past the header, if it holds it)} */
    CsvRows rows(CsvTokenizer tokenizer, CsvChunk chunk) {
        CsvRows rows = new CsvRows(tokenizer, header, options.badRecords());
        if (chunk.end() != Long.MAX_VALUE) {
            rows.stopBefore(chunk.end() - chunk.start());
        }
        return rows;
    }
}
