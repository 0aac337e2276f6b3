package dev.veracity.pipeline.run;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Runs a pipeline on this machine: nodes in topological order, independent ones in parallel ({@code Schedule}),
 * each attempt with a timeout and a transient failure retried with exponential backoff ({@code Attempts}); outputs of
 * an earlier execution with the same cache key are reused ({@code NodeExecution}); everything is recorded in the
 * metadata store. A run that was killed leaves executions RUNNING: the next run marks them FAILED, deletes what
 * they wrote, and re-uses what finished, so it redoes only the rest ({@code RootUpkeep}).
 *
 * <pre>{@code
 * RunResult result = new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(pipeline);
 * }</pre>
 */
public final class LocalRunner {
    private final MetadataStore store;
    private final RunOptions options;
    private final RunListener listener;

    public LocalRunner(MetadataStore store, RunOptions options, RunListener listener) {
        this.store = Objects.requireNonNull(store, "store is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.listener = Objects.requireNonNull(listener, "listener is null");
    }

    /**
     * {@return the result of running the pipeline (or the part {@code --from}/{@code --to} select)}
     *
     * @throws ConfigException if another run holds the root, a node named by from/to does not exist, or a node
     *                         outside the selection never ran
     */
    public RunResult run(Pipeline pipeline) throws IOException {
        Set<String> selected = Selection.of(pipeline, options);
        try (RunLock lock = RunLock.acquire(pipeline.root())) {
            RootUpkeep.requireOneStore(pipeline.root(), store);
            PipelineMetadata metadata = PipelineMetadata.register(store, pipeline);
            RootUpkeep.cleanUp(pipeline, metadata);
            Instant started = Instant.now();
            String runId = pipeline.name() + "-" + started.toString().replace(':', '-') + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            Context run = metadata.startRun(runId);
            Attempts attempts = new Attempts(pipeline, metadata, store, options, listener, started);
            NodeExecution execution = new NodeExecution(metadata, options, run, attempts);
            return new Schedule(pipeline, metadata, options, listener, selected, execution).run(runId);
        }
    }
}
