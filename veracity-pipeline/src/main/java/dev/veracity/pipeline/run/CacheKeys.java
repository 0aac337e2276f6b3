package dev.veracity.pipeline.run;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.Node;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a node's cache key and explains a miss against the node's earlier executions. */
final class CacheKeys {
    private CacheKeys() {}

    /**
     * {@return the key: component type and code version, parameters, input and external file digests}; an input's
     * span joins its digest, so two spans with byte-identical examples get outputs of their own span
     */
    static CacheKey of(
            Node node, Map<String, List<Artifact>> inputs, List<ExternalFile> externals, List<String> externalDigests) {
        Map<String, String> parts = new TreeMap<>();
        parts.put("component", node.spec().type());
        parts.put("code_version", node.spec().codeVersion());
        parts.put("parameters", node.parameters().canonical());
        inputs.forEach((name, list) -> {
            for (int i = 0; i < list.size(); i++) {
                Artifact input = list.get(i);
                long span = input.property("span").map(Value::intValue).orElse(-1L);
                parts.put(
                        "input." + name + "[" + i + "]",
                        input.property("digest").map(Value::stringValue).orElse("id:" + input.id())
                                + (span >= 0 ? " span " + span : ""));
            }
        });
        for (int i = 0; i < externals.size(); i++) {
            ExternalFile file = externals.get(i);
            parts.put(
                    "external[" + i + "]",
                    externalDigests.get(i)
                            + (file.span() >= 0 ? " span " + file.span() : "")
                            + (file.version() >= 0 ? " version " + file.version() : ""));
        }
        return CacheKey.of(parts);
    }

    /** {@return why {@code key} found no usable earlier execution among {@code earlier} (oldest first)} */
    static String explainMiss(CacheKey key, List<Execution> earlier, boolean cacheEnabled) {
        if (!cacheEnabled) {
            return "caching is off (--no-cache)";
        }
        Execution previous = null;
        for (Execution execution : earlier) {
            if (execution.state() == ExecutionState.COMPLETE || execution.state() == ExecutionState.CACHED) {
                previous = execution;
            }
        }
        if (previous == null) {
            return earlier.isEmpty()
                    ? "first execution of this node: nothing to reuse"
                    : "no earlier execution of this node succeeded";
        }
        CacheKey before = CacheKey.parse(
                previous.property("cache_material").map(Value::stringValue).orElse(""));
        List<String> changes = key.diff(before);
        if (changes.isEmpty()) {
            return "same key as execution " + previous.id() + ", but its outputs are gone (deleted or not LIVE)";
        }
        return "changed since execution " + previous.id() + ": " + String.join("; ", changes);
    }
}
