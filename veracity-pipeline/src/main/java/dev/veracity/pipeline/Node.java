package dev.veracity.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One use of a component in a pipeline: its id, parameters, where each input comes from, and how to retry it.
 *
 * @param id        unique in the pipeline; names its directory under the pipeline root
 * @param component what it runs
 * @param spec      the component's declaration for these parameters
 * @param parameters its parameter values
 * @param inputs    per input name, the channels feeding it
 * @param retries   how many times to retry a failed execution
 * @param timeout   how long one attempt may take (zero for no limit)
 */
public record Node(
        String id,
        Component component,
        ComponentSpec spec,
        Parameters parameters,
        Map<String, List<Channel>> inputs,
        int retries,
        Duration timeout) {
    public Node {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(component, "component is null");
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(parameters, "parameters is null");
        inputs = Map.copyOf(inputs);
        Objects.requireNonNull(timeout, "timeout is null");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0: " + retries);
        }
    }

    /** {@return the ids of the nodes this one reads from, sorted} */
    public Set<String> upstream() {
        Set<String> ids = new TreeSet<>();
        inputs.values().forEach(channels -> channels.forEach(c -> ids.add(c.node())));
        return ids;
    }
}
