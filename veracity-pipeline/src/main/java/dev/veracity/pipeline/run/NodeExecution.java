package dev.veracity.pipeline.run;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.VeracityException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.OutputPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * One node in one run: resolves and digests its external files, computes its cache key, and either publishes the
 * outputs of an earlier execution with that key (a cache hit) or hands the node to {@link Attempts}.
 */
final class NodeExecution {
    private final PipelineMetadata metadata;
    private final RunOptions options;
    private final Context run;
    private final Attempts attempts;

    NodeExecution(PipelineMetadata metadata, RunOptions options, Context run, Attempts attempts) {
        this.metadata = metadata;
        this.options = options;
        this.run = run;
        this.attempts = attempts;
    }

    /** {@return how the node ended}: a failure before its first attempt (a missing input file) is a FAILED node */
    NodeResult execute(Node node, Map<String, List<Artifact>> inputs, ExecutorService executor) throws IOException {
        try {
            return cachedOrAttempted(node, inputs, executor);
        } catch (VeracityException | IOException e) {
            String error = e instanceof VeracityException ? e.getMessage() : e.toString();
            return NodeResult.failed(node.id(), 0, 0, error, FailureCause.of(e));
        }
    }

    private NodeResult cachedOrAttempted(Node node, Map<String, List<Artifact>> inputs, ExecutorService executor)
            throws IOException {
        List<ExternalFile> externals = node.component().externalInputs(SpanOverride.of(node, options.span()));
        List<String> digests = new ArrayList<>();
        List<Artifact> externalArtifacts = new ArrayList<>();
        for (ExternalFile file : externals) {
            Path path = file.path().toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new InputException(
                        ErrorCode.FILE_NOT_FOUND,
                        file.path() + ": expected a file for node " + node.id() + ", found none");
            }
            String digest = Digests.of(path);
            digests.add(digest);
            externalArtifacts.add(metadata.externalFile(path.toString(), digest, file.span(), file.version()));
        }
        CacheKey key = CacheKeys.of(node, inputs, externals, digests);
        String miss = "";
        if (!node.component().isResolver()) {
            if (options.cache()) {
                Optional<NodeResult> hit = cacheHit(node, key, inputs, externalArtifacts);
                if (hit.isPresent()) {
                    return hit.get();
                }
            }
            miss = CacheKeys.explainMiss(key, metadata.executions(node), options.cache());
        }
        return attempts.run(new Attempts.Work(node, run, key, inputs, externals, externalArtifacts, miss), executor);
    }

    private Optional<NodeResult> cacheHit(
            Node node, CacheKey key, Map<String, List<Artifact>> inputs, List<Artifact> externalArtifacts) {
        Set<String> outputNames = new LinkedHashSet<>();
        node.spec().outputs().stream().map(OutputPort::name).forEach(outputNames::add);
        Optional<Execution> hit = metadata.cached(node, key, outputNames);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Artifact>> outputs = metadata.outputsOf(hit.get());
        Execution cached = metadata.publishCached(node, run, key, inputs, externalArtifacts, outputs, hit.get());
        String blocked = hit.get().property("blocked").map(Value::stringValue).orElse("");
        return Optional.of(NodeResult.of(
                node.id(),
                blocked.isEmpty() ? NodeStatus.CACHED : NodeStatus.BLOCKED,
                cached.id(),
                0,
                blocked.isEmpty() ? "from execution " + hit.get().id() : blocked,
                outputs));
    }
}
