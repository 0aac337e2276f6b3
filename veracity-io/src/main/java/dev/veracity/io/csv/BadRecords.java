package dev.veracity.io.csv;

/**
 * What a reader does with a malformed data row (a ragged row, or text after a closing quote).
 *
 * <pre>{@code
 * CsvReader.open(path, CsvOptions.DEFAULT.withBadRecords(BadRecords.SKIP));
 * }</pre>
 */
public enum BadRecords {
    /** Throw an {@link dev.veracity.InputException} naming the file, line and field. */
    FAIL,
    /** Drop the row and count it in {@link CsvReader#skippedRecords()}. */
    SKIP
}
