package dev.veracity.pipeline.run;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Event;
import dev.veracity.metadata.EventType;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The last execution of each node per span, from the metadata store ({@code veracity pipeline status}). An
 * execution's span is the newest span of what it read (its external files or input artifacts), else of what it
 * made; -1 if neither says.
 *
 * <pre>{@code
 * for (NodeHistory.Entry e : NodeHistory.last(store, pipeline)) System.out.println(e.span() + " " + e.node());
 * }</pre>
 */
public final class NodeHistory {
    private NodeHistory() {}

    /**
     * One node's last execution in one span.
     *
     * @param span      the span
     * @param node      the node id
     * @param execution the execution (its state, create time and properties: {@code blocked}, {@code error},
     *                  {@code cached_from})
     */
    public record Entry(long span, String node, Execution execution) {
        public Entry {
            Objects.requireNonNull(node, "node is null");
            Objects.requireNonNull(execution, "execution is null");
        }

        /** {@return whether the node found a problem that blocked what follows it} */
        public boolean isBlocked() {
            return execution.property("blocked").isPresent();
        }
    }

    /** {@return per span (oldest first) and node (in pipeline order), the node's last execution} */
    public static List<Entry> last(MetadataStore store, Pipeline pipeline) {
        Map<Long, Artifact> artifacts = new HashMap<>();
        Map<Long, Map<Integer, Entry>> bySpan = new TreeMap<>();
        List<Node> nodes = pipeline.nodes();
        for (int index = 0; index < nodes.size(); index++) {
            Node node = nodes.get(index);
            var context = store.context("node", PipelineMetadata.nodeContextName(pipeline, node));
            if (context.isEmpty()) {
                continue;
            }
            List<Execution> executions = store.executionsByContext(context.get().id());
            if (executions.isEmpty()) {
                continue;
            }
            Map<Long, List<Event>> events = new HashMap<>();
            store.eventsByExecutions(executions.stream().map(Execution::id).toList())
                    .forEach(e -> events.computeIfAbsent(e.executionId(), k -> new ArrayList<>())
                            .add(e));
            for (Execution execution : executions) {
                List<Event> own = events.getOrDefault(execution.id(), List.of());
                if (own.isEmpty() && execution.state() == dev.veracity.metadata.ExecutionState.FAILED) {
                    // Abandoned by a killed run: its events are gone, and a later execution redid its work.
                    continue;
                }
                long span = spanOf(store, own, artifacts);
                Map<Integer, Entry> ofSpan = bySpan.computeIfAbsent(span, s -> new TreeMap<>());
                Entry before = ofSpan.get(index);
                if (before == null || before.execution().id() < execution.id()) {
                    ofSpan.put(index, new Entry(span, node.id(), execution));
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        bySpan.values().forEach(ofSpan -> entries.addAll(ofSpan.values()));
        entries.sort(Comparator.comparingLong(Entry::span));
        return entries;
    }

    private static long spanOf(MetadataStore store, List<Event> events, Map<Long, Artifact> artifacts) {
        long read = -1;
        long made = -1;
        for (Event event : events) {
            Artifact artifact = artifacts.computeIfAbsent(
                    event.artifactId(), id -> store.artifact(id).orElse(null));
            if (artifact == null) {
                continue;
            }
            long span = artifact.property("span").map(Value::intValue).orElse(-1L);
            if (event.type() == EventType.INPUT) {
                read = Math.max(read, span);
            } else {
                made = Math.max(made, span);
            }
        }
        return read >= 0 ? read : made;
    }
}
