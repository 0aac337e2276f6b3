package dev.veracity.pipeline.run;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.Pipeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The order of one run: starts each selected node once all it reads from are done (independent ones in parallel),
 * skips those after a failure, and takes the latest outputs of nodes outside {@code --from}/{@code --to}.
 */
final class Schedule {
    private final Pipeline pipeline;
    private final PipelineMetadata metadata;
    private final RunOptions options;
    private final RunListener listener;
    private final Set<String> selected;
    private final NodeExecution execution;
    private final Map<String, NodeResult> results = new LinkedHashMap<>();

    Schedule(
            Pipeline pipeline,
            PipelineMetadata metadata,
            RunOptions options,
            RunListener listener,
            Set<String> selected,
            NodeExecution execution) {
        this.pipeline = pipeline;
        this.metadata = metadata;
        this.options = options;
        this.listener = listener;
        this.selected = selected;
        this.execution = execution;
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
                            .filter(u -> !results.get(u).status().isUsable())
                            .toList();
                    if (!unusable.isEmpty()) {
                        finish(NodeResult.of(
                                id,
                                NodeStatus.SKIPPED,
                                0,
                                0,
                                "not run: " + String.join(", ", unusable) + " did not succeed",
                                Map.of()));
                        continue;
                    }
                    Map<String, List<Artifact>> inputs = inputsOf(node);
                    done.submit(() -> execution.execute(node, inputs, attempts));
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
        List<NodeResult> ordered = pipeline.nodes().stream()
                .map(n -> results.get(n.id()))
                .filter(Objects::nonNull)
                .toList();
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
            Execution done = earlier.get(i);
            if (done.state() == ExecutionState.COMPLETE || done.state() == ExecutionState.CACHED) {
                results.put(
                        node.id(),
                        NodeResult.of(
                                node.id(),
                                NodeStatus.REUSED,
                                done.id(),
                                0,
                                "outside --from/--to: outputs of execution " + done.id(),
                                metadata.outputsOf(done)));
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

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
