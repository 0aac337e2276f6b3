package dev.veracity.transform;

import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.BadRecords;
import dev.veracity.io.DataFormat;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.csv.NumberParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fixes the column types of CSV input so that the files are read once, not twice (the CSV reader otherwise infers
 * types in a first pass): apply fixes each input column to the type the transform was fitted on, so a cell of
 * another type is a malformed record naming its file, line and column; fit fixes them to a guess from the first rows,
 * which it verifies by falling back to inference when a later cell does not fit.
 *
 * <pre>{@code
 * ReadOptions once = CsvTyping.forApply(fn, files, ReadOptions.DEFAULT);
 * }</pre>
 */
final class CsvTyping {
    /** The rows of the first file whose cells guess the types of a fit's single pass. */
    static final int GUESS_ROWS = 4096;

    private CsvTyping() {}

    /**
     * {@return read options that fix every CSV column's type: a spec input's to its fitted type (an INT column that
     * only numeric ops read to FLOAT, so a decimal there is a number), any other column's to STRING; the options
     * unchanged for other formats}
     */
    static ReadOptions forApply(TransformFn fn, List<Path> files, ReadOptions read) throws IOException {
        if (Readers.formatOf(files, read) != DataFormat.CSV) {
            return read;
        }
        Set<String> numericOnly = numericOnly(fn.spec());
        Map<String, FeatureType> types = new HashMap<>();
        for (Map.Entry<String, FeatureType> input : fn.inputTypes().entrySet()) {
            FeatureType type = input.getValue();
            if (type == FeatureType.INT && numericOnly.contains(input.getKey())) {
                type = FeatureType.FLOAT;
            }
            types.put(input.getKey(), type);
        }
        return fixed(files, read, types);
    }

    /**
     * {@return read options with every CSV column's type fixed to a guess from the first rows of the first file
     * (columns the spec does not read as STRING), or empty when the input is not CSV, the policy skips bad records
     * (a row wider than the guess would be skipped, not typed) or the first rows cannot be read} A guess is never
     * wider than inference's type (it classifies cells as the CSV reader does): a later cell that does not fit it
     * fails the read with CSV_VALUE_NOT_OF_SCHEMA_TYPE, and the caller then reads with inference. One case goes
     * unnoticed: an integer beyond int64 after the first rows of a column guessed FLOAT is read as a number, where
     * inference would type the column STRING.
     */
    static Optional<ReadOptions> guessForFit(TransformSpec spec, List<Path> files, ReadOptions read)
            throws IOException {
        return guessForFitReading(spec, files, read).map(FitReading::read);
    }

    /**
     * What fit's single pass over CSV reads.
     *
     * @param read     options with every column's type fixed ({@link #guessForFit})
     * @param unparsed input columns the pass need not parse: text (nothing is wider, so no later cell can prove the
     *                 guess wrong), present in the first rows (so a row holds at most one value of them, and some
     *                 hold one: the input schema's {@code value_count} is known), and read by no analyzer, only by
     *                 {@code keep}, {@code hash_strings} or {@code cross}
     */
    record FitReading(ReadOptions read, Set<String> unparsed) {}

    /** {@return as {@link #guessForFit}, with the columns the pass need not parse} */
    static Optional<FitReading> guessForFitReading(TransformSpec spec, List<Path> files, ReadOptions read)
            throws IOException {
        if (read.badRecords() != BadRecords.FAIL || Readers.formatOf(files, read) != DataFormat.CSV) {
            return Optional.empty();
        }
        Set<String> used = new HashSet<>(spec.inputs());
        used.removeAll(read.csv().columnTypes().keySet());
        List<String> header = CsvReader.header(files.get(0), read.csv());
        Map<String, FeatureType> strings = new HashMap<>();
        for (String name : header) {
            strings.put(name, FeatureType.STRING);
        }
        strings.putAll(read.csv().columnTypes());
        CsvOptions allText = read.csv().withColumnTypes(strings).withBatchSize(GUESS_ROWS);
        Map<String, FeatureType> guessed = new HashMap<>();
        Set<String> present = new HashSet<>();
        try (BatchSource source = CsvReader.open(files.get(0), allText)) {
            Optional<RecordBatch> first = source.next();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            for (Column column : first.get().columns()) {
                if (column.valueCount() > 0) {
                    present.add(column.name());
                }
                if (used.contains(column.name()) && column instanceof StringColumn text) {
                    guessed.put(column.name(), guess(text));
                }
            }
        } catch (dev.veracity.InputException e) {
            return Optional.empty(); // the two-pass read reports it where it is
        }
        ReadOptions fixed = fixed(files, read, guessed);
        Set<String> unparsed = new HashSet<>();
        for (String name : spec.inputs()) {
            if (present.contains(name)
                    && fixed.csv().columnTypes().get(name) == FeatureType.STRING
                    && onlyHashedOrKept(spec, name)) {
                unparsed.add(name);
            }
        }
        return Optional.of(new FitReading(fixed, Set.copyOf(unparsed)));
    }

    /** {@return whether every step that reads {@code column} hashes it without analysis} */
    private static boolean onlyHashedOrKept(TransformSpec spec, String column) {
        for (Step step : spec.steps()) {
            if (step.inputs().contains(column) && step.op() != Op.HASH_STRINGS && step.op() != Op.CROSS) {
                return false;
            }
        }
        return true;
    }

    private static ReadOptions fixed(List<Path> files, ReadOptions read, Map<String, FeatureType> types)
            throws IOException {
        Map<String, FeatureType> all = new HashMap<>();
        for (Path file : files) {
            for (String name : CsvReader.header(file, read.csv())) {
                all.put(name, types.getOrDefault(name, FeatureType.STRING));
            }
        }
        all.putAll(read.csv().columnTypes()); // types the caller fixed (from a schema) win
        return read.withCsv(read.csv().withColumnTypes(all));
    }

    /** {@return the type TFDV infers from the cells: INT if all parse as int64, FLOAT if as numbers, else STRING} */
    static FeatureType guess(StringColumn column) {
        FeatureType type = FeatureType.INT;
        byte[] bytes = column.bytes();
        int[] offsets = column.valueOffsets();
        for (int i = 0; i < column.valueCount(); i++) {
            int start = offsets[i];
            int length = offsets[i + 1] - start;
            if (length == 0) {
                continue;
            }
            switch (NumberParser.classify(bytes, start, length)) {
                case INT -> {} // an integer fits both INT and FLOAT
                case FLOAT -> type = FeatureType.FLOAT;
                case STRING -> {
                    return FeatureType.STRING; // text, or an integer beyond int64
                }
            }
        }
        return type;
    }

    /** {@return the input columns that only numeric ops read (not kept, not read as text by another op)} */
    private static Set<String> numericOnly(TransformSpec spec) {
        Set<String> numeric = new HashSet<>();
        Set<String> other = new HashSet<>(spec.keep());
        for (Step step : spec.steps()) {
            for (String input : step.inputs()) {
                (TransformFn.needsNumbers(step) && step.op() != Op.IMPUTE ? numeric : other).add(input);
            }
        }
        numeric.removeAll(other);
        return numeric;
    }
}
