package dev.veracity.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A breadth-first walk over events from one artifact, a hop per artifact-execution edge. */
final class LineageWalk {
    private final MetadataStore store;
    private final int maxHops;
    private final LineageDirection direction;

    LineageWalk(MetadataStore store, int maxHops, LineageDirection direction) {
        if (maxHops < 0) {
            throw new IllegalArgumentException("maxHops must be >= 0: " + maxHops);
        }
        this.store = store;
        this.maxHops = maxHops;
        this.direction = direction;
    }

    LineageGraph from(Artifact start) {
        Map<Long, Artifact> artifacts = new LinkedHashMap<>();
        Map<Long, Execution> executions = new LinkedHashMap<>();
        Set<Event> events = new LinkedHashSet<>();
        artifacts.put(start.id(), start);
        List<Long> artifactFrontier = List.of(start.id());
        List<Long> executionFrontier = List.of();
        for (int hop = 0; hop < maxHops && !(artifactFrontier.isEmpty() && executionFrontier.isEmpty()); hop++) {
            List<Long> nextExecutions = new ArrayList<>();
            for (Event event : store.eventsByArtifacts(artifactFrontier)) {
                if (follows(event, true) && !executions.containsKey(event.executionId())) {
                    events.add(event);
                    store.execution(event.executionId()).ifPresent(e -> executions.put(e.id(), e));
                    nextExecutions.add(event.executionId());
                } else if (follows(event, true)) {
                    events.add(event);
                }
            }
            List<Long> nextArtifacts = new ArrayList<>();
            for (Event event : store.eventsByExecutions(executionFrontier)) {
                if (follows(event, false) && !artifacts.containsKey(event.artifactId())) {
                    events.add(event);
                    store.artifact(event.artifactId()).ifPresent(a -> artifacts.put(a.id(), a));
                    nextArtifacts.add(event.artifactId());
                } else if (follows(event, false)) {
                    events.add(event);
                }
            }
            artifactFrontier = nextArtifacts;
            executionFrontier = nextExecutions;
        }
        return new LineageGraph(List.copyOf(artifacts.values()), List.copyOf(executions.values()), List.copyOf(events));
    }

    /** Whether to cross this event: from its artifact to its execution ({@code fromArtifact}) or back. */
    private boolean follows(Event event, boolean fromArtifact) {
        boolean upstream = fromArtifact ? event.type().isOutput() : event.type().isInput();
        boolean downstream =
                fromArtifact ? event.type().isInput() : event.type().isOutput();
        return switch (direction) {
            case UPSTREAM -> upstream;
            case DOWNSTREAM -> downstream;
            case BIDIRECTIONAL -> upstream || downstream;
        };
    }
}
