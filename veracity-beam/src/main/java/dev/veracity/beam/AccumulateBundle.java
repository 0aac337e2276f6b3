package dev.veracity.beam;

import dev.veracity.data.Column;
import dev.veracity.data.ListLevels;
import dev.veracity.data.Nesting;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StructRows;
import dev.veracity.stats.SlicedStatistics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Adds the batches of a bundle to one core state per feature partition (a partition's state sees only its features,
 * plus the slicing and weight features every partition needs) and emits the states when the bundle ends, keyed by
 * partition; also the bundle's column names in order of first appearance. So only accumulator states, which grow
 * with features and not rows, cross the shuffle, as Beam's combiner lifting would do.
 */
final class AccumulateBundle extends DoFn<RecordBatch, KV<Integer, SlicedStatistics>> {
    private static final long serialVersionUID = 1L;
    static final TupleTag<KV<Integer, SlicedStatistics>> STATES = new TupleTag<>() {};
    static final TupleTag<List<String>> COLUMNS = new TupleTag<>() {};

    private final StatisticsSpec spec;
    private transient SlicedStatistics[] states;
    private transient Set<String> columns;

    AccumulateBundle(StatisticsSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
    }

    @StartBundle
    public void startBundle() {
        states = new SlicedStatistics[spec.featurePartitions()];
        columns = new LinkedHashSet<>();
    }

    @ProcessElement
    public void processElement(@Element RecordBatch batch) {
        Nesting nesting = batch.nesting();
        for (Column column : batch.columns()) {
            Optional<ListLevels> levels = nesting.levelsOf(column.name());
            if (levels.isPresent()) {
                // a struct's feature comes before its first field, as the local engine orders them
                for (StructRows struct : nesting.structs()) {
                    if (struct.isParentOf(levels.get().path())) {
                        columns.add(String.join(".", struct.path()));
                    }
                }
                columns.add(String.join(".", levels.get().path()));
            }
            columns.add(column.name());
        }
        for (StructRows struct : nesting.structs()) {
            columns.add(String.join(".", struct.path()));
        }
        if (states.length == 1) {
            state(0).add(batch);
            return;
        }
        List<List<Column>> parts = new ArrayList<>(states.length);
        List<List<ListLevels>> levels = new ArrayList<>(states.length);
        for (int p = 0; p < states.length; p++) {
            parts.add(new ArrayList<>());
            levels.add(new ArrayList<>());
        }
        for (Column column : batch.columns()) {
            Optional<ListLevels> nested = nesting.levelsOf(column.name());
            if (nested.isPresent()) {
                // nested features go with the structs to partition 0: their statistics read their parent struct's
                parts.get(0).add(column);
                levels.get(0).add(nested.get());
            } else if (spec.isSharedFeature(column.name())) {
                parts.forEach(part -> part.add(column));
            } else {
                parts.get(spec.partitionOf(column.name())).add(column);
            }
        }
        for (int p = 0; p < states.length; p++) {
            Nesting part = p == 0 && !nesting.isEmpty() ? new Nesting(levels.get(0), nesting.structs()) : Nesting.NONE;
            state(p).add(new RecordBatch(batch.rowCount(), parts.get(p), part));
        }
    }

    private SlicedStatistics state(int partition) {
        if (states[partition] == null) {
            states[partition] = spec.emptyState();
        }
        return states[partition];
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
        for (int p = 0; p < states.length; p++) {
            if (states[p] != null) {
                context.output(
                        STATES, KV.of(p, states[p]), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
            }
        }
        context.output(COLUMNS, List.copyOf(columns), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        states = null;
        columns = null;
    }
}
