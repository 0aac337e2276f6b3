package dev.veracity.io.validate;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.DataFormat;
import dev.veracity.io.convert.BatchWriter;
import dev.veracity.io.convert.CsvBatchWriter;
import dev.veracity.io.convert.JsonLinesBatchWriter;
import dev.veracity.io.convert.ParquetBatchWriter;
import dev.veracity.io.convert.ParquetColumn;
import dev.veracity.io.convert.TfRecordBatchWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Splits the rows into clean and anomalous ones, each written in the input's format with the batch writers, so that
 * a pipeline passes the clean rows on and a person looks at the others: {@code DIR/clean.csv} and
 * {@code DIR/quarantine.csv} (or {@code .jsonl}, {@code .parquet}, {@code .tfrecord}). CSV cells are written as they
 * were read (as text); a Parquet file gets the columns of the input (see {@link
 * dev.veracity.io.convert.Converter#columns}).
 *
 * <pre>{@code
 * Quarantine quarantine = Quarantine.of(DataFormat.CSV, columns, cleanOut, quarantineOut);
 * }</pre>
 */
public final class Quarantine implements ExampleSink {
    private final BatchWriter clean;
    private final BatchWriter quarantined;
    private long cleanRows;
    private long quarantinedRows;

    private Quarantine(BatchWriter clean, BatchWriter quarantined) {
        this.clean = clean;
        this.quarantined = quarantined;
    }

    /**
     * {@return a quarantine writing rows of {@code format} to the two streams}
     *
     * @param columns the input's columns, in order (their names are the CSV header; Parquet needs their types too;
     *                ignored for JSON Lines and TFRecord)
     * @throws InputException UNSUPPORTED_FILE_FORMAT for Avro, which Veracity reads but does not write
     */
    public static Quarantine of(
            DataFormat format, List<ParquetColumn> columns, OutputStream cleanOut, OutputStream badOut)
            throws IOException {
        List<String> header = columns.stream().map(ParquetColumn::name).toList();
        return switch (format) {
            case CSV -> new Quarantine(new CsvBatchWriter(cleanOut, header), new CsvBatchWriter(badOut, header));
            case JSONL -> new Quarantine(new JsonLinesBatchWriter(cleanOut), new JsonLinesBatchWriter(badOut));
            case PARQUET ->
                new Quarantine(new ParquetBatchWriter(cleanOut, columns), new ParquetBatchWriter(badOut, columns));
            case TFRECORD ->
                new Quarantine(new TfRecordBatchWriter(cleanOut, false), new TfRecordBatchWriter(badOut, false));
            case AVRO -> throw unsupported(format);
        };
    }

    /**
     * {@return the file extension of the quarantine's files for input of {@code format}, without the dot}
     *
     * @throws InputException UNSUPPORTED_FILE_FORMAT for Avro
     */
    public static String extension(DataFormat format) {
        return switch (format) {
            case CSV -> "csv";
            case JSONL -> "jsonl";
            case PARQUET -> "parquet";
            case TFRECORD -> "tfrecord";
            case AVRO -> throw unsupported(format);
        };
    }

    private static InputException unsupported(DataFormat format) {
        return new InputException(
                ErrorCode.UNSUPPORTED_FILE_FORMAT,
                "--quarantine: expected CSV, JSON Lines, Parquet or TFRecord input, found " + format.displayName()
                        + " (Veracity reads Avro but does not write it; convert it with veracity convert, or use "
                        + "--examples-out)");
    }

    @Override
    public void accept(ValidatedBatch batch) throws IOException {
        RecordBatch rows = batch.batch();
        boolean[] anomalous = batch.anomalous();
        int[] good = new int[rows.rowCount()];
        int[] bad = new int[batch.examples().size()];
        int g = 0;
        int b = 0;
        for (int r = 0; r < rows.rowCount(); r++) {
            if (anomalous[r]) {
                bad[b++] = r;
            } else {
                good[g++] = r;
            }
        }
        if (g > 0) {
            clean.write(g == rows.rowCount() ? rows : rows.select(good, g));
        }
        if (b > 0) {
            quarantined.write(rows.select(bad, b));
        }
        cleanRows += g;
        quarantinedRows += b;
    }

    /** Writes what is pending to both streams; does not close them. */
    public void finish() throws IOException {
        clean.finish();
        quarantined.finish();
    }

    /** {@return the clean rows written} */
    public long cleanRows() {
        return cleanRows;
    }

    /** {@return the anomalous rows written} */
    public long quarantinedRows() {
        return quarantinedRows;
    }
}
