package dev.veracity.cli;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity metadata artifacts}: artifacts by type, run, node or URI. */
@Command(
        name = "artifacts",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Lists artifacts, oldest first: id, type, state, span, contexts, URI.", ""},
        footer = {"%nExample:", "  veracity metadata artifacts --pipeline examples/pipeline.yaml --type Schema"})
final class MetadataArtifactsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only artifacts of this type (e.g. Schema).")
    String type;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            description = "Only artifacts of this run or node context " + "(e.g. a run id, or PIPELINE.NODE).")
    String context;

    @Option(names = "--uri", paramLabel = "PATH", description = "Only artifacts at this URI.")
    String uri;

    @Mixin
    MetadataOptions metadata;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (MetadataStore store = metadata.open()) {
            List<Artifact> artifacts;
            if (uri != null) {
                artifacts = store.artifactsByUri(
                        Path.of(uri).toAbsolutePath().normalize().toString());
            } else if (context != null) {
                Context found = store.context("pipeline_run", context)
                        .or(() -> store.context("node", context))
                        .orElseThrow(() -> new dev.veracity.ConfigException(
                                "--context: expected a run id or " + "PIPELINE.NODE, found \"" + context + "\""));
                artifacts = store.artifactsByContext(found.id());
            } else if (type != null) {
                artifacts = store.artifactsByType(type);
            } else {
                artifacts = store.artifacts();
            }
            out.printf("%6s %-18s %-9s %5s %-28s %s%n", "id", "type", "state", "span", "node", "uri");
            for (Artifact artifact : artifacts) {
                if (type != null && !artifact.type().equals(type)) {
                    continue;
                }
                String nodes = store.contextsByArtifact(artifact.id()).stream()
                        .filter(c -> c.type().equals("node"))
                        .map(Context::name)
                        .collect(Collectors.joining(","));
                out.printf(
                        "%6d %-18s %-9s %5s %-28s %s%n",
                        artifact.id(),
                        artifact.type(),
                        artifact.state(),
                        artifact.property("span").map(Value::toString).orElse(""),
                        nodes.isEmpty() ? "-" : nodes,
                        artifact.uri());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
