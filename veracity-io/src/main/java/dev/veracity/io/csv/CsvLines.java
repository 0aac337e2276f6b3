package dev.veracity.io.csv;

import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Reads CSV records that arrive as lines without their file, such as the lines of Apache Beam's {@code TextIO}: the
 * same tokenizer, type ranks and typed batches as {@link CsvReader}, applied to a block of whole lines joined by line
 * ends. Type inference is split in two, so that partial results can be combined anywhere: {@link #rank} widens
 * per-column ranks, mergeable by maximum ({@link #widen}), and {@link #types} turns them into the column types.
 *
 * <p>A record must fit on its line: a quoted line break makes an unterminated quote. The lines' numbers in their files
 * are unknown, so a message names the source and quotes the record ({@code data/*.csv record "1,x":1:2 (b): expected
 * ...}, the line after the quote being the record's own first line).
 *
 * <pre>{@code
 * CsvLines lines = new CsvLines("data/*.csv", CsvLines.header(firstLine, "data/a.csv", CsvOptions.DEFAULT), CsvOptions.DEFAULT);
 * int[] ranks = lines.rank(text, lines.noRanks());
 * CsvLines.Parsed parsed = lines.parse(text, lines.types(ranks));
 * }</pre>
 */
public final class CsvLines {
    private static final int SHOWN_RECORD_CHARS = 80;
    private final String source;
    private final List<String> header;
    private final CsvOptions options;
    private final CsvFixedTypes fixed;

    /**
     * @param source  what messages name: the file pattern the lines come from
     * @param header  the column names (see {@link #header})
     * @param options delimiter, quote, bad-record policy and the types fixed by a schema
     */
    public CsvLines(String source, List<String> header, CsvOptions options) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.header = List.copyOf(header);
        this.options = Objects.requireNonNull(options, "options is null");
        this.fixed = CsvFixedTypes.of(this.header, options.columnTypes(), options.privateColumns());
    }

    /**
     * {@return the column names in the header line of a file, checked as {@link CsvReader} checks them}
     *
     * @param text the file's first bytes, holding at least its header record
     * @throws InputException CSV_EMPTY_FILE, CSV_BAD_HEADER, or a syntax error in the header, naming {@code file}
     */
    public static List<String> header(byte[] text, String file, CsvOptions options) {
        try {
            return CsvRows.readHeader(tokenizer(text, file, options, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to read
        }
    }

    /** {@return the column names} */
    public List<String> columnNames() {
        return header;
    }

    /** {@return whether every column's type is fixed by the options, so that nothing needs to be inferred} */
    public boolean typesAreFixed() {
        return fixed.all();
    }

    /** {@return ranks before any line: no column has a type yet} */
    public int[] noRanks() {
        return new int[header.size()];
    }

    /**
     * {@return {@code ranks} widened by the records of {@code text}} (the array itself, updated). Malformed records
     * (ragged, a cell not of its fixed type) fail with {@link dev.veracity.io.BadRecords#FAIL} and are passed over
     * with SKIP, exactly as {@link #parse} treats them.
     *
     * @param text whole lines, each ended by a line end (the last one may lack it)
     * @throws InputException for a malformed record, unless skipped
     */
    public int[] rank(byte[] text, int[] ranks) {
        try {
            CsvTypeInference.merge(ranks, CsvTypeInference.scan(rows(text), fixed, header.size()));
        } catch (InputException e) {
            throw placed(text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ranks;
    }

    /** Widens {@code into} by {@code ranks}, column by column; associative and commutative. */
    public static void widen(int[] into, int[] ranks) {
        CsvTypeInference.merge(into, ranks);
    }

    /** {@return the column types that ranks stand for: the fixed type where there is one; INT for a column without values} */
    public List<FeatureType> types(int[] ranks) {
        return fixed.apply(CsvTypeInference.types(ranks));
    }

    /**
     * The records of a block of lines as one batch.
     *
     * @param batch          one column per header column, one row per well-formed record
     * @param skippedRecords the malformed records passed over (only with SKIP)
     */
    public record Parsed(RecordBatch batch, long skippedRecords) {}

    /**
     * {@return the records of {@code text} as a batch of the given column types}
     *
     * @throws InputException for a malformed record or a cell that does not parse as its type, unless skipped
     */
    public Parsed parse(byte[] text, List<FeatureType> types) {
        try {
            CsvRows rows = rows(text);
            RecordBatch batch = new CsvBatches(rows, header, types, fixed, Integer.MAX_VALUE).next();
            return new Parsed(batch, rows.skippedRecords());
        } catch (InputException e) {
            throw placed(text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvRows rows(byte[] text) {
        return new CsvRows(tokenizer(text, source, options, false), header, options.badRecords());
    }

    private static CsvTokenizer tokenizer(byte[] text, String name, CsvOptions options, boolean atFileStart) {
        return new CsvTokenizer(
                new ByteArrayInputStream(text),
                name,
                options,
                1,
                atFileStart,
                Math.max(1, Math.min(text.length, CsvTokenizer.DEFAULT_BUFFER_SIZE)),
                CsvTokenizer.MAX_RECORD_BYTES);
    }

    /**
     * {@return the error of the first malformed line, read again alone under a name that quotes it} A block's line
     * numbers mean nothing in the files, so this runs only once a block has failed.
     */
    private InputException placed(byte[] text, InputException blockError) {
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            if (i < text.length && text[i] != '\n' && text[i] != '\r') {
                continue;
            }
            if (i > start) {
                byte[] line = java.util.Arrays.copyOfRange(text, start, i);
                String shown = new String(line, StandardCharsets.UTF_8);
                if (shown.length() > SHOWN_RECORD_CHARS) {
                    shown = shown.substring(0, SHOWN_RECORD_CHARS) + "...";
                }
                String name = source + " record \"" + shown + "\"";
                try {
                    CsvRows rows = new CsvRows(tokenizer(line, name, options, false), header, options.badRecords());
                    CsvTypeInference.scan(rows, fixed, header.size());
                } catch (InputException e) {
                    return e;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            start = i + 1;
        }
        return blockError; // no single line fails alone (a record past the length limit): the block's own error
    }
}
