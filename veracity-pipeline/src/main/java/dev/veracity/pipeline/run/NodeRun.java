package dev.veracity.pipeline.run;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.ArtifactState;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.Parameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One attempt of a node: gives the component its inputs and temporary output directories
 * ({@code <root>/<node>/<output>/.tmp-<execution id>}), and on success moves each into
 * {@code <root>/<node>/<output>/<execution id>} (an atomic rename) and describes it as an artifact with its digest.
 */
final class NodeRun implements ExecutionContext {
    private final String pipelineName;
    private final Path root;
    private final Node node;
    private final long executionId;
    private final Map<String, List<Artifact>> inputs;
    private final List<ExternalFile> externals;
    private final MetadataStore store;
    private final RunListener listener;
    private final java.time.Instant runStart;
    private final Map<String, Path> temporary = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Value>> properties = new ConcurrentHashMap<>();
    private final Map<String, List<Artifact>> existing = new ConcurrentHashMap<>();
    private final Map<String, Path> references = new ConcurrentHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private volatile String blocked = "";
    private volatile boolean abandoned;

    NodeRun(
            String pipelineName,
            Path root,
            Node node,
            long executionId,
            Map<String, List<Artifact>> inputs,
            List<ExternalFile> externals,
            MetadataStore store,
            RunListener listener,
            java.time.Instant runStart) {
        this.pipelineName = pipelineName;
        this.root = root;
        this.node = node;
        this.executionId = executionId;
        this.inputs = inputs;
        this.externals = externals;
        this.store = store;
        this.listener = listener;
        this.runStart = runStart;
    }

    @Override
    public java.time.Instant runStart() {
        return runStart;
    }

    static Path outputDirectory(Path root, String node, String output, long executionId) {
        return root.resolve(node).resolve(output).resolve(Long.toString(executionId));
    }

    static Path temporaryDirectory(Path root, String node, String output, long executionId) {
        return root.resolve(node).resolve(output).resolve(".tmp-" + executionId);
    }

    @Override
    public String nodeId() {
        return node.id();
    }

    @Override
    public String pipelineName() {
        return pipelineName;
    }

    @Override
    public Parameters parameters() {
        return node.parameters();
    }

    @Override
    public List<Artifact> inputs(String name) {
        return inputs.getOrDefault(name, List.of());
    }

    @Override
    public List<ExternalFile> externalInputs() {
        return externals;
    }

    @Override
    public Path outputDirectory(String output) {
        requireOutput(output);
        return temporary.computeIfAbsent(output, name -> {
            Path directory = temporaryDirectory(root, node.id(), name, executionId);
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return directory;
        });
    }

    @Override
    public Path publishedDirectory(String output) {
        requireOutput(output);
        return outputDirectory(root, node.id(), output, executionId);
    }

    @Override
    public void setOutputProperty(String output, String key, Value value) {
        requireOutput(output);
        properties.computeIfAbsent(output, k -> new ConcurrentHashMap<>()).put(key, value);
    }

    @Override
    public void useExisting(String output, List<Artifact> artifacts) {
        requireOutput(output);
        existing.put(output, List.copyOf(artifacts));
    }

    @Override
    public void useReference(String output, Path path) {
        requireOutput(output);
        references.put(output, path);
    }

    @Override
    public MetadataStore store() {
        return store;
    }

    @Override
    public synchronized void warn(String message) {
        warnings.add(message);
        listener.warning(node.id(), message);
    }

    @Override
    public void block(String reason) {
        blocked = reason;
    }

    private void requireOutput(String output) {
        if (node.spec().output(output).isEmpty()) {
            throw new IllegalArgumentException(node.spec().type() + " has no output " + output);
        }
    }

    String blocked() {
        return blocked;
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Marks the attempt as given up (timed out): its outputs are never moved into place. */
    void abandon() {
        abandoned = true;
    }

    /**
     * {@return the outputs as artifacts not yet stored (or the existing ones)}: moves each temporary directory into
     * place
     *
     * @throws IOException if a move or digest fails
     */
    Map<String, List<Artifact>> finish() throws IOException {
        if (abandoned) {
            throw new IOException("node " + node.id() + ": attempt abandoned after its timeout");
        }
        Map<String, List<Artifact>> outputs = new TreeMap<>();
        for (OutputPort port : node.spec().outputs()) {
            String name = port.name();
            if (existing.containsKey(name)) {
                outputs.put(name, existing.get(name));
                continue;
            }
            Artifact artifact;
            if (references.containsKey(name)) {
                Path path = references.get(name).toAbsolutePath().normalize();
                artifact = Artifact.of(port.type().name(), path.toString())
                        .withState(ArtifactState.REFERENCE)
                        .withProperty("digest", Value.of(Digests.of(path)));
            } else {
                Path from = outputDirectory(name);
                Path to = outputDirectory(root, node.id(), name, executionId);
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to);
                }
                artifact = Artifact.of(
                                port.type().name(),
                                to.toAbsolutePath().normalize().toString())
                        .withProperty("digest", Value.of(Digests.of(to)));
            }
            for (Map.Entry<String, Value> property :
                    properties.getOrDefault(name, Map.of()).entrySet()) {
                artifact = PipelineMetadata.ARTIFACT_PROPERTIES.get(property.getKey())
                                == property.getValue().type()
                        ? artifact.withProperty(property.getKey(), property.getValue())
                        : artifact.withCustomProperty(property.getKey(), property.getValue());
            }
            outputs.put(name, List.of(artifact));
        }
        return outputs;
    }

    /** Deletes what a failed attempt wrote. */
    void discard() {
        for (Path directory : temporary.values()) {
            deleteTree(directory);
        }
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
