package dev.veracity.io.jsonl;

import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import dev.veracity.io.InputFiles;
import dev.veracity.io.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a JSON Lines file (one JSON object per line) as typed column batches, one row per line, inferring each
 * feature's type in a first pass over the file as the CSV reader does; that pass runs range by range on all cores and
 * merges to exactly what one sequential read finds ({@link JsonLinesPlan}, as for statistics).
 *
 * <ul>
 * <li><b>Lines.</b> A line ends at LF or CRLF; blank lines (only spaces, tabs, CRs) are skipped; a UTF-8 byte-order
 *     mark at the start of the file is dropped. Every other line must be one JSON object (RFC 8259, UTF-8, plus the
 *     {@code NaN}, {@code Infinity} and {@code -Infinity} that Python's json module writes, and Jackson's
 *     {@code +Infinity}, {@code +INF}, {@code -INF}), else the line is
 *     malformed: {@code FILE:LINE:COLUMN: expected a JSON object, found ...}, the column being the 1-based byte
 *     position in the line.
 * <li><b>Features</b> are the union of the keys of all lines (that are not skipped), in order of first appearance.
 *     Nested objects are flattened to dotted paths: {@code {"a": {"b": 1}}} gives feature {@code a.b}, so
 *     {@code {"a.b": 1}} names the same feature; a key may appear once per line after flattening. A key that holds
 *     objects is not a feature itself (an empty object gives no feature).
 * <li><b>Values.</b> An integer within int64 is INT; any other number (also an integer beyond int64) is FLOAT;
 *     a string is STRING (its UTF-8 bytes; an unpaired surrogate escape gives bytes that statistics count as invalid
 *     UTF-8); {@code true} and {@code false} are INT 1 and 0, as TFDV maps booleans to INT. {@code null} is missing,
 *     the same as an absent key. Every batch has one column per feature, missing in rows whose line lacks the key.
 * <li><b>Arrays</b> of scalars make a multivalent feature: the row holds the list of values. An empty array is
 *     present with zero values (not missing, as in TFDV); nulls inside an array are skipped, so {@code [null]} is
 *     present and empty. Arrays of objects and nested arrays are not supported: the line is malformed.
 * <li><b>Types</b> are inferred over all lines, widening INT to FLOAT; a key with no value (only nulls and empty
 *     arrays) is INT. A key that holds strings in one line and numbers (or booleans) in another, or an object in one
 *     and a value or array in another, is a type conflict: the line that conflicts with what the key held first is
 *     malformed, and the message names the key, the type first seen with its line, and what was found.
 * <li><b>Malformed lines</b> fail the read with an {@link InputException} naming the file, line and column, or with
 *     {@link BadRecords#SKIP} are skipped and counted in {@link #skippedRecords()}: a skipped line contributes no
 *     feature, no type and no row, and both passes skip the same lines (types only widen, so a line fits the final
 *     types exactly if it fitted those it met in the first pass).
 * </ul>
 *
 * <pre>{@code
 * try (JsonLinesReader reader = JsonLinesReader.open(Path.of("runs.jsonl"), JsonLinesOptions.DEFAULT)) {
 *     for (Optional<RecordBatch> b = reader.next(); b.isPresent(); b = reader.next()) { ... }
 * }
 * }</pre>
 */
public final class JsonLinesReader implements BatchSource {
    private final InputStream in;
    private final JsonRecords records;
    private final JsonBatches batches;
    private final List<String> featureNames;
    private final List<FeatureType> featureTypes;
    private boolean returnedBatch;

    private JsonLinesReader(
            InputStream in, JsonRecords records, List<JsonField> columns, int batchSize, String fileName) {
        this.in = in;
        this.records = records;
        this.batches = new JsonBatches(records, columns, batchSize, fileName);
        this.featureNames = JsonFeatures.names(columns);
        this.featureTypes = JsonFeatures.types(columns);
    }

    /**
     * Infers the features and their types (a full pass over the file), then opens the file for {@link #next()}. The
     * file is read twice, so it must not change meanwhile.
     *
     * @param file    a regular file of JSON objects, one per line
     * @param options the bad-record policy and batch size
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE, FILE_UNREADABLE; JSONL_EMPTY_FILE for a file without
     *                        a non-blank line; JSONL_LINE_TOO_LONG past 64 MiB; with {@link BadRecords#FAIL}, the first
     *                        malformed line's JSONL_SYNTAX, JSONL_NOT_AN_OBJECT, JSONL_DUPLICATE_KEY,
     *                        JSONL_UNSUPPORTED_VALUE or JSONL_TYPE_CONFLICT
     * @throws IOException    if reading fails
     */
    public static JsonLinesReader open(Path file, JsonLinesOptions options) throws IOException {
        return open(file, options, Progress.NONE);
    }

    /**
     * As {@link #open(Path, JsonLinesOptions)}, reporting the progress of both passes over the file.
     *
     * @param progress receives "inferring column types", then "computing statistics" progress, in bytes
     */
    public static JsonLinesReader open(Path file, JsonLinesOptions options, Progress progress) throws IOException {
        return open(
                file,
                options,
                progress,
                JsonLinesStatistics.DEFAULT_RANGE_BYTES,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #open(Path, JsonLinesOptions, Progress)}, the first pass on up to {@code threads} threads over ranges
     * of about {@code rangeBytes} (tests make them tiny); the features, types and errors do not depend on either.
     */
    static JsonLinesReader open(Path file, JsonLinesOptions options, Progress progress, long rangeBytes, int threads)
            throws IOException {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(progress, "progress is null");
        String fileName = file.toString();
        var factory = JsonLineParser.newFactory();
        long size;
        try (InputStream checked = InputFiles.openRegularFile(file, JsonInput.READ_TWICE)) {
            size = Files.size(file);
        }
        // Read as plain bytes, whatever the name (a gzip file is refused by the callers or fails as malformed).
        List<JsonInput> input = List.of(new JsonInput(file, size, false));
        JsonLinesPlan plan = JsonLinesPlan.scan(input, options.badRecords(), factory, rangeBytes, progress, threads);
        JsonFeatures features = plan.features();
        List<JsonField> columns = features.columns();
        InputStream second = InputFiles.openRegularFile(file, JsonInput.READ_TWICE);
        boolean opened = false;
        try {
            JsonRecords records = new JsonRecords(
                    new JsonLineSplitter(second, fileName),
                    new JsonLineParser(factory, features, fileName, true),
                    options.badRecords(),
                    progress,
                    "computing statistics",
                    size);
            JsonLinesReader reader = new JsonLinesReader(second, records, columns, options.batchSize(), fileName);
            opened = true;
            return reader;
        } finally {
            if (!opened) {
                second.close();
            }
        }
    }

    /** {@return the feature names (dotted paths for nested keys), in order of first appearance} */
    public List<String> featureNames() {
        return featureNames;
    }

    /** {@return the inferred type of each feature, in the order of {@link #featureNames()}} */
    public List<FeatureType> featureTypes() {
        return featureTypes;
    }

    /**
     * {@return the next batch of at most {@code batchSize} rows, one column per feature; empty at the end}
     *
     * @throws InputException with {@link BadRecords#FAIL}, for a malformed line (only if the file changed since
     *                        {@code open}, which checked every line)
     */
    @Override
    public Optional<RecordBatch> next() throws IOException {
        RecordBatch batch = batches.next();
        if (batch.rowCount() == 0 && returnedBatch) {
            return Optional.empty();
        }
        // A file whose every line was skipped still gives one empty batch, so that it has a number of examples.
        returnedBatch = true;
        return Optional.of(batch);
    }

    /** {@return the malformed lines skipped so far while streaming (0 with {@link BadRecords#FAIL})} */
    @Override
    public long skippedRecords() {
        return records.skippedRecords();
    }

    /** {@return the lines returned in batches so far} */
    public long recordsRead() {
        return records.recordsRead();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
