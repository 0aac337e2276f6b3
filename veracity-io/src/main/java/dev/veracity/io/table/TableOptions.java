package dev.veracity.io.table;

import dev.veracity.io.BadRecords;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.csv.CsvOptions;
import java.util.Objects;

/**
 * How {@link Table} opens a file.
 *
 * <pre>{@code
 * TableOptions options = TableOptions.DEFAULT.withBadRecords(BadRecords.SKIP).withCsvAsText(true);
 * }</pre>
 *
 * @param read      the readers' options: format ({@code --format}; empty to detect it), CSV delimiter, bad-record
 *                  policy, batch size
 * @param csvAsText whether CSV columns are all read as STRING, keeping values as written (a zip code {@code 02139}
 *                  keeps its zero, a card number is not a number) and reading the file once; else their types are
 *                  inferred as {@code stats} infers them. Other formats keep the types their values carry.
 */
public record TableOptions(ReadOptions read, boolean csvAsText) {
    /** Detect the format, infer CSV types, fail on a malformed record. */
    public static final TableOptions DEFAULT = new TableOptions(ReadOptions.DEFAULT, false);

    public TableOptions {
        Objects.requireNonNull(read, "read is null");
    }

    /** {@return these options reading files with these reader options} */
    public static TableOptions of(ReadOptions read) {
        return new TableOptions(read, false);
    }

    /** {@return these options with CSV columns read as text, or with their types inferred} */
    public TableOptions withCsvAsText(boolean asText) {
        return new TableOptions(read, asText);
    }

    /** {@return these options with other CSV settings} */
    public TableOptions withCsv(CsvOptions csv) {
        return new TableOptions(read.withCsv(csv), csvAsText);
    }

    /** {@return these options with another bad-record policy} */
    public TableOptions withBadRecords(BadRecords policy) {
        return new TableOptions(read.withBadRecords(policy), csvAsText);
    }

    /** {@return the CSV settings (delimiter, bad-record policy, batch size)} */
    public CsvOptions csv() {
        return read.csv();
    }
}
