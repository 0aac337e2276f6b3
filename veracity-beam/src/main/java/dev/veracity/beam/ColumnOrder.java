package dev.veracity.beam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The features in order of first appearance, as the local engine lists them: the union of the bundles' column lists,
 * each new name appended. Deterministic when every batch has the same columns (CSV, Parquet, Avro).
 */
final class ColumnOrder extends Combine.CombineFn<List<String>, List<String>, List<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<String> createAccumulator() {
        return new ArrayList<>();
    }

    @Override
    public List<String> addInput(List<String> accumulator, List<String> columns) {
        Set<String> seen = new HashSet<>(accumulator);
        for (String column : columns) {
            if (seen.add(column)) {
                accumulator.add(column);
            }
        }
        return accumulator;
    }

    @Override
    public List<String> mergeAccumulators(Iterable<List<String>> accumulators) {
        List<String> merged = createAccumulator();
        for (List<String> accumulator : accumulators) {
            addInput(merged, accumulator);
        }
        return merged;
    }

    @Override
    public List<String> extractOutput(List<String> accumulator) {
        return List.copyOf(accumulator);
    }

    @Override
    public Coder<List<String>> getAccumulatorCoder(CoderRegistry registry, Coder<List<String>> input) {
        return ListCoder.of(StringUtf8Coder.of());
    }
}
