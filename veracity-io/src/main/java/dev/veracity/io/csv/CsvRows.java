package dev.veracity.io.csv;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import dev.veracity.io.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data rows of a CSV file after its header: rejects or skips (and counts) malformed ones, so that every pass over
 * a file sees the same rows.
 */
final class CsvRows {
    static final int PROGRESS_INTERVAL = 1 << 14;

    private final CsvTokenizer tokenizer;
    private final int columnCount;
    private final BadRecords badRecords;
    private final Progress progress;
    private final String phase;
    private final long totalBytes;
    private long recordsRead;
    private long skippedRecords;
    private long limit = Long.MAX_VALUE;
    private boolean stopped;
    private long firstRecordStart = -1;
    private long firstRecordLine;

    /**
     * Rows that follow a header already read from {@code tokenizer}.
     *
     * @param columnNames the header, which names the fields in later messages
     */
    CsvRows(CsvTokenizer tokenizer, List<String> columnNames, BadRecords badRecords) {
        this(tokenizer, columnNames, badRecords, Progress.NONE, "", 0);
    }

    /**
     * Rows that report their progress every {@value #PROGRESS_INTERVAL} records.
     *
     * @param phase      what the reading is for, as the progress names it
     * @param totalBytes the size of the file
     */
    CsvRows(
            CsvTokenizer tokenizer,
            List<String> columnNames,
            BadRecords badRecords,
            Progress progress,
            String phase,
            long totalBytes) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer is null");
        this.badRecords = Objects.requireNonNull(badRecords, "badRecords is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
        this.phase = Objects.requireNonNull(phase, "phase is null");
        this.totalBytes = totalBytes;
        this.columnCount = columnNames.size();
        tokenizer.nameColumns(columnNames);
    }

    /**
     * The longest column name in bytes: accumulators store feature names as Java's modified UTF-8 of at most 65,535
     * bytes, which can take twice the UTF-8 bytes (a NUL takes two).
     */
    static final int MAX_NAME_BYTES = 32_767;

    /**
     * Reads the header: the first record that is not a blank line, decoded as UTF-8 (malformed bytes replaced).
     *
     * @return the column names, unique and non-empty
     * @throws InputException CSV_EMPTY_FILE, CSV_BAD_HEADER, or a syntax error in the header (always fatal)
     */
    static List<String> readHeader(CsvTokenizer tokenizer) throws IOException {
        String file = tokenizer.fileName();
        if (!tokenizer.next()) {
            throw new InputException(ErrorCode.CSV_EMPTY_FILE, file + ": expected a header row, found an empty file");
        }
        Optional<CsvProblem> problem = tokenizer.problem();
        if (problem.isPresent()) {
            throw problem.get().toException();
        }
        List<String> names = new ArrayList<>(tokenizer.fieldCount());
        Map<String, Integer> firstColumn = new HashMap<>();
        byte[] bytes = tokenizer.bytes();
        for (int i = 0; i < tokenizer.fieldCount(); i++) {
            int start = tokenizer.fieldStart(i);
            String place = file + ":" + tokenizer.line() + ":" + (i + 1);
            int length = tokenizer.fieldEnd(i) - start;
            if (length > MAX_NAME_BYTES) {
                throw new InputException(
                        ErrorCode.CSV_BAD_HEADER,
                        place + ": expected a column name of at most " + MAX_NAME_BYTES
                                + " bytes in the header, found one of " + length + " bytes");
            }
            String name = new String(bytes, start, length, StandardCharsets.UTF_8);
            if (name.isEmpty()) {
                throw new InputException(
                        ErrorCode.CSV_BAD_HEADER,
                        place + ": expected a column name in the header, found an empty field");
            }
            Integer earlier = firstColumn.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new InputException(
                        ErrorCode.CSV_BAD_HEADER,
                        place + " (" + name
                                + "): expected a unique column name in the header, found the name of column " + earlier
                                + " again");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /**
     * Moves to the next well-formed row; with {@link BadRecords#SKIP}, malformed rows are passed over and counted.
     *
     * @return false at the end of the data
     * @throws InputException a ragged row or a syntax error, unless skipped; a record past the length limit, always
     */
    boolean next() throws IOException {
        if (stopped) {
            return false; // stay on the first record past the limit, which the next chunk's start is checked against
        }
        while (tokenizer.next()) {
            if (firstRecordStart < 0) {
                firstRecordStart = tokenizer.recordStart();
                firstRecordLine = tokenizer.line();
            }
            if (tokenizer.recordStart() >= limit) {
                stopped = true;
                return false;
            }
            Optional<CsvProblem> problem = tokenizer.problem();
            if (problem.isEmpty() && tokenizer.fieldCount() == columnCount) {
                recordsRead++;
                if (recordsRead % PROGRESS_INTERVAL == 0) {
                    long done = tokenizer.bytesConsumed();
                    progress.update(phase, done, Math.max(done, totalBytes));
                }
                return true;
            }
            CsvProblem found = problem.orElseGet(this::ragged);
            switch (badRecords) {
                case FAIL -> throw found.toException();
                case SKIP -> skippedRecords++;
            }
        }
        return false;
    }

    /**
     * Rejects the row {@link #next()} just returned, which a later check found malformed (a cell that does not parse
     * as the schema's type): it no longer counts as read, and with {@link BadRecords#SKIP} it counts as skipped.
     *
     * @throws InputException the problem, with {@link BadRecords#FAIL}
     */
    void reject(CsvProblem problem) {
        recordsRead--;
        switch (badRecords) {
            case FAIL -> throw problem.toException();
            case SKIP -> skippedRecords++;
        }
    }

    /**
     * Ends the rows before the first record that starts at or after {@code offset} in the stream: that record belongs
     * to the next chunk of the file. {@link #next()} reads it (to learn where it starts) but does not return it.
     */
    void stopBefore(long offset) {
        limit = offset;
    }

    /** {@return whether the rows ended at the limit of {@link #stopBefore}, with the tokenizer at the first record past it} */
    boolean stoppedAtLimit() {
        return stopped;
    }

    /** {@return the stream offset of the first record read (good, bad or past the limit), or -1 if none} */
    long firstRecordStart() {
        return firstRecordStart;
    }

    /** {@return the line of the first record read, as the tokenizer counts lines} */
    long firstRecordLine() {
        return firstRecordLine;
    }

    /** {@return the tokenizer, positioned at the current row} */
    CsvTokenizer tokenizer() {
        return tokenizer;
    }

    /** {@return the rows returned by {@link #next()} so far} */
    long recordsRead() {
        return recordsRead;
    }

    /** {@return the malformed rows skipped so far} */
    long skippedRecords() {
        return skippedRecords;
    }

    private CsvProblem ragged() {
        int found = tokenizer.fieldCount();
        int field = Math.min(found, columnCount) + 1;
        return new CsvProblem(
                ErrorCode.CSV_RAGGED_ROW,
                tokenizer.fileName() + ":" + tokenizer.line() + ":" + field + ": expected " + columnCount
                        + " fields as in the header, found " + found);
    }
}
