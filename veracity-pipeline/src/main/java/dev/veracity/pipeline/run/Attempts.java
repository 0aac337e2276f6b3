package dev.veracity.pipeline.run;

import dev.veracity.VeracityException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executes a node that missed the cache: each attempt is an execution in the store, runs under the node's timeout,
 * and on a transient failure (see {@link FailureCause}) is retried after an exponential backoff, up to the node's
 * retries. A failed attempt leaves no artifact.
 */
final class Attempts {
    private final Pipeline pipeline;
    private final PipelineMetadata metadata;
    private final MetadataStore store;
    private final RunOptions options;
    private final RunListener listener;
    private final java.time.Instant runStart;

    /** What one node needs for its attempts: its cache key, inputs, external files and why it missed the cache. */
    record Work(
            Node node,
            Context run,
            CacheKey key,
            Map<String, List<Artifact>> inputs,
            List<ExternalFile> externals,
            List<Artifact> externalArtifacts,
            String miss) {}

    Attempts(
            Pipeline pipeline,
            PipelineMetadata metadata,
            MetadataStore store,
            RunOptions options,
            RunListener listener,
            java.time.Instant runStart) {
        this.pipeline = pipeline;
        this.metadata = metadata;
        this.store = store;
        this.options = options;
        this.listener = listener;
        this.runStart = runStart;
    }

    NodeResult run(Work work, ExecutorService executor) throws IOException {
        Node node = work.node();
        int attempt = 0;
        while (true) {
            attempt++;
            listener.started(node.id(), attempt);
            Execution execution = metadata.start(node, work.run(), work.key(), attempt);
            NodeRun context = new NodeRun(
                    pipeline.name(),
                    pipeline.root(),
                    node,
                    execution.id(),
                    work.inputs(),
                    work.externals(),
                    store,
                    listener,
                    runStart);
            Throwable failure;
            try {
                Optional<Throwable> failed = attempt(node, context, executor);
                if (failed.isEmpty()) {
                    return publish(work, execution, context, attempt);
                }
                failure = failed.get();
            } catch (IOException | RuntimeException e) {
                // Moving the outputs into place or describing them failed.
                failure = e;
            }
            context.abandon();
            context.discard();
            String error = failure instanceof VeracityException ? failure.getMessage() : failure.toString();
            metadata.publish(
                    node,
                    work.run(),
                    execution
                            .withState(ExecutionState.FAILED)
                            .withCustomProperty("error", Value.of(error))
                            .withCustomProperty("stack_trace", Value.of(stackTrace(failure)))
                            .withCustomProperty("cache_miss", Value.of(work.miss())),
                    work.inputs(),
                    work.externalArtifacts(),
                    Map.of());
            FailureCause cause = FailureCause.of(failure);
            if (!cause.isRetried() || attempt > node.retries()) {
                return NodeResult.failed(node.id(), execution.id(), attempt, error, cause);
            }
            Duration wait = options.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
            listener.warning(
                    node.id(),
                    "attempt " + attempt + " failed (" + error + "); retrying in " + wait.toMillis() + " ms");
            sleep(wait);
        }
    }

    private NodeResult publish(Work work, Execution execution, NodeRun context, int attempt) throws IOException {
        Node node = work.node();
        Map<String, List<Artifact>> outputs = context.finish();
        Execution complete =
                execution.withState(ExecutionState.COMPLETE).withCustomProperty("cache_miss", Value.of(work.miss()));
        if (!context.blocked().isEmpty()) {
            complete = complete.withCustomProperty("blocked", Value.of(context.blocked()));
        }
        if (!context.warnings().isEmpty()) {
            complete = complete.withCustomProperty("warnings", Value.of(String.join("\n", context.warnings())));
        }
        Map<String, List<Artifact>> stored =
                metadata.publish(node, work.run(), complete, work.inputs(), work.externalArtifacts(), outputs);
        return NodeResult.of(
                node.id(),
                context.blocked().isEmpty() ? NodeStatus.EXECUTED : NodeStatus.BLOCKED,
                execution.id(),
                attempt,
                context.blocked().isEmpty() ? work.miss() : context.blocked(),
                stored);
    }

    /** {@return what made the attempt fail, if it did}: the component's own exception, unwrapped */
    private static Optional<Throwable> attempt(Node node, NodeRun context, ExecutorService executor) {
        Future<?> future = executor.submit(() -> {
            node.component().execute(context);
            return null;
        });
        try {
            if (node.timeout().isZero()) {
                future.get();
            } else {
                future.get(node.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            return Optional.empty();
        } catch (TimeoutException e) {
            context.abandon();
            future.cancel(true);
            return Optional.of(
                    new TimeoutException("timed out after " + node.timeout().toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return Optional.of(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Optional.of(cause instanceof UncheckedIOException unchecked ? unchecked.getCause() : cause);
        }
    }

    /** {@return the failure's stack trace, for {@code --verbose} (the store keeps it; the summary shows one line)} */
    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        String trace = text.toString();
        return trace.length() > 16_000 ? trace.substring(0, 16_000) : trace;
    }

    private static void sleep(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }
}
