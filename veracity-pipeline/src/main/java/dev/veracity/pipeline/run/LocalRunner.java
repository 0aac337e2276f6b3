package dev.veracity.pipeline.run;

import dev.veracity.ConfigException;
import dev.veracity.VeracityException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs a pipeline on this machine: nodes in topological order, independent ones in parallel, each attempt with a
 * timeout and retried with exponential backoff; outputs of an earlier execution with the same cache key are reused;
 * everything is recorded in the metadata store. A run that was killed leaves executions RUNNING: the next run marks
 * them FAILED, deletes what they wrote, and re-uses what finished, so it redoes only the rest.
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
        this.store = java.util.Objects.requireNonNull(store, "store is null");
        this.options = java.util.Objects.requireNonNull(options, "options is null");
        this.listener = java.util.Objects.requireNonNull(listener, "listener is null");
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
            requireOneStore(pipeline.root());
            PipelineMetadata metadata = PipelineMetadata.register(store, pipeline);
            cleanUp(pipeline, metadata);
            String runId = pipeline.name() + "-" + Instant.now().toString().replace(':', '-') + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            Context run = metadata.startRun(runId);
            return new Schedule(pipeline, metadata, run, selected).run(runId);
        }
    }

    /**
     * Ties a root to one store: execution ids name directories, so two stores writing one root would collide.
     *
     * @throws ConfigException if the root was written with another store
     */
    private void requireOneStore(Path root) throws IOException {
        Path file = root.resolve(".metadata-store");
        String location = store.toString();
        if (Files.exists(file)) {
            String recorded = Files.readString(file).strip();
            if (!recorded.equals(location)) {
                throw new ConfigException(root + ": expected the metadata store it was written with (" + recorded
                        + "), found " + location + ": use that store or another pipeline_root");
            }
        } else {
            dev.veracity.io.AtomicFiles.write(file, out -> out.write((location + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Marks executions of a killed run FAILED and deletes their directories, finished or not. */
    private static void cleanUp(Pipeline pipeline, PipelineMetadata metadata) throws IOException {
        for (Execution abandoned : metadata.abandonUnfinished()) {
            String node = abandoned.property("node").map(Value::stringValue).orElse("");
            Path nodeDirectory = pipeline.root().resolve(node);
            if (!node.isEmpty() && Files.isDirectory(nodeDirectory)) {
                try (Stream<Path> outputs = Files.list(nodeDirectory)) {
                    for (Path output : outputs.toList()) {
                        NodeRun.deleteTree(output.resolve(Long.toString(abandoned.id())));
                    }
                }
            }
        }
        for (Node node : pipeline.nodes()) {
            Path nodeDirectory = pipeline.root().resolve(node.id());
            if (Files.isDirectory(nodeDirectory)) {
                try (Stream<Path> outputs = Files.list(nodeDirectory)) {
                    for (Path output : outputs.filter(Files::isDirectory).toList()) {
                        try (Stream<Path> entries = Files.list(output)) {
                            entries.filter(p -> p.getFileName().toString().startsWith(".tmp-"))
                                    .forEach(NodeRun::deleteTree);
                        }
                    }
                }
            }
        }
    }

    /** The state of one run: which nodes are done, with which outputs. */
    private final class Schedule {
        private final Pipeline pipeline;
        private final PipelineMetadata metadata;
        private final Context run;
        private final Set<String> selected;
        private final Map<String, NodeResult> results = new LinkedHashMap<>();

        Schedule(Pipeline pipeline, PipelineMetadata metadata, Context run, Set<String> selected) {
            this.pipeline = pipeline;
            this.metadata = metadata;
            this.run = run;
            this.selected = selected;
        }

        RunResult run(String runId) throws IOException {
            for (Node node : pipeline.nodes()) {
                if (!selected.contains(node.id())) {
                    reuse(node);
                }
            }
            ExecutorService nodes = Executors.newFixedThreadPool(options.parallelism(), daemon("veracity-node"));
            ExecutorService attempts = Executors.newCachedThreadPool(daemon("veracity-attempt"));
            try {
                ExecutorCompletionService<NodeResult> done = new ExecutorCompletionService<>(nodes);
                Set<String> pending = new LinkedHashSet<>();
                pipeline.nodes().stream().map(Node::id).filter(selected::contains).forEach(pending::add);
                int running = 0;
                while (!pending.isEmpty() || running > 0) {
                    for (String id : List.copyOf(pending)) {
                        Node node = pipeline.node(id).orElseThrow();
                        if (!node.upstream().stream().allMatch(results::containsKey)) {
                            continue;
                        }
                        pending.remove(id);
                        List<String> unusable = node.upstream().stream()
                                .filter(u -> !results.get(u).status().isUsable()).toList();
                        if (!unusable.isEmpty()) {
                            finish(new NodeResult(id, NodeStatus.SKIPPED, 0, 0, "not run: " + String.join(", ",
                                    unusable) + " did not succeed", Map.of()));
                            continue;
                        }
                        Map<String, List<Artifact>> inputs = inputsOf(node);
                        done.submit(() -> execute(node, inputs, attempts));
                        running++;
                    }
                    if (running > 0) {
                        finish(take(done));
                        running--;
                    }
                }
            } finally {
                nodes.shutdownNow();
                attempts.shutdownNow();
            }
            List<NodeResult> ordered = pipeline.nodes().stream().map(n -> results.get(n.id()))
                    .filter(java.util.Objects::nonNull).toList();
            return new RunResult(runId, ordered);
        }

        private NodeResult take(ExecutorCompletionService<NodeResult> done) throws IOException {
            try {
                return done.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for nodes", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(cause);
            }
        }

        private void finish(NodeResult result) {
            results.put(result.node(), result);
            listener.finished(result);
        }

        private void reuse(Node node) {
            List<Execution> earlier = metadata.executions(node);
            for (int i = earlier.size() - 1; i >= 0; i--) {
                Execution execution = earlier.get(i);
                if (execution.state() == ExecutionState.COMPLETE || execution.state() == ExecutionState.CACHED) {
                    results.put(node.id(), new NodeResult(node.id(), NodeStatus.REUSED, execution.id(), 0,
                            "outside --from/--to: outputs of execution " + execution.id(), metadata.outputsOf(execution)));
                    return;
                }
            }
            for (String downstream : pipeline.downstreamOf(node.id())) {
                if (selected.contains(downstream)) {
                    throw new ConfigException("node " + node.id() + ": expected an earlier successful execution to "
                            + "reuse (it is outside --from/--to and " + downstream + " reads it), found none: run it "
                            + "first");
                }
            }
        }

        private Map<String, List<Artifact>> inputsOf(Node node) {
            Map<String, List<Artifact>> inputs = new LinkedHashMap<>();
            node.inputs().forEach((name, channels) -> {
                List<Artifact> list = new ArrayList<>();
                channels.forEach(c -> list.addAll(results.get(c.node()).outputs().getOrDefault(c.output(), List.of())));
                inputs.put(name, list);
            });
            return inputs;
        }

        private NodeResult execute(Node node, Map<String, List<Artifact>> inputs, ExecutorService attempts)
                throws IOException {
            try {
                return prepareAndExecute(node, inputs, attempts);
            } catch (VeracityException | IOException e) {
                String error = e instanceof VeracityException ? e.getMessage() : e.toString();
                return new NodeResult(node.id(), NodeStatus.FAILED, 0, 0, error, Map.of());
            }
        }

        private NodeResult prepareAndExecute(Node node, Map<String, List<Artifact>> inputs,
                ExecutorService attempts) throws IOException {
            List<ExternalFile> externals = node.component().externalInputs(node.parameters());
            List<String> digests = new ArrayList<>();
            List<Artifact> externalArtifacts = new ArrayList<>();
            for (ExternalFile file : externals) {
                Path path = file.path().toAbsolutePath().normalize();
                if (!Files.exists(path)) {
                    throw new dev.veracity.InputException(dev.veracity.ErrorCode.FILE_NOT_FOUND, file.path()
                            + ": expected a file for node " + node.id() + ", found none");
                }
                String digest = Digests.of(path);
                digests.add(digest);
                externalArtifacts.add(metadata.externalFile(path.toString(), digest, file.span(), file.version()));
            }
            CacheKey key = CacheKeys.of(node, inputs, externals, digests);
            Set<String> outputNames = new LinkedHashSet<>();
            node.spec().outputs().stream().map(OutputPort::name).forEach(outputNames::add);
            String miss = "";
            if (!node.component().isResolver()) {
                if (options.cache()) {
                    var hit = metadata.cached(node, key, outputNames);
                    if (hit.isPresent()) {
                        Map<String, List<Artifact>> outputs = metadata.outputsOf(hit.get());
                        Execution cached = metadata.publishCached(node, run, key, inputs, externalArtifacts, outputs,
                                hit.get());
                        String blocked = hit.get().property("blocked").map(Value::stringValue).orElse("");
                        return new NodeResult(node.id(), blocked.isEmpty() ? NodeStatus.CACHED : NodeStatus.BLOCKED,
                                cached.id(), 0, blocked.isEmpty() ? "from execution " + hit.get().id() : blocked,
                                outputs);
                    }
                }
                miss = CacheKeys.explainMiss(key, metadata.executions(node), options.cache());
            }
            int attempt = 0;
            while (true) {
                attempt++;
                listener.started(node.id(), attempt);
                Execution execution = metadata.start(node, run, key, attempt);
                NodeRun context = new NodeRun(pipeline.name(), pipeline.root(), node, execution.id(), inputs,
                        externals, store, listener);
                try {
                    attempt(node, context, attempts);
                    Map<String, List<Artifact>> outputs = context.finish();
                    Execution complete = execution.withState(ExecutionState.COMPLETE)
                            .withCustomProperty("cache_miss", Value.of(miss));
                    if (!context.blocked().isEmpty()) {
                        complete = complete.withCustomProperty("blocked", Value.of(context.blocked()));
                    }
                    if (!context.warnings().isEmpty()) {
                        complete = complete.withCustomProperty("warnings", Value.of(String.join("\n",
                                context.warnings())));
                    }
                    Map<String, List<Artifact>> stored = metadata.publish(node, run, complete, inputs,
                            externalArtifacts, outputs);
                    return new NodeResult(node.id(), context.blocked().isEmpty() ? NodeStatus.EXECUTED
                            : NodeStatus.BLOCKED, execution.id(), attempt,
                            context.blocked().isEmpty() ? miss : context.blocked(), stored);
                } catch (Exception e) {
                    context.abandon();
                    context.discard();
                    String error = e instanceof VeracityException ? e.getMessage() : e.toString();
                    metadata.publish(node, run, execution.withState(ExecutionState.FAILED)
                            .withCustomProperty("error", Value.of(error)).withCustomProperty("cache_miss",
                                    Value.of(miss)), inputs, externalArtifacts, Map.of());
                    boolean retry = !(e instanceof VeracityException) && attempt <= node.retries();
                    if (!retry) {
                        return new NodeResult(node.id(), NodeStatus.FAILED, execution.id(), attempt, error, Map.of());
                    }
                    Duration wait = options.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
                    listener.warning(node.id(), "attempt " + attempt + " failed (" + error + "); retrying in "
                            + wait.toMillis() + " ms");
                    sleep(wait);
                }
            }
        }

        private void attempt(Node node, NodeRun context, ExecutorService attempts) throws Exception {
            Future<?> future = attempts.submit(() -> {
                node.component().execute(context);
                return null;
            });
            try {
                if (node.timeout().isZero()) {
                    future.get();
                } else {
                    future.get(node.timeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (TimeoutException e) {
                context.abandon();
                future.cancel(true);
                throw new TimeoutException("timed out after " + node.timeout().toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException unchecked) {
                    throw unchecked.getCause();
                }
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                throw e;
            }
        }
    }

    private static void sleep(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
