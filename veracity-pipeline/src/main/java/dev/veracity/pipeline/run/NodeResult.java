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
 * @param cause       why it failed: {@link FailureCause#NONE} unless its status is FAILED
 */
public record NodeResult(
        String node,
        NodeStatus status,
        long executionId,
        int attempts,
        String message,
        Map<String, List<Artifact>> outputs,
        FailureCause cause) {
    public NodeResult {
        Objects.requireNonNull(node, "node is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(cause, "cause is null");
        if ((status == NodeStatus.FAILED) != (cause != FailureCause.NONE)) {
            throw new IllegalArgumentException("a FAILED node has a cause, any other none: " + status + ", " + cause);
        }
        outputs = Map.copyOf(outputs);
    }

    /** {@return a node that did not fail} */
    static NodeResult of(
            String node,
            NodeStatus status,
            long executionId,
            int attempts,
            String message,
            Map<String, List<Artifact>> outputs) {
        return new NodeResult(node, status, executionId, attempts, message, outputs, FailureCause.NONE);
    }

    /** {@return a failed node} */
    static NodeResult failed(String node, long executionId, int attempts, String message, FailureCause cause) {
        return new NodeResult(node, NodeStatus.FAILED, executionId, attempts, message, Map.of(), cause);
    }
}
