package dev.veracity.transform;

import dev.veracity.data.FeatureType;
import dev.veracity.io.ReadOptions;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The analysis of one file (or of several, merged in file order), a mergeable accumulator: each step's analyzer, the
 * columns' types and most values per row, and the rows read and skipped. The unit the analyzer cache stores and the
 * one an engine ({@link TransformAnalysis}) distributes: a fit is the files' analyses merged in file order and then
 * {@link TransformFit#fitted finished}, so an engine that merges in that order gets the local fit's constants.
 *
 * <pre>{@code
 * FileAnalysis whole = FileAnalysis.of(spec, Path.of("span-1.csv"), ReadOptions.DEFAULT);
 * whole.merge(FileAnalysis.of(spec, Path.of("span-2.csv"), ReadOptions.DEFAULT));
 * TransformFit.Fitted fitted = TransformFit.fitted(spec, whole, 2);
 * }</pre>
 */
public final class FileAnalysis {
    /** The version of {@link #write}'s encoding. */
    static final int FORMAT = 1;

    private final List<StepAnalyzer> analyzers;
    private final Map<String, FeatureType> types;
    private final Map<String, Integer> maxCounts;
    private long rows;
    private long skipped;

    /** @param types and maxCounts: mutable maps in column order, which merging extends */
    FileAnalysis(
            List<StepAnalyzer> analyzers,
            Map<String, FeatureType> types,
            Map<String, Integer> maxCounts,
            long rows,
            long skipped) {
        this.analyzers = analyzers;
        this.types = types;
        this.maxCounts = maxCounts;
        this.rows = rows;
        this.skipped = skipped;
    }

    /**
     * {@return the analysis of one file for the spec}, as the local fit computes it (on all cores for a large CSV;
     * the result does not depend on their number)
     *
     * @throws dev.veracity.InputException the readers' errors for malformed data, naming the file
     */
    public static FileAnalysis of(TransformSpec spec, Path file, ReadOptions read) throws IOException {
        Objects.requireNonNull(spec, "spec is null");
        return TransformFit.analyzeFile(spec, file, read);
    }

    /**
     * Adds what {@code other} (a later file) saw: analyzers merged, a column INT here and FLOAT there is FLOAT. This
     * analysis changes, {@code other} does not.
     */
    public void merge(FileAnalysis other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an analysis with itself");
        }
        if (other.analyzers.size() != analyzers.size()) {
            throw new IllegalArgumentException(
                    "expected an analysis of " + analyzers.size() + " steps, found " + other.analyzers.size());
        }
        for (int s = 0; s < analyzers.size(); s++) {
            analyzers.get(s).merge(other.analyzers.get(s));
        }
        other.types.forEach((name, type) -> {
            FeatureType seen = types.get(name);
            if (seen == null || (seen == FeatureType.INT && type == FeatureType.FLOAT)) {
                types.put(name, type);
            }
        });
        other.maxCounts.forEach((name, max) -> maxCounts.merge(name, max, Math::max));
        rows += other.rows;
        skipped += other.skipped;
    }

    /**
     * Writes the state, for {@link #read}: the same bytes for the same state, and reading them back gives an analysis
     * that merges and finishes exactly as this one (the sketches' coins included).
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeLong(rows);
        out.writeLong(skipped);
        out.writeInt(types.size());
        for (Map.Entry<String, FeatureType> type : types.entrySet()) {
            out.writeUTF(type.getKey());
            out.writeUTF(type.getValue().name());
        }
        out.writeInt(maxCounts.size());
        for (Map.Entry<String, Integer> max : maxCounts.entrySet()) {
            out.writeUTF(max.getKey());
            out.writeInt(max.getValue());
        }
        out.writeInt(analyzers.size());
        for (StepAnalyzer analyzer : analyzers) {
            analyzer.write(out);
        }
    }

    /**
     * {@return the analysis for {@code spec} in the state {@link #write} wrote}
     *
     * @throws IOException if the bytes are of another format or of another spec's analysis
     */
    public static FileAnalysis read(TransformSpec spec, DataInput in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("another analysis format");
        }
        long rows = in.readLong();
        long skipped = in.readLong();
        Map<String, FeatureType> types = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            types.put(in.readUTF(), FeatureType.valueOf(in.readUTF()));
        }
        Map<String, Integer> maxCounts = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            maxCounts.put(in.readUTF(), in.readInt());
        }
        int steps = in.readInt();
        if (steps != spec.steps().size()) {
            throw new IOException("expected " + spec.steps().size() + " analyzers, found " + steps);
        }
        List<StepAnalyzer> analyzers = new ArrayList<>();
        for (Step step : spec.steps()) {
            analyzers.add(StepAnalyzer.read(step, in));
        }
        return new FileAnalysis(analyzers, types, maxCounts, rows, skipped);
    }

    List<StepAnalyzer> analyzers() {
        return analyzers;
    }

    Map<String, FeatureType> types() {
        return types;
    }

    Map<String, Integer> maxCounts() {
        return maxCounts;
    }

    /** {@return the rows read} */
    public long rows() {
        return rows;
    }

    /** {@return the malformed records skipped} */
    public long skipped() {
        return skipped;
    }
}
