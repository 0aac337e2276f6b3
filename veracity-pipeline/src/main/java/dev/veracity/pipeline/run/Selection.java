package dev.veracity.pipeline.run;

import dev.veracity.ConfigException;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.Pipeline;
import java.util.LinkedHashSet;
import java.util.Set;

/** The nodes a partial run covers: {@code from} and what follows it, intersected with {@code to} and what precedes it. */
final class Selection {
    private Selection() {}

    static Set<String> of(Pipeline pipeline, RunOptions options) {
        Set<String> selected = new LinkedHashSet<>();
        pipeline.nodes().stream().map(Node::id).forEach(selected::add);
        if (!options.from().isEmpty()) {
            require(pipeline, options.from(), "--from");
            Set<String> after = new LinkedHashSet<>(pipeline.downstreamOf(options.from()));
            after.add(options.from());
            selected.retainAll(after);
        }
        if (!options.to().isEmpty()) {
            require(pipeline, options.to(), "--to");
            Set<String> before = new LinkedHashSet<>(pipeline.upstreamOf(options.to()));
            before.add(options.to());
            selected.retainAll(before);
        }
        if (selected.isEmpty()) {
            throw new ConfigException("--from " + options.from() + " --to " + options.to() + ": expected nodes between "
                    + "them, found none (is --to before --from?)");
        }
        return selected;
    }

    private static void require(Pipeline pipeline, String node, String option) {
        if (pipeline.node(node).isEmpty()) {
            throw new ConfigException(option + ": expected a node of pipeline " + pipeline.name() + " ("
                    + String.join(", ", pipeline.nodes().stream().map(Node::id).toList()) + "), found \"" + node
                    + "\"");
        }
    }
}
