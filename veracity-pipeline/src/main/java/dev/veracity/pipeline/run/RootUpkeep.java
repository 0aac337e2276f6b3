package dev.veracity.pipeline.run;

import dev.veracity.ConfigException;
import dev.veracity.io.AtomicFiles;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Keeps a pipeline root sound between runs: ties it to one metadata store, and removes what a killed run left
 * (executions still RUNNING, {@code .tmp-} directories). Runs under the root's {@link RunLock}.
 */
final class RootUpkeep {
    private RootUpkeep() {}

    /**
     * Ties a root to one store: execution ids name directories, so two stores writing one root would collide.
     *
     * @throws ConfigException if the root was written with another store
     */
    static void requireOneStore(Path root, MetadataStore store) throws IOException {
        Path file = root.resolve(".metadata-store");
        String location = store.toString();
        if (Files.exists(file)) {
            String recorded = Files.readString(file).strip();
            if (!recorded.equals(location)) {
                throw new ConfigException(root + ": expected the metadata store it was written with (" + recorded
                        + "), found " + location + ": use that store or another pipeline_root");
            }
        } else {
            AtomicFiles.write(file, out -> out.write((location + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Marks executions of a killed run FAILED and deletes their directories, finished or not, and any temporary one. */
    static void cleanUp(Pipeline pipeline, PipelineMetadata metadata) throws IOException {
        for (Execution abandoned : metadata.abandonUnfinished()) {
            String node = abandoned.property("node").map(Value::stringValue).orElse("");
            Path nodeDirectory = pipeline.root().resolve(node);
            if (!node.isEmpty() && Files.isDirectory(nodeDirectory)) {
                try (Stream<Path> outputs = Files.list(nodeDirectory)) {
                    for (Path output : outputs.toList()) {
                        NodeRun.deleteTree(output.resolve(Long.toString(abandoned.id())));
                    }
                }
            }
        }
        for (Node node : pipeline.nodes()) {
            Path nodeDirectory = pipeline.root().resolve(node.id());
            if (Files.isDirectory(nodeDirectory)) {
                try (Stream<Path> outputs = Files.list(nodeDirectory)) {
                    for (Path output : outputs.filter(Files::isDirectory).toList()) {
                        try (Stream<Path> entries = Files.list(output)) {
                            entries.filter(p -> p.getFileName().toString().startsWith(".tmp-"))
                                    .forEach(NodeRun::deleteTree);
                        }
                    }
                }
            }
        }
    }
}
