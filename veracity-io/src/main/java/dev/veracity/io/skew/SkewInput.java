package dev.veracity.io.skew;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.FeatureType;
import dev.veracity.io.Progress;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.io.jsonl.JsonLinesReader;
import dev.veracity.io.jsonl.JsonLinesStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One side of the join: an open reader with its feature names and types, CSV or JSON Lines by file name, uncompressed. */
record SkewInput(Path file, BatchSource source, List<String> names, List<FeatureType> types) implements AutoCloseable {
    /**
     * @throws InputException UNSUPPORTED_FILE_FORMAT for a gzip file: the streaming readers read plain files only
     */
    static SkewInput open(Path file, CsvOptions csv, Progress progress) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            throw new InputException(ErrorCode.UNSUPPORTED_FILE_FORMAT, file + ": expected a plain CSV or JSON Lines "
                    + "file, found gzip (skew streams each file twice; decompress it first, e.g. gunzip -k)");
        }
        if (JsonLinesStatistics.isJsonLines(file)) {
            JsonLinesReader reader = JsonLinesReader.open(file, JsonLinesOptions.DEFAULT, progress);
            return new SkewInput(file, reader, reader.featureNames(), reader.featureTypes());
        }
        CsvReader reader = CsvReader.open(file, csv, progress);
        return new SkewInput(file, reader, reader.columnNames(), reader.columnTypes());
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
