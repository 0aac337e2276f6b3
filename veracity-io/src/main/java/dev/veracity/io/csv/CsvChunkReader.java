package dev.veracity.io.csv;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CSV's part of a statistics run: reads the files' common header, and parses one chunk (or gzip block) of a file into
 * record batches whose sampled rows it adds to statistics; {@link CsvStatistics} cuts the chunks and runs them.
 */
final class CsvChunkReader {
    private final CsvOptions csv;
    private final Sampling sampling;

    CsvChunkReader(CsvOptions csv, Sampling sampling) {
        this.csv = Objects.requireNonNull(csv, "csv is null");
        this.sampling = Objects.requireNonNull(sampling, "sampling is null");
    }

    /**
     * {@return the header of the first file, which every file must have}
     *
     * @throws InputException CSV_BAD_HEADER naming the file whose header differs
     */
    List<String> commonHeader(List<CsvInput> inputs) throws IOException {
        List<String> first = null;
        for (CsvInput input : inputs) {
            List<String> header;
            try (InputStream in = input.openAt(0)) {
                header = CsvRows.readHeader(new CsvTokenizer(in, input.name(), csv, 1, true));
            }
            if (first == null) {
                first = header;
            } else if (!header.equals(first)) {
                throw new InputException(
                        ErrorCode.CSV_BAD_HEADER,
                        input.name() + ":1: expected the header of "
                                + inputs.get(0).name() + " (" + String.join(",", first) + "), found ("
                                + String.join(",", header) + ")");
            }
        }
        return first;
    }

    /**
     * {@return what reading the chunk found} The ranks are empty, except for a speculative read that met a cell
     * wider than its column's guessed type: it stops accumulating there and ranks that row and the rest of the chunk.
     */
    CsvChunkScanner.Scan read(
            CsvChunk chunk,
            InputStream in,
            List<String> header,
            List<FeatureType> types,
            CsvChunkScanner scanner,
            SlicedStatistics accumulator,
            boolean speculative)
            throws IOException {
        CsvTokenizer tokenizer =
                new CsvTokenizer(in, chunk.input().name(), csv, chunk.firstLine(), chunk.holdsHeader());
        if (chunk.holdsHeader()) {
            CsvRows.readHeader(tokenizer);
        }
        CsvRows rows = scanner.rows(tokenizer, chunk);
        CsvBatches batches = new CsvBatches(rows, header, types, scanner.fixed(), csv.batchSize(), speculative);
        long row = chunk.firstRow();
        for (RecordBatch batch = batches.next(); batch.rowCount() > 0 && !batches.widened(); batch = batches.next()) {
            accumulator.add(sampling.sample(batch, row));
            row += batch.rowCount();
        }
        int[] ranks = new int[header.size()];
        if (batches.widened()) {
            CsvTypeInference.rankRow(tokenizer, scanner.fixed(), ranks);
            CsvTypeInference.merge(ranks, CsvTypeInference.scan(rows, scanner.fixed(), header.size()));
        }
        return CsvChunkScanner.scanOf(chunk, rows, ranks);
    }

    /** {@return a batch of no rows with the columns of the header, for a dataset without rows} */
    static RecordBatch emptyBatch(List<String> header, List<FeatureType> types) {
        List<Column> columns = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            columns.add(ColumnBuilder.of(header.get(i), types.get(i)).build());
        }
        return new RecordBatch(0, columns);
    }
}
