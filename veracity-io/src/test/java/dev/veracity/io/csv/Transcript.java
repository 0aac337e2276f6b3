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
        CsvTokenizer tokenizer = new CsvTokenizer(
                new ByteArrayInputStream(input), "t.csv", options, firstLine, atFileStart, bufferSize, maxRecordBytes);
        List<Entry> records = new ArrayList<>();
        try {
            while (tokenizer.next()) {
                records.add(new Entry(
                        tokenizer.line(),
                        fields(tokenizer),
                        tokenizer
                                .problem()
                                .map(p -> p.code() + " " + p.message())
                                .orElse("")));
            }
            return new Transcript(records, "");
        } catch (InputException e) {
            return new Transcript(records, e.errorCode() + " " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
