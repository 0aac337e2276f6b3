package dev.veracity.beam;

import dev.veracity.stats.SlicedStatistics;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Merges accumulator states with the core's associative, commutative merge (an empty state is the identity), and
 * describes the merged state where it was merged: describing may reorganize sketches, so it happens on the
 * accumulator, which the combine owns, never on an element.
 */
final class MergeStates extends Combine.CombineFn<SlicedStatistics, SlicedStatistics, DescribedPartition> {
    private static final long serialVersionUID = 1L;
    private final StatisticsSpec spec;

    MergeStates(StatisticsSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
    }

    @Override
    public SlicedStatistics createAccumulator() {
        return spec.emptyState();
    }

    @Override
    public SlicedStatistics addInput(SlicedStatistics accumulator, SlicedStatistics input) {
        accumulator.merge(input);
        return accumulator;
    }

    @Override
    public SlicedStatistics mergeAccumulators(Iterable<SlicedStatistics> accumulators) {
        SlicedStatistics merged = null;
        for (SlicedStatistics accumulator : accumulators) {
            if (merged == null) {
                merged = accumulator;
            } else if (accumulator != merged) {
                merged.merge(accumulator);
            }
        }
        return merged == null ? createAccumulator() : merged;
    }

    @Override
    public DescribedPartition extractOutput(SlicedStatistics accumulator) {
        long[] rowsNotSliced = accumulator.slicings().stream()
                .mapToLong(accumulator::rowsNotSliced)
                .toArray();
        return new DescribedPartition(accumulator.result(spec.datasetName()), rowsNotSliced);
    }

    @Override
    public Coder<SlicedStatistics> getAccumulatorCoder(CoderRegistry registry, Coder<SlicedStatistics> input) {
        return new SlicedStatisticsCoder(spec);
    }

    @Override
    public Coder<DescribedPartition> getDefaultOutputCoder(CoderRegistry registry, Coder<SlicedStatistics> input) {
        return new DescribedPartition.Coder();
    }
}
