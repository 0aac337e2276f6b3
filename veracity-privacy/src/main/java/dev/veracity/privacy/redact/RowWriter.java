package dev.veracity.privacy.redact;

import java.io.IOException;
import java.util.List;

/** Writes rows of cells to an output stream in one format. */
interface RowWriter {
    /** Writes what comes before the rows (the CSV header). */
    void start(List<String> names) throws IOException;

    /**
     * Writes one row.
     *
     * @param row     the 1-based number of the row in the input, for errors
     * @param cells   one cell per name given to {@link #start}
     */
    void row(long row, List<OutputCell> cells) throws IOException;

    /** Flushes what is buffered (the stream is closed by its owner). */
    void finish() throws IOException;
}
