package dev.veracity.transform;

import dev.veracity.data.FeatureType;
import java.util.List;
import java.util.Map;

/**
 * The analysis of one file (or of several, merged in file order): each step's analyzer, the columns' types and most
 * values per row, and the rows read and skipped. The unit the analyzer cache stores.
 *
 * <pre>{@code
 * FileAnalysis whole = first;
 * whole.merge(second);
 * }</pre>
 */
final class FileAnalysis {
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

    /** Adds what {@code other} (a later file) saw: analyzers merged, a column INT here and FLOAT there is FLOAT. */
    void merge(FileAnalysis other) {
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

    List<StepAnalyzer> analyzers() {
        return analyzers;
    }

    Map<String, FeatureType> types() {
        return types;
    }

    Map<String, Integer> maxCounts() {
        return maxCounts;
    }

    long rows() {
        return rows;
    }

    long skipped() {
        return skipped;
    }
}
