package dev.veracity.pipeline.run;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.ArtifactState;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.Event;
import dev.veracity.metadata.EventType;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.MetadataType;
import dev.veracity.metadata.PropertyType;
import dev.veracity.metadata.TypeKind;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a pipeline is recorded in ML Metadata, as TFX records it: contexts {@code pipeline}, {@code pipeline_run} and
 * {@code node} (children of the pipeline), an execution per attempt or cache hit typed by its component, artifacts
 * attributed to all three contexts, INPUT and OUTPUT events with paths {@code [name, index]}.
 *
 * <pre>{@code
 * PipelineMetadata metadata = PipelineMetadata.register(store, pipeline);
 * }</pre>
 */
public final class PipelineMetadata {
    /** Declared properties of every artifact type the pipeline uses. */
    static final Map<String, PropertyType> ARTIFACT_PROPERTIES = Map.of(
            "span",
            PropertyType.INT,
            "version",
            PropertyType.INT,
            "split_names",
            PropertyType.STRING,
            "digest",
            PropertyType.STRING);
    /** Declared properties of every execution type. */
    static final Map<String, PropertyType> EXECUTION_PROPERTIES = Map.of(
            "pipeline",
            PropertyType.STRING,
            "node",
            PropertyType.STRING,
            "run",
            PropertyType.STRING,
            "cache_key",
            PropertyType.STRING);

    private final MetadataStore store;
    private final Pipeline pipeline;
    private final Context pipelineContext;

    private PipelineMetadata(MetadataStore store, Pipeline pipeline, Context pipelineContext) {
        this.store = store;
        this.pipeline = pipeline;
        this.pipelineContext = pipelineContext;
    }

    /** {@return the pipeline's metadata, its types and pipeline and node contexts registered} */
    public static PipelineMetadata register(MetadataStore store, Pipeline pipeline) {
        return store.transaction(() -> {
            store.putType(MetadataType.of(TypeKind.CONTEXT, "pipeline", Map.of()));
            store.putType(MetadataType.of(TypeKind.CONTEXT, "pipeline_run", Map.of()));
            store.putType(MetadataType.of(TypeKind.CONTEXT, "node", Map.of()));
            store.putType(MetadataType.of(TypeKind.ARTIFACT, ArtifactType.EXTERNAL_FILE.name(), ARTIFACT_PROPERTIES));
            for (Node node : pipeline.nodes()) {
                store.putType(MetadataType.of(TypeKind.EXECUTION, node.spec().type(), EXECUTION_PROPERTIES));
                for (OutputPort output : node.spec().outputs()) {
                    store.putType(
                            MetadataType.of(TypeKind.ARTIFACT, output.type().name(), ARTIFACT_PROPERTIES));
                }
            }
            Context context = store.putContext(Context.of("pipeline", pipeline.name()));
            for (Node node : pipeline.nodes()) {
                store.putParentContext(store.putContext(Context.of("node", nodeContextName(pipeline, node))), context);
            }
            return new PipelineMetadata(store, pipeline, context);
        });
    }

    static String nodeContextName(Pipeline pipeline, Node node) {
        return pipeline.name() + "." + node.id();
    }

    /** {@return the store} */
    public MetadataStore store() {
        return store;
    }

    /** {@return the context of a new run} */
    Context startRun(String runId) {
        return store.transaction(() -> {
            Context run = store.putContext(Context.of("pipeline_run", runId));
            store.putParentContext(run, pipelineContext);
            return run;
        });
    }

    Context nodeContext(Node node) {
        return store.context("node", nodeContextName(pipeline, node)).orElseThrow();
    }

    /** {@return the executions of this pipeline that never finished (their run was killed), marked FAILED now} */
    List<Execution> abandonUnfinished() {
        List<Execution> abandoned = new ArrayList<>();
        for (Execution execution : store.executionsByContext(pipelineContext.id())) {
            if (!execution.state().isFinal()) {
                abandoned.add(store.putExecution(execution
                        .withState(ExecutionState.FAILED)
                        .withCustomProperty("error", Value.of("abandoned: the run that started it did not finish"))));
            }
        }
        return abandoned;
    }

    /** {@return the external file as an artifact: the stored one of the same path and digest, or a new REFERENCE} */
    Artifact externalFile(String uri, String digest, long span, long version) {
        return store.transaction(() -> {
            for (Artifact existing : store.artifactsByUri(uri)) {
                if (existing.type().equals(ArtifactType.EXTERNAL_FILE.name())
                        && existing.property("digest")
                                .map(Value::stringValue)
                                .orElse("")
                                .equals(digest)) {
                    return existing;
                }
            }
            Artifact file = Artifact.of(ArtifactType.EXTERNAL_FILE.name(), uri)
                    .withState(ArtifactState.REFERENCE)
                    .withProperty("digest", Value.of(digest));
            if (span >= 0) {
                file = file.withProperty("span", Value.of(span));
            }
            if (version >= 0) {
                file = file.withProperty("version", Value.of(version));
            }
            Artifact stored = store.putArtifact(file);
            store.putAttribution(pipelineContext, stored);
            return stored;
        });
    }

    /** {@return a RUNNING execution of the node, associated with its contexts} */
    Execution start(Node node, Context run, CacheKey key, int attempt) {
        return store.transaction(() -> {
            Execution execution = store.putExecution(
                    execution(node, run, key, ExecutionState.RUNNING).withCustomProperty("attempt", Value.of(attempt)));
            associate(node, run, execution);
            return execution;
        });
    }

    private Execution execution(Node node, Context run, CacheKey key, ExecutionState state) {
        return Execution.of(node.spec().type(), state)
                .withProperty("pipeline", Value.of(pipeline.name()))
                .withProperty("node", Value.of(node.id()))
                .withProperty("run", Value.of(run.name()))
                .withProperty("cache_key", Value.of(key.digest()))
                .withCustomProperty("cache_material", Value.of(key.material()));
    }

    private void associate(Node node, Context run, Execution execution) {
        store.putAssociation(pipelineContext, execution);
        store.putAssociation(run, execution);
        store.putAssociation(nodeContext(node), execution);
    }

    /**
     * Records the end of an execution in one transaction: new output artifacts stored, all outputs attributed to the
     * contexts, INPUT and OUTPUT events, the final state.
     *
     * @return the outputs as stored
     */
    Map<String, List<Artifact>> publish(
            Node node,
            Context run,
            Execution execution,
            Map<String, List<Artifact>> inputs,
            List<Artifact> externals,
            Map<String, List<Artifact>> outputs) {
        return store.transaction(() -> {
            Map<String, List<Artifact>> stored = new java.util.TreeMap<>();
            for (Map.Entry<String, List<Artifact>> output : outputs.entrySet()) {
                List<Artifact> list = new ArrayList<>();
                for (Artifact artifact : output.getValue()) {
                    Artifact saved = artifact.id() == 0 ? store.putArtifact(artifact) : artifact;
                    store.putAttribution(pipelineContext, saved);
                    store.putAttribution(run, saved);
                    store.putAttribution(nodeContext(node), saved);
                    list.add(saved);
                }
                stored.put(output.getKey(), list);
            }
            recordEvents(execution, inputs, externals, stored);
            store.putExecution(execution);
            return stored;
        });
    }

    /** Records a cache hit: a CACHED execution reading the same inputs and outputting the earlier artifacts. */
    Execution publishCached(
            Node node,
            Context run,
            CacheKey key,
            Map<String, List<Artifact>> inputs,
            List<Artifact> externals,
            Map<String, List<Artifact>> outputs,
            Execution source) {
        return store.transaction(() -> {
            Execution execution = execution(node, run, key, ExecutionState.CACHED)
                    .withCustomProperty("cached_from", Value.of(source.id()));
            if (source.property("blocked").isPresent()) {
                execution = execution.withCustomProperty(
                        "blocked", source.property("blocked").orElseThrow());
            }
            execution = store.putExecution(execution);
            associate(node, run, execution);
            for (List<Artifact> list : outputs.values()) {
                for (Artifact artifact : list) {
                    store.putAttribution(run, artifact);
                }
            }
            recordEvents(execution, inputs, externals, outputs);
            return execution;
        });
    }

    private void recordEvents(
            Execution execution,
            Map<String, List<Artifact>> inputs,
            List<Artifact> externals,
            Map<String, List<Artifact>> outputs) {
        inputs.forEach((name, list) -> {
            for (int i = 0; i < list.size(); i++) {
                store.putEvent(Event.of(list.get(i).id(), execution.id(), EventType.INPUT, name, i));
            }
        });
        for (int i = 0; i < externals.size(); i++) {
            store.putEvent(Event.of(externals.get(i).id(), execution.id(), EventType.INPUT, "external", i));
        }
        outputs.forEach((name, list) -> {
            for (int i = 0; i < list.size(); i++) {
                store.putEvent(Event.of(list.get(i).id(), execution.id(), EventType.OUTPUT, name, i));
            }
        });
    }

    /** {@return the executions of a node, oldest first} */
    List<Execution> executions(Node node) {
        return store.executionsByContext(nodeContext(node).id());
    }

    /** {@return the outputs of an execution, by output name in path order} */
    Map<String, List<Artifact>> outputsOf(Execution execution) {
        Map<String, List<Artifact>> outputs = new java.util.TreeMap<>();
        store.eventsByExecutions(List.of(execution.id())).stream()
                .filter(e -> e.type() == EventType.OUTPUT)
                .sorted(Comparator.comparing(Event::pathText))
                .forEach(e -> outputs.computeIfAbsent(((Event.Step.Key) e.path().get(0)).key(), k -> new ArrayList<>())
                        .add(store.artifact(e.artifactId()).orElseThrow()));
        return outputs;
    }

    /** {@return the newest finished execution (COMPLETE or CACHED) of the node with this cache key whose outputs still exist} */
    Optional<Execution> cached(Node node, CacheKey key, Set<String> requiredOutputs) {
        List<Execution> hits = new ArrayList<>(store.executionsByProperty("cache_key", key.digest()));
        hits.sort(Comparator.comparingLong(Execution::id).reversed());
        for (Execution hit : hits) {
            boolean sameNode =
                    hit.property("node").map(Value::stringValue).orElse("").equals(node.id())
                            && hit.property("pipeline")
                                    .map(Value::stringValue)
                                    .orElse("")
                                    .equals(pipeline.name());
            if (!sameNode || !(hit.state() == ExecutionState.COMPLETE || hit.state() == ExecutionState.CACHED)) {
                continue;
            }
            Map<String, List<Artifact>> outputs = outputsOf(hit);
            boolean usable = outputs.keySet().containsAll(requiredOutputs)
                    && outputs.values().stream()
                            .flatMap(List::stream)
                            .allMatch(a -> (a.state() == ArtifactState.LIVE || a.state() == ArtifactState.REFERENCE)
                                    && java.nio.file.Files.exists(java.nio.file.Path.of(a.uri())));
            if (usable) {
                return Optional.of(hit);
            }
        }
        return Optional.empty();
    }
}
