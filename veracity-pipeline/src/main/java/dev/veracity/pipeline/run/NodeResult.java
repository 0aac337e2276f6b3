package dev.veracity.pipeline.run;

import dev.veracity.metadata.Artifact;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one node ended in a run.
 *
 * @param node        the node id
 * @param status      how it ended
 * @param executionId its (last) execution in the metadata store, 0 if none
 * @param attempts    how many attempts executed it (0 if cached, reused or skipped)
 * @param message     why it failed, was blocked, skipped or missed the cache ("" if nothing to say)
 * @param outputs     its output artifacts by output name
 */
public record NodeResult(String node, NodeStatus status, long executionId, int attempts, String message,
        Map<String, List<Artifact>> outputs) {
    public NodeResult {
        Objects.requireNonNull(node, "node is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(message, "message is null");
        outputs = Map.copyOf(outputs);
    }
}
