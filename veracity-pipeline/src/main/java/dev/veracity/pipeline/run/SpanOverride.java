package dev.veracity.pipeline.run;

import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code --span}: the parameters a source node (no inputs, an INT parameter {@code span}, as ExampleGen) resolves its
 * files with in this run. Only file resolution sees the override: the cache key keeps the file's parameters and
 * holds the resolved files' digests and span, so a span is cached however it was chosen (the latest, or by name).
 */
final class SpanOverride {
    private SpanOverride() {}

    /** {@return the node's parameters, with {@code span} set when the run names one and the node reads spans} */
    static Parameters of(Node node, OptionalLong span) {
        boolean readsSpans = node.inputs().isEmpty()
                && node.component()
                        .spec()
                        .parameter("span")
                        .map(p -> p.type() == ParameterType.INT)
                        .orElse(false);
        if (span.isEmpty() || !readsSpans) {
            return node.parameters();
        }
        Map<String, Object> values = new LinkedHashMap<>(node.parameters().values());
        values.put("span", span.getAsLong());
        return Parameters.of(node.component().spec(), values, "node " + node.id());
    }
}
