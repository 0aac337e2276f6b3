package dev.veracity.pipeline;

import dev.veracity.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A DAG of nodes, checked when built: unknown nodes, outputs or inputs, type mismatches, missing required inputs,
 * bad parameters and cycles are refused with a {@link ConfigException} naming the node.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder("runs", Path.of("out/pipeline"))
 *         .node("gen", new ExampleGen(), Map.of("input", "data/*.csv"), Map.of())
 *         .node("stats", new StatisticsGen(), Map.of(), Map.of("examples", "gen.examples")).build();
 * }</pre>
 */
public final class Pipeline {
    private final String name;
    private final Path root;
    private final List<Node> nodes;

    private Pipeline(String name, Path root, List<Node> nodes) {
        this.name = name;
        this.root = root;
        this.nodes = List.copyOf(nodes);
    }

    /** {@return a builder of a pipeline of this name whose artifacts go under {@code root}} */
    public static Builder builder(String name, Path root) {
        return new Builder(name, root);
    }

    /** {@return the name (the MLMD pipeline context)} */
    public String name() {
        return name;
    }

    /** {@return the directory under which artifacts are written} */
    public Path root() {
        return root;
    }

    /** {@return the nodes in a topological order (ties by the order they were added)} */
    public List<Node> nodes() {
        return nodes;
    }

    /** {@return the node with this id} */
    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** {@return the ids of the nodes that read from {@code id}, directly or not} */
    public List<String> downstreamOf(String id) {
        List<String> reached = new ArrayList<>(List.of(id));
        for (Node node : nodes) {
            if (node.upstream().stream().anyMatch(reached::contains) && !reached.contains(node.id())) {
                reached.add(node.id());
            }
        }
        reached.remove(id);
        return reached;
    }

    /** {@return the ids of the nodes {@code id} reads from, directly or not} */
    public List<String> upstreamOf(String id) {
        List<String> reached = new ArrayList<>(List.of(id));
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            if (reached.contains(node.id())) {
                node.upstream().stream().filter(u -> !reached.contains(u)).forEach(reached::add);
            }
        }
        reached.remove(id);
        return reached;
    }

    /** Collects nodes; {@link #build()} checks the wiring. */
    public static final class Builder {
        private final String name;
        private final Path root;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private String source = "pipeline";
        private int defaultRetries = 0;
        private Duration defaultTimeout = Duration.ZERO;

        private Builder(String name, Path root) {
            this.name = Objects.requireNonNull(name, "name is null");
            this.root = Objects.requireNonNull(root, "root is null");
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new ConfigException(
                        source + ": pipeline name: expected letters, digits, '_', '.', '-', found \"" + name + "\"");
            }
        }

        /** Names the pipeline's source (its file) in error messages. */
        public Builder source(String newSource) {
            this.source = Objects.requireNonNull(newSource, "newSource is null");
            return this;
        }

        /** Sets the retries and timeout of nodes that do not set their own. */
        public Builder defaults(int retries, Duration timeout) {
            this.defaultRetries = retries;
            this.defaultTimeout = Objects.requireNonNull(timeout, "timeout is null");
            return this;
        }

        /** Adds a node with the default retries and timeout; {@code inputs} maps input names to {@code node.output}. */
        public Builder node(String id, Component component, Map<String, ?> parameters, Map<String, String> inputs) {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            inputs.forEach((k, v) -> lists.put(k, List.of(v)));
            return node(id, component, parameters, lists, defaultRetries, defaultTimeout);
        }

        /**
         * Adds a node; an input may be fed by several channels (their artifacts are concatenated).
         *
         * @throws ConfigException if the id is taken or malformed, or a parameter is wrong
         */
        public Builder node(
                String id,
                Component component,
                Map<String, ?> parameters,
                Map<String, List<String>> inputs,
                int retries,
                Duration timeout) {
            String where = source + ": node " + id;
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new ConfigException(
                        where + ": expected an id of letters, digits, '_' and '-', found \"" + id + "\"");
            }
            if (nodes.containsKey(id)) {
                throw new ConfigException(where + ": expected a unique node id, found it twice");
            }
            Parameters values = Parameters.of(component.spec(), parameters, where);
            try {
                component.validate(values);
            } catch (ConfigException e) {
                // The component knows the parameter; only the pipeline knows the file and the node.
                throw new ConfigException(where + ": " + e.getMessage());
            }
            ComponentSpec spec = component.spec(values);
            Map<String, List<Channel>> channels = new TreeMap<>();
            for (Map.Entry<String, List<String>> input : inputs.entrySet()) {
                List<Channel> list = new ArrayList<>();
                for (String text : input.getValue()) {
                    try {
                        list.add(Channel.parse(text));
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(where + ": input " + input.getKey() + ": " + e.getMessage());
                    }
                }
                channels.put(input.getKey(), list);
            }
            nodes.put(id, new Node(id, component, spec, values, channels, retries, timeout));
            return this;
        }

        /**
         * {@return the pipeline, its nodes in topological order}
         *
         * @throws ConfigException on an unknown node, output or input, a type mismatch, a missing required input or
         *                         a cycle
         */
        public Pipeline build() {
            for (Node node : nodes.values()) {
                String where = source + ": node " + node.id();
                for (Map.Entry<String, List<Channel>> input : node.inputs().entrySet()) {
                    InputPort port = node.spec()
                            .input(input.getKey())
                            .orElseThrow(() -> new ConfigException(where
                                    + ": expected an input of " + node.spec().type() + " ("
                                    + node.spec().inputs().stream()
                                            .map(InputPort::name)
                                            .collect(Collectors.joining(", "))
                                    + "), found \""
                                    + input.getKey() + "\""));
                    for (Channel channel : input.getValue()) {
                        Node producer = nodes.get(channel.node());
                        if (producer == null) {
                            throw new ConfigException(
                                    where + ": input " + port.name() + ": expected a node id, found \"" + channel.node()
                                            + "\" (nodes: " + String.join(", ", nodes.keySet()) + ")");
                        }
                        OutputPort output = producer.spec()
                                .output(channel.output())
                                .orElseThrow(() -> new ConfigException(
                                        where + ": input " + port.name() + ": expected an output of "
                                                + producer.id() + " ("
                                                + producer.spec().outputs().stream()
                                                        .map(OutputPort::name)
                                                        .collect(Collectors.joining(", "))
                                                + "), found \"" + channel.output() + "\""));
                        if (!port.type().accepts(output.type())) {
                            throw new ConfigException(where + ": input " + port.name() + ": expected an artifact of "
                                    + "type " + port.type() + ", found " + output.type() + " from " + channel);
                        }
                    }
                }
                for (InputPort port : node.spec().inputs()) {
                    if (!port.optional() && !node.inputs().containsKey(port.name())) {
                        throw new ConfigException(where + ": expected input " + port.name() + " (" + port.type()
                                + ") to be wired, found it missing");
                    }
                }
            }
            return new Pipeline(name, root, topologicalOrder());
        }

        /** Kahn's algorithm; ties keep the order of addition, so the plan reads like the file. */
        private List<Node> topologicalOrder() {
            Map<String, Integer> waiting = new LinkedHashMap<>();
            for (Node node : nodes.values()) {
                waiting.put(node.id(), node.upstream().size());
            }
            List<Node> order = new ArrayList<>();
            Deque<String> ready = new ArrayDeque<>();
            waiting.forEach((id, count) -> {
                if (count == 0) {
                    ready.add(id);
                }
            });
            while (!ready.isEmpty()) {
                Node node = nodes.get(ready.poll());
                order.add(node);
                for (Node other : nodes.values()) {
                    if (other.upstream().contains(node.id()) && waiting.merge(other.id(), -1, Integer::sum) == 0) {
                        ready.add(other.id());
                    }
                }
            }
            if (order.size() < nodes.size()) {
                List<String> cycle = waiting.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(Map.Entry::getKey)
                        .toList();
                throw new ConfigException(
                        source + ": expected a DAG, found a cycle through nodes " + String.join(", ", cycle));
            }
            return order;
        }
    }
}
