package dev.veracity.beam;

import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * TFDV's statistics of a {@link PCollection} of record batches, computed by the core accumulators: each bundle's
 * batches go into one state per feature partition, states are merged per partition ({@code Combine.perKey}, so a wide
 * dataset's merge is spread over {@link StatisticsSpec#featurePartitions()} keys instead of one hot key), each
 * partition is described where it was merged, and the partitions are joined into one
 * {@link DatasetFeatureStatisticsList}: one element, the same statistics as the local engine's.
 *
 * <p>Rows left unsliced past the cap are reported as the Beam counter {@code veracity/rowsNotSliced:SLICING}.
 *
 * <pre>{@code
 * PCollection<RecordBatch> batches = pipeline.apply(ReadCsv.from(List.of("data/*.csv"), CsvOptions.DEFAULT));
 * PCollection<DatasetFeatureStatisticsList> stats = batches.apply(GenerateStatistics.of(StatisticsSpec.of(options)));
 * }</pre>
 */
public final class GenerateStatistics
        extends PTransform<PCollection<RecordBatch>, PCollection<DatasetFeatureStatisticsList>> {
    private static final long serialVersionUID = 1L;
    /** The namespace of this module's Beam metrics. */
    public static final String METRICS_NAMESPACE = "veracity";
    /** The prefix of the counters of rows not sliced, followed by the slicing ({@code country,device}). */
    public static final String ROWS_NOT_SLICED = "rowsNotSliced:";

    private final StatisticsSpec spec;

    private GenerateStatistics(StatisticsSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
    }

    /** {@return the transform computing the statistics this spec describes} */
    public static GenerateStatistics of(StatisticsSpec spec) {
        return new GenerateStatistics(spec);
    }

    @Override
    public PCollection<DatasetFeatureStatisticsList> expand(PCollection<RecordBatch> batches) {
        SlicedStatisticsCoder stateCoder = new SlicedStatisticsCoder(spec);
        KvCoder<Integer, SlicedStatistics> keyedCoder = KvCoder.of(VarIntCoder.of(), stateCoder);
        PCollectionTuple accumulated = batches.apply(
                "AccumulateBundles",
                ParDo.of(new AccumulateBundle(spec))
                        .withOutputTags(AccumulateBundle.STATES, TupleTagList.of(AccumulateBundle.COLUMNS)));
        PCollection<KV<Integer, SlicedStatistics>> states =
                accumulated.get(AccumulateBundle.STATES).setCoder(keyedCoder);
        PCollectionView<List<String>> order = accumulated
                .get(AccumulateBundle.COLUMNS)
                .setCoder(ListCoder.of(StringUtf8Coder.of()))
                .apply("ColumnOrder", Combine.globally(new ColumnOrder()).asSingletonView());
        // Every partition gets an empty state too, so that an empty input still gives its (empty) statistics.
        List<KV<Integer, SlicedStatistics>> empties = new ArrayList<>();
        for (int p = 0; p < spec.featurePartitions(); p++) {
            empties.add(KV.of(p, spec.emptyState()));
        }
        PCollection<KV<Integer, SlicedStatistics>> identities =
                batches.getPipeline().apply("EmptyStates", Create.of(empties).withCoder(keyedCoder));
        return PCollectionList.of(states)
                .and(identities)
                .apply("AllStates", Flatten.pCollections())
                .apply("MergeAndDescribePerPartition", Combine.perKey(new MergeStates(spec)))
                .setCoder(KvCoder.of(VarIntCoder.of(), new DescribedPartition.Coder()))
                .apply("OneKey", WithKeys.of(0))
                .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(VarIntCoder.of(), new DescribedPartition.Coder())))
                .apply("GatherPartitions", GroupByKey.create())
                .apply("Assemble", ParDo.of(new Assemble(spec, order)).withSideInputs(order))
                .setCoder(ProtoCoder.statistics());
    }

    /** Joins the partitions' statistics in the order of first appearance of the features. */
    private static final class Assemble
            extends DoFn<KV<Integer, Iterable<KV<Integer, DescribedPartition>>>, DatasetFeatureStatisticsList> {
        private static final long serialVersionUID = 1L;
        private final StatisticsSpec spec;
        private final PCollectionView<List<String>> order;

        Assemble(StatisticsSpec spec, PCollectionView<List<String>> order) {
            this.spec = spec;
            this.order = order;
        }

        @ProcessElement
        public void processElement(ProcessContext context) {
            Map<Integer, DatasetFeatureStatisticsList> parts = new HashMap<>();
            for (KV<Integer, DescribedPartition> part : context.element().getValue()) {
                parts.put(part.getKey(), part.getValue().statistics());
                if (part.getKey() == 0) {
                    for (int s = 0; s < spec.slicings().size(); s++) {
                        Counter counter = Metrics.counter(
                                METRICS_NAMESPACE,
                                ROWS_NOT_SLICED + new Slicing(spec.slicings().get(s)));
                        counter.inc(part.getValue().rowsNotSliced()[s]);
                    }
                }
            }
            context.output(new PartitionAssembly(spec).assemble(parts, context.sideInput(order)));
        }
    }
}
