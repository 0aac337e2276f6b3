package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.ArtifactState;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TFX's Resolver with the LatestArtifact and SpanRange strategies: selects earlier artifacts of a type made by a
 * node of this pipeline, from the metadata store. With {@code current} wired, only spans before the current one
 * count (the previous span, for drift). Runs every time and makes no new artifact.
 *
 * <pre>{@code
 * previous: {component: Resolver, inputs: {current: gen.examples}, parameters: {artifact_type: ExampleStatistics, producer: statistics}}
 * }</pre>
 */
public final class Resolver implements Component {
    private static final ComponentSpec SPEC = new ComponentSpec(
            "Resolver",
            "1",
            List.of(InputPort.optional("current", ArtifactType.EXAMPLES)),
            List.of(new OutputPort("result", ArtifactType.EXTERNAL_FILE)),
            List.of(
                    ParameterSpec.required("artifact_type", ParameterType.STRING, "the type to select, e.g. Schema"),
                    ParameterSpec.optional("producer", ParameterType.STRING, "only artifacts of this node"),
                    ParameterSpec.optional("strategy", ParameterType.STRING, "latest (default) or span_range"),
                    ParameterSpec.optional("count", ParameterType.INT, "latest: how many (default 1)"),
                    ParameterSpec.optional("min_span", ParameterType.INT, "span_range: first span"),
                    ParameterSpec.optional("max_span", ParameterType.INT, "span_range: last span")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public ComponentSpec spec(Parameters parameters) {
        return new ComponentSpec(
                SPEC.type(),
                SPEC.codeVersion(),
                SPEC.inputs(),
                List.of(new OutputPort(
                        "result",
                        new ArtifactType(parameters.string("artifact_type").orElseThrow()))),
                SPEC.parameters());
    }

    @Override
    public void validate(Parameters parameters) {
        String type = parameters.string("artifact_type").orElseThrow();
        if (!ArtifactType.isName(type)) {
            throw new ConfigException("parameter artifact_type: expected an artifact type name (a letter, then "
                    + "letters, digits or '_', e.g. Schema), found \"" + type + "\"");
        }
        String strategy = parameters.string("strategy").orElse("latest");
        if (!strategy.equals("latest") && !strategy.equals("span_range")) {
            throw new ConfigException("parameter strategy: expected latest or span_range, found " + strategy);
        }
        long count = parameters.integer("count").orElse(1L);
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new ConfigException("parameter count: expected a whole number >= 1, found " + count);
        }
    }

    @Override
    public boolean isResolver() {
        return true;
    }

    @Override
    public void execute(ExecutionContext context) {
        Parameters parameters = context.parameters();
        String strategy = parameters.string("strategy").orElse("latest");
        if (!strategy.equals("latest") && !strategy.equals("span_range")) {
            throw new ConfigException("node " + context.nodeId() + ": parameter strategy: expected latest or "
                    + "span_range, found " + strategy);
        }
        long before = context.inputs("current").isEmpty() ? Long.MAX_VALUE : Splits.span(context.inputs("current"));
        MetadataStore store = context.store();
        String producerContext =
                context.pipelineName() + "." + parameters.string("producer").orElse("");
        List<Artifact> candidates = parameters
                .string("producer")
                .map(p -> store.context("node", producerContext)
                        .map(c -> store.artifactsByContext(c.id()))
                        .orElse(List.of()))
                .orElseGet(() -> store.context("pipeline", context.pipelineName())
                        .map(Context::id)
                        .map(store::artifactsByContext)
                        .orElse(List.of()));
        long minSpan = parameters.integer("min_span").orElse(Long.MIN_VALUE);
        long maxSpan = parameters.integer("max_span").orElse(Long.MAX_VALUE);
        // Per span, the newest artifact; then the spans the strategy selects.
        Map<Long, Artifact> bySpan = new LinkedHashMap<>();
        candidates.stream()
                .filter(a -> a.type().equals(parameters.string("artifact_type").orElseThrow()))
                .filter(a -> a.state() == ArtifactState.LIVE)
                .filter(a -> span(a) < before)
                .filter(a -> !strategy.equals("span_range") || (span(a) >= minSpan && span(a) <= maxSpan))
                .sorted(Comparator.comparingLong(Resolver::span).thenComparingLong(Artifact::id))
                .forEach(a -> bySpan.put(span(a), a));
        List<Artifact> selected = List.copyOf(bySpan.values());
        if (strategy.equals("latest")) {
            int count = parameters.integer("count").orElse(1L).intValue();
            selected = selected.subList(Math.max(0, selected.size() - count), selected.size());
        }
        context.useExisting("result", selected);
    }

    private static long span(Artifact artifact) {
        return artifact.property("span").map(Value::intValue).orElse(-1L);
    }
}
