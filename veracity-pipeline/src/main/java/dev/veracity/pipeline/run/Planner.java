package dev.veracity.pipeline.run;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dry run: what a run would do, node by node, without executing anything. A node is predicted CACHED when its
 * inputs are known (its upstream nodes are predicted cached or reused) and its cache key finds usable outputs; else
 * it would run, and the plan says why (the same explanation {@code why-not-cached} gives).
 *
 * <pre>{@code
 * List<Planner.Step> plan = new Planner(store, RunOptions.DEFAULT).plan(pipeline);
 * }</pre>
 */
public final class Planner {
    private final MetadataStore store;
    private final RunOptions options;

    public Planner(MetadataStore store, RunOptions options) {
        this.store = store;
        this.options = options;
    }

    /**
     * One node of a plan.
     *
     * @param node     the node id
     * @param type     its component type
     * @param status   CACHED, REUSED or EXECUTED (would run)
     * @param upstream the nodes it reads from
     * @param reason   why it runs, or where its outputs come from
     */
    public record Step(String node, String type, NodeStatus status, Set<String> upstream, String reason) {}

    /** {@return the plan, in topological order} */
    public List<Step> plan(Pipeline pipeline) throws IOException {
        Set<String> selected = Selection.of(pipeline, options);
        PipelineMetadata metadata = PipelineMetadata.register(store, pipeline);
        Map<String, Map<String, List<Artifact>>> known = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (Node node : pipeline.nodes()) {
            if (!selected.contains(node.id())) {
                List<Execution> earlier = metadata.executions(node);
                Optional<Execution> last = earlier.stream()
                        .filter(e -> e.state().isFinal()
                                && e.state() != dev.veracity.metadata.ExecutionState.FAILED
                                && e.state() != dev.veracity.metadata.ExecutionState.CANCELED)
                        .reduce((a, b) -> b);
                last.ifPresent(e -> known.put(node.id(), metadata.outputsOf(e)));
                steps.add(new Step(
                        node.id(),
                        node.spec().type(),
                        NodeStatus.REUSED,
                        node.upstream(),
                        last.map(e -> "outside --from/--to: outputs of execution " + e.id())
                                .orElse("outside --from/--to and never run: the run will refuse")));
                continue;
            }
            List<String> unknown =
                    node.upstream().stream().filter(u -> !known.containsKey(u)).toList();
            if (!unknown.isEmpty()) {
                steps.add(new Step(
                        node.id(),
                        node.spec().type(),
                        NodeStatus.EXECUTED,
                        node.upstream(),
                        "runs if its inputs change: " + String.join(", ", unknown) + " will run first"));
                continue;
            }
            if (node.component().isResolver()) {
                steps.add(new Step(
                        node.id(),
                        node.spec().type(),
                        NodeStatus.EXECUTED,
                        node.upstream(),
                        "a resolver runs every time"));
                continue;
            }
            Map<String, List<Artifact>> inputs = new LinkedHashMap<>();
            node.inputs().forEach((name, channels) -> {
                List<Artifact> list = new ArrayList<>();
                channels.forEach(c -> list.addAll(known.get(c.node()).getOrDefault(c.output(), List.of())));
                inputs.put(name, list);
            });
            List<ExternalFile> externals;
            List<String> digests = new ArrayList<>();
            try {
                externals = node.component().externalInputs(SpanOverride.of(node, options.span()));
                for (ExternalFile file : externals) {
                    Path path = file.path().toAbsolutePath().normalize();
                    digests.add(Files.exists(path) ? Digests.of(path) : "missing");
                }
            } catch (dev.veracity.VeracityException e) {
                steps.add(new Step(node.id(), node.spec().type(), NodeStatus.FAILED, node.upstream(), e.getMessage()));
                continue;
            }
            CacheKey key = CacheKeys.of(node, inputs, externals, digests);
            Set<String> outputs = new LinkedHashSet<>();
            node.spec().outputs().stream().map(OutputPort::name).forEach(outputs::add);
            Optional<Execution> hit = options.cache() ? metadata.cached(node, key, outputs) : Optional.empty();
            if (hit.isPresent()) {
                known.put(node.id(), metadata.outputsOf(hit.get()));
                steps.add(new Step(
                        node.id(),
                        node.spec().type(),
                        NodeStatus.CACHED,
                        node.upstream(),
                        "outputs of execution " + hit.get().id()));
            } else {
                steps.add(new Step(
                        node.id(),
                        node.spec().type(),
                        NodeStatus.EXECUTED,
                        node.upstream(),
                        CacheKeys.explainMiss(key, metadata.executions(node), options.cache())));
            }
        }
        return steps;
    }
}
