package dev.veracity.metadata;

import java.util.List;
import java.util.Objects;

/**
 * A lineage subgraph: artifacts, the executions between them and the events that link them (MLMD's
 * {@code LineageGraph} without types and contexts).
 *
 * <pre>{@code
 * LineageGraph upstream = store.lineage(anomalies.id(), 10, LineageDirection.UPSTREAM);
 * }</pre>
 *
 * @param artifacts  the artifacts reached, the start first
 * @param executions the executions reached
 * @param events     the events between them
 */
public record LineageGraph(List<Artifact> artifacts, List<Execution> executions, List<Event> events) {
    public LineageGraph {
        artifacts = List.copyOf(Objects.requireNonNull(artifacts, "artifacts is null"));
        executions = List.copyOf(Objects.requireNonNull(executions, "executions is null"));
        events = List.copyOf(Objects.requireNonNull(events, "events is null"));
    }
}
