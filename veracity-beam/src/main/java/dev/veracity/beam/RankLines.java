package dev.veracity.beam;

import dev.veracity.io.csv.CsvLines;
import java.util.Objects;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;

/** The first pass over CSV lines: per bundle, the widest type rank seen in each column, emitted when it ends. */
final class RankLines extends DoFn<String, byte[]> {
    private static final long serialVersionUID = 1L;
    private final CsvSource source;
    private transient CsvLines lines;
    private transient LineBlock block;
    private transient int[] ranks;

    RankLines(CsvSource source) {
        this.source = Objects.requireNonNull(source, "source is null");
    }

    @Setup
    public void setup() {
        lines = source.lines();
    }

    @StartBundle
    public void startBundle() {
        block = new LineBlock(source.options().batchSize());
        ranks = lines.noRanks();
    }

    @ProcessElement
    public void processElement(@Element String line) {
        if (block.add(line)) {
            lines.rank(block.take(), ranks);
        }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
        if (!block.isEmpty()) {
            lines.rank(block.take(), ranks);
        }
        byte[] bytes = new byte[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            bytes[i] = (byte) ranks[i];
        }
        context.output(bytes, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }
}
