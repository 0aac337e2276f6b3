package dev.veracity.pipeline.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a pipeline run: one result per node, in topological order.
 *
 * <pre>{@code
 * RunResult result = runner.run(pipeline);
 * if (result.isSuccess()) { ... }
 * }</pre>
 *
 * @param runId   the name of the run's {@code pipeline_run} context
 * @param results per node
 */
public record RunResult(String runId, List<NodeResult> results) {
    public RunResult {
        Objects.requireNonNull(runId, "runId is null");
        results = List.copyOf(results);
    }

    /** {@return whether every node executed, hit the cache or was reused} */
    public boolean isSuccess() {
        return results.stream().allMatch(r -> r.status().isUsable());
    }

    /** {@return whether a node failed (not merely blocked)} */
    public boolean hasFailure() {
        return results.stream().anyMatch(r -> r.status() == NodeStatus.FAILED);
    }

    /** {@return whether a node failed because of a bug (its cause is INTERNAL): exit code 3, not 2} */
    public boolean hasInternalFailure() {
        return results.stream().anyMatch(r -> r.cause() == FailureCause.INTERNAL);
    }

    /** {@return the result of a node} */
    public Optional<NodeResult> result(String node) {
        return results.stream().filter(r -> r.node().equals(node)).findFirst();
    }

    /** {@return how many nodes ended with this status} */
    public long count(NodeStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
