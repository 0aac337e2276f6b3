package dev.veracity.pipeline.run;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.Pipeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Runs a pipeline span after span, oldest first: each span is one run with its source nodes reading that span (so a
 * Resolver with {@code current} wired compares it with the spans before it, which the earlier runs just made), and
 * the backfill stops at the first span whose run fails (a span with a blocked node, a problem found in its data, is
 * recorded and the next span runs, as TFX goes on without blessing it). A span already processed hits the cache; a
 * backfill killed mid-span resumes, on the next backfill, where it stopped (the runner's clean-up).
 *
 * <pre>{@code
 * List<RunResult> runs = new Backfill(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline, 20427, 20433, Backfill.Progress.NONE);
 * }</pre>
 */
public final class Backfill {
    /** The most spans one backfill runs: a bound on a typo such as a year for a day. */
    public static final long MAX_SPANS = 10_000;

    private final MetadataStore store;
    private final RunOptions options;
    private final RunListener listener;

    /** Hears when each span starts and ends. */
    public interface Progress {
        /** Hears nothing. */
        Progress NONE = new Progress() {
            @Override
            public void started(long span, int index, int total) {}

            @Override
            public void finished(long span, RunResult result) {}
        };

        /** A span's run starts; {@code index} counts from 1 to {@code total}. */
        void started(long span, int index, int total);

        /** A span's run ended. */
        void finished(long span, RunResult result);
    }

    public Backfill(MetadataStore store, RunOptions options, RunListener listener) {
        this.store = Objects.requireNonNull(store, "store is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.listener = Objects.requireNonNull(listener, "listener is null");
    }

    /**
     * {@return the runs of spans {@code from} to {@code to} (inclusive) in order, up to the first that failed}
     *
     * @throws ConfigException             if the range is empty or too long, or no node reads spans
     * @throws dev.veracity.InputException if a span of the range has no files (naming the pattern and the span), found
     *                                     before anything runs
     */
    public List<RunResult> run(Pipeline pipeline, long from, long to, Progress progress) throws IOException {
        List<Node> sources = pipeline.nodes().stream()
                .filter(n -> SpanOverride.of(n, OptionalLong.of(0)) != n.parameters())
                .toList();
        if (sources.isEmpty()) {
            throw new ConfigException(
                    "backfill: expected a node that reads spans (an ExampleGen), found none in " + pipeline.name());
        }
        if (from > to) {
            throw new ConfigException("backfill: expected --from at or before --to, found " + from + " after " + to);
        }
        if (to - from + 1 > MAX_SPANS || to - from + 1 <= 0) {
            throw new ConfigException(
                    "backfill: expected at most " + MAX_SPANS + " spans, found " + from + " to " + to);
        }
        for (long span = from; span <= to; span++) {
            for (Node node : sources) {
                try {
                    node.component().externalInputs(SpanOverride.of(node, OptionalLong.of(span)));
                } catch (InputException e) {
                    throw new InputException(e.errorCode(), "backfill: node " + node.id() + ": " + e.getMessage(), e);
                }
            }
        }
        List<RunResult> runs = new ArrayList<>();
        int total = (int) (to - from + 1);
        for (long span = from; span <= to; span++) {
            progress.started(span, (int) (span - from + 1), total);
            RunResult result = new LocalRunner(store, options.withSpan(span), listener).run(pipeline);
            runs.add(result);
            progress.finished(span, result);
            if (result.hasFailure()) {
                break;
            }
        }
        return runs;
    }
}
