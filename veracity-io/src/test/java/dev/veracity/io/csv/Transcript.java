package dev.veracity.io.csv;

import dev.veracity.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a tokenizer produced from some bytes: its records, then the error that stopped it, if any. Fields are
 * ISO-8859-1 strings, one char per byte, so that equal transcripts mean equal bytes.
 *
 * @param records the records read
 * @param error   the code and message of the exception that ended the read, or "" if none
 */
record Transcript(List<Entry> records, String error) {
    /** One record: where it starts, its fields, and its syntax problem ("" if none). */
    record Entry(long line, List<String> fields, String problem) {}

    static Transcript of(byte[] input, CsvOptions options, int bufferSize) {
        return of(input, options, 1, true, bufferSize, CsvTokenizer.MAX_RECORD_BYTES);
    }

    static Transcript of(
            byte[] input, CsvOptions options, long firstLine, boolean atFileStart, int bufferSize, int maxRecordBytes) {
        CsvTokenizer t = new CsvTokenizer(
                new ByteArrayInputStream(input), "t.csv", options, firstLine, atFileStart, bufferSize, maxRecordBytes);
        return read(t::next, () -> new Entry(t.line(), fields(t), problem(t.problem())));
    }

    /** {@return what the tokenizer before in-place records ({@link CopyingCsvTokenizer}) reads: the oracle} */
    static Transcript ofCopying(
            byte[] input, CsvOptions options, long firstLine, boolean atFileStart, int bufferSize, int maxRecordBytes) {
        CopyingCsvTokenizer t = new CopyingCsvTokenizer(
                new ByteArrayInputStream(input), "t.csv", options, firstLine, atFileStart, bufferSize, maxRecordBytes);
        return read(t::next, () -> {
            List<String> fields = new ArrayList<>(t.fieldCount());
            for (int i = 0; i < t.fieldCount(); i++) {
                int start = t.fieldStart(i);
                fields.add(new String(t.bytes(), start, t.fieldEnd(i) - start, StandardCharsets.ISO_8859_1));
            }
            return new Entry(t.line(), fields, problem(t.problem()));
        });
    }

    /** Moves a tokenizer to its next record. */
    private interface Next {
        boolean next() throws IOException;
    }

    private static Transcript read(Next next, java.util.function.Supplier<Entry> entry) {
        List<Entry> records = new ArrayList<>();
        try {
            while (next.next()) {
                records.add(entry.get());
            }
            return new Transcript(records, "");
        } catch (InputException e) {
            return new Transcript(records, e.errorCode() + " " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String problem(java.util.Optional<CsvProblem> problem) {
        return problem.map(p -> p.code() + " " + p.message()).orElse("");
    }

    static List<String> fields(CsvTokenizer tokenizer) {
        List<String> fields = new ArrayList<>(tokenizer.fieldCount());
        for (int i = 0; i < tokenizer.fieldCount(); i++) {
            int start = tokenizer.fieldStart(i);
            fields.add(
                    new String(tokenizer.bytes(), start, tokenizer.fieldEnd(i) - start, StandardCharsets.ISO_8859_1));
        }
        return fields;
    }

    /** {@return the fields of every record, in order} */
    List<List<String>> fields() {
        return records.stream().map(Entry::fields).toList();
    }

    /** {@return the starting line of every record, in order} */
    List<Long> lines() {
        return records.stream().map(Entry::line).toList();
    }
}
