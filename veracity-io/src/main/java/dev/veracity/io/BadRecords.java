package dev.veracity.io;

/**
 * What a reader does with a malformed record: a ragged CSV row, text after a closing quote, a JSON line that is not
 * an object or conflicts with a feature's type.
 *
 * <pre>{@code
 * CsvReader.open(path, CsvOptions.DEFAULT.withBadRecords(BadRecords.SKIP));
 * }</pre>
 */
public enum BadRecords {
    /** Throw an {@link dev.veracity.InputException} naming the file, line and field. */
    FAIL,
    /** Drop the record and count it (the readers' {@code skippedRecords()}). */
    SKIP
}
