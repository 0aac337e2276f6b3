package dev.veracity.transform;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;
import dev.veracity.io.BadRecords;
import dev.veracity.io.DataFormat;
import dev.veracity.io.InputFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the records of a JSON Lines, TFRecord, Avro or Parquet split whose value in a numeric op's input is text (CSV
 * has its types fixed when read, so its reader reports such cells): with {@link BadRecords#FAIL}, the first one is an
 * error naming the file and the record's place (a JSON Lines line; a TFRecord or Avro record number; a Parquet row
 * group and row) and the column; with {@link BadRecords#SKIP}, the records are left out and counted.
 *
 * <pre>{@code
 * WrongTypes check = new WrongTypes(fn, DataFormat.JSONL, BadRecords.SKIP);
 * RecordBatch kept = check.filter(batch, "eval.jsonl", Path.of("eval.jsonl"), 0);
 * }</pre>
 */
final class WrongTypes {
    private final TransformFn fn;
    private final DataFormat format;
    private final BadRecords policy;
    /** The input columns that a step reads as numbers, each with the first such step. */
    private final Map<String, Step> numeric = new LinkedHashMap<>();

    private long skipped;

    WrongTypes(TransformFn fn, DataFormat format, BadRecords policy) {
        this.fn = fn;
        this.format = format;
        this.policy = policy;
        for (Step step : fn.spec().steps()) {
            if (TransformFn.needsNumbers(step)) {
                numeric.putIfAbsent(step.input(), step);
            }
        }
    }

    /** {@return the records left out so far} */
    long skipped() {
        return skipped;
    }

    /**
     * {@return the batch without its wrongly typed records} A numeric op's input column that holds text in some
     * record is then a column of the fitted type with no value in any record.
     *
     * @param split       the split, as messages name it (a Parquet split names its row group)
     * @param file        the split's file, read again to find a JSON Lines record's line
     * @param firstRecord the 0-based number, in the split, of the batch's first record
     * @throws InputException TRANSFORM_VALUE_INVALID for the first wrongly typed record, with {@link BadRecords#FAIL}
     */
    RecordBatch filter(RecordBatch batch, String split, Path file, long firstRecord) throws IOException {
        List<StringColumn> wrong = new ArrayList<>();
        for (Column column : batch.columns()) {
            if (column instanceof StringColumn text && numeric.containsKey(column.name())) {
                wrong.add(text);
            }
        }
        if (wrong.isEmpty()) {
            return batch;
        }
        int[] keep = new int[batch.rowCount()];
        int kept = 0;
        for (int r = 0; r < batch.rowCount(); r++) {
            StringColumn bad = null;
            for (StringColumn column : wrong) {
                if (column.present()[r] && column.rowOffsets()[r + 1] > column.rowOffsets()[r]) {
                    bad = column;
                    break;
                }
            }
            if (bad == null) {
                keep[kept++] = r;
            } else if (policy == BadRecords.FAIL) {
                throw new InputException(
                        ErrorCode.TRANSFORM_VALUE_INVALID,
                        place(split, file, firstRecord + r) + ", column " + bad.name() + ": expected a number for "
                                + numeric.get(bad.name()).op().specName() + ", found \""
                                + ValueText.of(bad, bad.rowOffsets()[r]) + "\"");
            } else {
                skipped++;
            }
        }
        RecordBatch left = kept == batch.rowCount() ? batch : batch.select(keep, kept);
        // the text columns now hold no value: as missing numbers, so that the numeric ops take them
        List<Column> columns = new ArrayList<>(left.columns().size());
        for (Column column : left.columns()) {
            boolean text = column instanceof StringColumn && numeric.containsKey(column.name());
            columns.add(
                    text ? TransformFn.missing(column.name(), fn.inputTypes().get(column.name()), kept) : column);
        }
        return new RecordBatch(kept, columns);
    }

    /** {@return where a record is: FILE:LINE, FILE: record N, or FILE row group G, row N (1-based)} */
    private String place(String split, Path file, long record) throws IOException {
        return switch (format) {
            case JSONL -> file + ":" + line(file, record);
            case TFRECORD, AVRO -> split + ": record " + (record + 1);
            case PARQUET -> split + ", row " + (record + 1);
            case CSV -> split + ": record " + (record + 1);
        };
    }

    /**
     * {@return the line of the 0-based record in a JSON Lines file}: the reader accepts every non-blank line as a
     * record when bad records fail, so it is the record's non-blank line
     */
    static long line(Path file, long record) throws IOException {
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        InputStream raw = InputFiles.openRegularFile(file, "it is read again for the line of a record");
        try (InputStream in = gzip ? InputFiles.gunzip(raw, file.toString()) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            long line = 0;
            long seen = -1;
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                line++;
                if (!text.isBlank() && ++seen == record) {
                    return line;
                }
            }
            return line;
        }
    }
}
