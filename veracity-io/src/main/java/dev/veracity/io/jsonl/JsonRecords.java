package dev.veracity.io.jsonl;

import dev.veracity.io.BadRecords;
import dev.veracity.io.Progress;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The well-formed lines of a JSON Lines file, parsed: rejects or skips (and counts) malformed ones, so that every pass
 * over a file sees the same records.
 */
final class JsonRecords {
    static final int PROGRESS_INTERVAL = 1 << 14;

    private final JsonLineSplitter lines;
    private final JsonLineParser parser;
    private final BadRecords badRecords;
    private final Progress progress;
    private final String phase;
    private final long totalBytes;
    private long recordsRead;
    private long skippedRecords;

    /**
     * Records that report their progress every {@value #PROGRESS_INTERVAL} records.
     *
     * @param phase      what the reading is for, as the progress names it
     * @param totalBytes the size of the file
     */
    JsonRecords(
            JsonLineSplitter lines,
            JsonLineParser parser,
            BadRecords badRecords,
            Progress progress,
            String phase,
            long totalBytes) {
        this.lines = Objects.requireNonNull(lines, "lines is null");
        this.parser = Objects.requireNonNull(parser, "parser is null");
        this.badRecords = Objects.requireNonNull(badRecords, "badRecords is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
        this.phase = Objects.requireNonNull(phase, "phase is null");
        this.totalBytes = totalBytes;
    }

    /**
     * Moves to the next well-formed line; with {@link BadRecords#SKIP}, malformed lines are passed over and counted.
     *
     * @return false at the end of the file
     * @throws dev.veracity.InputException a malformed line, unless skipped; a line past the length limit, always
     */
    boolean next() throws IOException {
        while (lines.next()) {
            Optional<JsonLinesProblem> problem =
                    parser.parse(lines.bytes(), lines.start(), lines.length(), lines.line(), lines.nulAt());
            if (problem.isEmpty()) {
                recordsRead++;
                if (recordsRead % PROGRESS_INTERVAL == 0) {
                    long done = lines.bytesConsumed();
                    progress.update(phase, done, Math.max(done, totalBytes));
                }
                return true;
            }
            switch (badRecords) {
                case FAIL -> throw problem.get().toException();
                case SKIP -> skippedRecords++;
            }
        }
        return false;
    }

    /** {@return the current line, parsed} */
    ParsedLine parsed() {
        return parser.parsed();
    }

    /** {@return the 1-based number of the current line} */
    long line() {
        return lines.line();
    }

    /** {@return the lines returned by {@link #next()} so far} */
    long recordsRead() {
        return recordsRead;
    }

    /** {@return the malformed lines skipped so far} */
    long skippedRecords() {
        return skippedRecords;
    }
}
