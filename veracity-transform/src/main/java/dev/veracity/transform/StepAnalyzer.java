package dev.veracity.transform;

import dev.veracity.data.Column;
import dev.veracity.data.DictionaryCodes;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;
import dev.veracity.stats.KllQuantiles;
import dev.veracity.stats.NumericMoments;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analyzer of one step, a mergeable accumulator: core's moments (z-score, min-max, mean), core's KLL sketch
 * (quantile buckets, median) or exact value counts (vocabularies, most frequent, document frequencies). Memory is
 * fixed for moments and quantiles and grows with the number of distinct values for counts (as TFT's vocabulary).
 * Merge is associative; merging in a fixed order gives the same constants byte for byte.
 */
final class StepAnalyzer {
    /** KLL's k for bucket boundaries and medians: a 99% normalized rank error of about 0.33%. */
    static final int QUANTILES_K = 1000;

    private final Step step;
    private NumericMoments moments;
    private KllQuantiles quantiles;
    private final Map<String, long[]> counts;
    private final ByteCounts textCounts; // a text column's counts by bytes, drained into counts when needed
    private long documents;
    private double[] buffer = new double[0];

    StepAnalyzer(Step step) {
        this.step = step;
        Analysis kind = kind(step);
        this.moments = kind == Analysis.MOMENTS ? new NumericMoments() : null;
        this.quantiles = kind == Analysis.QUANTILES ? new KllQuantiles(QUANTILES_K) : null;
        this.counts = kind == Analysis.COUNTS ? new HashMap<>() : null;
        this.textCounts = kind == Analysis.COUNTS && step.op() != Op.TFIDF ? new ByteCounts() : null;
    }

    /** What a step's analysis computes. */
    enum Analysis {
        NONE,
        MOMENTS,
        QUANTILES,
        COUNTS
    }

    static Analysis kind(Step step) {
        return switch (step.op()) {
            case SCALE_TO_Z_SCORE, SCALE_TO_0_1, SCALE_BY_MIN_MAX -> Analysis.MOMENTS;
            case BUCKETIZE -> Analysis.QUANTILES;
            case COMPUTE_AND_APPLY_VOCABULARY, ONE_HOT, TFIDF -> Analysis.COUNTS;
            case IMPUTE ->
                switch (step.parameters().impute()) {
                    case MEAN -> Analysis.MOMENTS;
                    case MEDIAN -> Analysis.QUANTILES;
                    case MOST_FREQUENT -> Analysis.COUNTS;
                    case CONSTANT -> Analysis.NONE;
                };
            case LOG1P,
                    CLIP,
                    APPLY_BUCKETS,
                    HASH_STRINGS,
                    CROSS,
                    NGRAMS,
                    BAG_OF_WORDS,
                    HOUR,
                    DAY_OF_WEEK,
                    MONTH,
                    CYCLIC -> Analysis.NONE;
        };
    }

    /** Adds a batch's input column ({@code null} when the batch lacks it). */
    void add(Column column) {
        if (column == null || (moments == null && quantiles == null && counts == null)) {
            return;
        }
        if (counts != null) {
            addCounts(column);
            return;
        }
        int n = column.valueCount();
        // a float column's own values, else its ints converted into the buffer
        double[] values = column instanceof FloatColumn floats ? floats.values() : numbers(column);
        if (moments != null) {
            moments.add(values, n);
        } else {
            quantiles.update(values, 0, n);
        }
    }

    /** {@return the buffer holding an int column's values as doubles} */
    private double[] numbers(Column column) {
        int n = column.valueCount();
        if (buffer.length < n) {
            buffer = new double[Math.max(n, buffer.length * 2)];
        }
        long[] values = ((IntColumn) column).values();
        for (int i = 0; i < n; i++) {
            buffer[i] = values[i];
        }
        return buffer;
    }

    private void addCounts(Column column) {
        if (textCounts != null && column instanceof StringColumn text) {
            addText(text);
            return;
        }
        if (step.op() != Op.TFIDF) {
            int n = column.valueCount();
            for (int i = 0; i < n; i++) {
                if (step.op() == Op.IMPUTE && column instanceof FloatColumn f && Double.isNaN(f.values()[i])) {
                    continue;
                }
                counts.computeIfAbsent(ValueText.of(column, i), k -> new long[2])[0]++;
            }
            return;
        }
        BatchRow row = new BatchRow(new Column[] {column}, 1);
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < column.rowCount(); r++) {
            row.row = r;
            if (!row.present(0)) {
                continue;
            }
            documents++;
            seen.clear();
            for (String gram : Text.rowNgrams(row, 0, step.parameters())) {
                long[] c = counts.computeIfAbsent(gram, k -> new long[2]);
                c[0]++;
                if (seen.add(gram)) {
                    c[1]++;
                }
            }
        }
    }

    /**
     * Counts a text column's values by their bytes (its text is their UTF-8 decoding, as {@link ValueText#of}); a
     * dictionary-coded column's values by entry, each entry's bytes counted once.
     */
    private void addText(StringColumn text) {
        int n = text.valueCount();
        DictionaryCodes dictionary = text.dictionary();
        byte[] bytes;
        int[] starts;
        if (dictionary != null && dictionary.entryCount() <= n) {
            long[] byEntry = new long[dictionary.entryCount()];
            int[] codes = dictionary.codes();
            for (int i = 0; i < n; i++) {
                byEntry[codes[i]]++;
            }
            bytes = dictionary.entryBytes();
            starts = dictionary.entryOffsets();
            for (int e = 0; e < byEntry.length; e++) {
                if (byEntry[e] > 0) {
                    textCounts.add(bytes, starts[e], starts[e + 1] - starts[e], byEntry[e]);
                }
            }
            return;
        }
        bytes = text.bytes();
        starts = text.valueOffsets();
        for (int i = 0; i < n; i++) {
            textCounts.add(bytes, starts[i], starts[i + 1] - starts[i], 1);
        }
    }

    /** Moves the counts kept by bytes into the counts by text (before the counts are read or written). */
    private void settle() {
        if (textCounts != null && textCounts.size() > 0) {
            textCounts.drainInto(counts);
        }
    }

    /** Adds the values {@code other} analyzed; {@code other} must analyze the same step. */
    void merge(StepAnalyzer other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an analyzer with itself");
        }
        if (moments != null) {
            moments.merge(other.moments);
        }
        if (quantiles != null) {
            quantiles.merge(other.quantiles);
        }
        if (counts != null) {
            if (textCounts != null) {
                textCounts.addAll(other.textCounts);
            }
            other.counts.forEach((key, c) -> {
                long[] mine = counts.computeIfAbsent(key, k -> new long[2]);
                mine[0] += c[0];
                mine[1] += c[1];
            });
            documents += other.documents;
        }
    }

    /** Writes the analyzer's state, for {@link #read}: the same bytes for the same state (counts sorted). */
    void write(DataOutput out) throws IOException {
        out.writeUTF(step.op().specName());
        if (moments != null) {
            moments.write(out);
        }
        if (quantiles != null) {
            byte[] bytes = quantiles.toBytes();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        if (counts != null) {
            settle();
            List<String> keys = new ArrayList<>(counts.keySet());
            keys.sort(Text::compareBytes);
            out.writeInt(keys.size());
            for (String key : keys) {
                byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
                long[] c = counts.get(key);
                out.writeLong(c[0]);
                out.writeLong(c[1]);
            }
            out.writeLong(documents);
        }
    }

    /**
     * {@return the analyzer of {@code step} in the state {@link #write} wrote}
     *
     * @throws IOException if the bytes are not an analyzer of this step's op
     */
    static StepAnalyzer read(Step step, DataInput in) throws IOException {
        StepAnalyzer analyzer = new StepAnalyzer(step);
        String op = in.readUTF();
        if (!op.equals(step.op().specName())) {
            throw new IOException("expected an analyzer of " + step.op().specName() + ", found " + op);
        }
        if (analyzer.moments != null) {
            analyzer.moments = NumericMoments.read(in);
        }
        if (analyzer.quantiles != null) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            analyzer.quantiles = KllQuantiles.fromBytes(bytes);
        }
        if (analyzer.counts != null) {
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                byte[] utf8 = new byte[in.readInt()];
                in.readFully(utf8);
                analyzer.counts.put(
                        new String(utf8, StandardCharsets.UTF_8), new long[] {in.readLong(), in.readLong()});
            }
            analyzer.documents = in.readLong();
        }
        return analyzer;
    }

    /** {@return the step's constants} */
    Constants result() {
        Parameters p = step.parameters();
        if (moments != null) {
            String impute = step.op() == Op.IMPUTE ? ValueText.of(moments.mean()) : "";
            return new Constants(
                    moments.count(),
                    moments.mean(),
                    moments.stdDev(),
                    moments.min(),
                    moments.max(),
                    List.of(),
                    0,
                    List.of(),
                    List.of(),
                    0,
                    impute);
        }
        if (quantiles != null) {
            if (step.op() == Op.IMPUTE) {
                String median = quantiles.isEmpty() ? "NaN" : ValueText.of(quantiles.quantile(0.5));
                return withImpute(median, quantiles.n(), exactOrBound());
            }
            List<Double> boundaries = new ArrayList<>();
            if (!quantiles.isEmpty()) {
                for (int i = 1; i < p.numBuckets(); i++) {
                    double boundary = quantiles.quantile((double) i / p.numBuckets());
                    if (boundaries.isEmpty() || boundary > boundaries.get(boundaries.size() - 1)) {
                        boundaries.add(boundary);
                    }
                }
            }
            return new Constants(
                    quantiles.n(),
                    Double.NaN,
                    Double.NaN,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    boundaries,
                    exactOrBound(),
                    List.of(),
                    List.of(),
                    0,
                    "");
        }
        if (counts != null) {
            settle();
            return countsResult(p);
        }
        return Constants.NONE;
    }

    private double exactOrBound() {
        return quantiles.n() <= QUANTILES_K ? 0 : quantiles.normalizedRankError();
    }

    private static Constants withImpute(String impute, long count, double rankError) {
        return new Constants(
                count,
                Double.NaN,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                List.of(),
                rankError,
                List.of(),
                List.of(),
                0,
                impute);
    }

    private Constants countsResult(Parameters p) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        long total = 0;
        for (Map.Entry<String, long[]> e : entries) {
            total += e.getValue()[0];
        }
        if (step.op() == Op.IMPUTE) {
            // sklearn's most_frequent: the smallest of the most frequent values (numbers by value).
            entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                    .thenComparing(Map.Entry::getKey, StepAnalyzer::compareValues));
            return withImpute(entries.isEmpty() ? "" : entries.get(0).getKey(), total, 0);
        }
        // TFT's vocabulary order: count descending, then the token's bytes descending.
        entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey, (a, b) -> Text.compareBytes(b, a)));
        List<String> vocabulary = new ArrayList<>();
        List<Long> frequencies = new ArrayList<>();
        for (Map.Entry<String, long[]> e : entries) {
            if (e.getValue()[0] < p.frequencyThreshold() || (p.topK() >= 0 && vocabulary.size() >= p.topK())) {
                continue;
            }
            vocabulary.add(e.getKey());
            frequencies.add(e.getValue()[1]);
        }
        return new Constants(
                total,
                Double.NaN,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                List.of(),
                0,
                vocabulary,
                step.op() == Op.TFIDF ? frequencies : List.of(),
                documents,
                "");
    }

    private static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return Text.compareBytes(a, b);
        }
    }
}
