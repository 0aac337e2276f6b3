package dev.veracity.beam;

import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.csv.CsvLines;
import dev.veracity.stats.Sampling;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The second pass over CSV lines: keeps the sampled lines and parses them, a block of up to the batch size at a time,
 * into record batches of the column types the first pass found (a side input); and, for the element {@link #COLUMNS},
 * one empty batch with every column. Skipped malformed records are counted in the Beam counter
 * {@code veracity/skippedRecords}.
 */
final class ParseLines extends DoFn<String, RecordBatch> {
    private static final long serialVersionUID = 1L;
    /** The element that asks for one empty batch with every column; no line of a file equals it (a line has no LF). */
    static final String COLUMNS = "\n";
    /** The counter of malformed records skipped. */
    static final String SKIPPED_RECORDS = "skippedRecords";

    private final CsvSource source;
    private final PCollectionView<byte[]> ranks;
    private final Counter skipped = Metrics.counter(GenerateStatistics.METRICS_NAMESPACE, SKIPPED_RECORDS);
    private transient CsvLines lines;
    private transient Sampling sampling;
    private transient LineBlock block;
    private transient List<FeatureType> types;

    ParseLines(CsvSource source, PCollectionView<byte[]> ranks) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.ranks = Objects.requireNonNull(ranks, "ranks is null");
    }

    @Setup
    public void setup() {
        lines = source.lines();
        sampling = source.sampling();
    }

    @StartBundle
    public void startBundle() {
        block = new LineBlock(source.options().batchSize());
        types = null;
    }

    @ProcessElement
    public void processElement(ProcessContext context) {
        String line = context.element();
        if (types == null) {
            types = lines.types(WidenRanks.toInts(context.sideInput(ranks)));
        }
        if (line.equals(COLUMNS)) {
            context.output(lines.parse(new byte[0], types).batch());
            return;
        }
        if (!sampling.keepsAll() && !sampling.keeps(hash(line))) {
            return;
        }
        if (block.add(line)) {
            context.output(parse());
        }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
        if (!block.isEmpty()) {
            context.output(parse(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        }
    }

    private RecordBatch parse() {
        CsvLines.Parsed parsed = lines.parse(block.take(), types);
        if (parsed.skippedRecords() > 0) {
            skipped.inc(parsed.skippedRecords());
        }
        return parsed.batch();
    }

    /**
     * {@return a 64-bit hash of a line (FNV-1a over its chars)} Under Beam a row's position in the dataset is unknown,
     * so the sample is decided by the seed and the line's text: the same on any runner and any parallelism, and equal
     * lines are kept or dropped together.
     */
    static long hash(String line) {
        long h = 0xCBF2_9CE4_8422_2325L;
        for (int i = 0; i < line.length(); i++) {
            h = (h ^ line.charAt(i)) * 0x0000_0100_0000_01B3L;
        }
        return h;
    }
}
