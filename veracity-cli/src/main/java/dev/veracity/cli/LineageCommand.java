package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Event;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.LineageDirection;
import dev.veracity.metadata.LineageGraph;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity metadata lineage}: what an artifact was made from (and what was made from it), as a tree. */
@Command(
        name = "lineage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the lineage of an artifact: the executions and artifacts it was made",
            "from, back to the raw input files (upstream), or what was made from it",
            "(downstream), up to --hops edges away. ARTIFACT is an artifact id or a path",
            "inside an artifact (e.g. its anomalies.pbtxt).",
            ""
        },
        footer = {
            "%nExample:",
            "  veracity metadata lineage --pipeline examples/pipeline.yaml out/pipeline/validate_eval/anomalies/9"
        })
final class LineageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARTIFACT", description = "An artifact id, or a path in an artifact.")
    String artifact;

    @Option(names = "--direction", paramLabel = "DIR", description = "upstream (default), downstream or both.")
    String direction = "upstream";

    @Option(names = "--hops", paramLabel = "N", description = "Edges to follow (default: ${DEFAULT-VALUE}).")
    int hops = 20;

    @Mixin
    MetadataOptions metadata;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        LineageDirection walk = switch (direction.toLowerCase()) {
            case "upstream" -> LineageDirection.UPSTREAM;
            case "downstream" -> LineageDirection.DOWNSTREAM;
            case "both" -> LineageDirection.BIDIRECTIONAL;
            default ->
                throw new ConfigException("--direction: expected upstream, downstream or both, found " + direction);
        };
        if (hops < 0) {
            throw new ConfigException("--hops: expected a number >= 0, found " + hops);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (MetadataStore store = metadata.open()) {
            Artifact start = find(store);
            LineageGraph graph = store.lineage(start.id(), hops, walk);
            Tree tree = new Tree(graph, out);
            if (walk != LineageDirection.DOWNSTREAM) {
                out.println("upstream of " + describe(start) + ":");
                tree.upstream(start, "  ", 0, hops);
            }
            if (walk != LineageDirection.UPSTREAM) {
                out.println("downstream of " + describe(start) + ":");
                tree.downstream(start, "  ", 0, hops);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Artifact find(MetadataStore store) {
        if (artifact.matches("\\d+")) {
            return store.artifact(Long.parseLong(artifact))
                    .orElseThrow(() -> new ConfigException(
                            "ARTIFACT: expected " + "an artifact id in " + store + ", found " + artifact));
        }
        for (Path path = Path.of(artifact).toAbsolutePath().normalize(); path != null; path = path.getParent()) {
            List<Artifact> found = store.artifactsByUri(path.toString());
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
        }
        throw new ConfigException(
                "ARTIFACT: expected an artifact id or a path inside an artifact of " + store + ", found " + artifact);
    }

    static String describe(Artifact artifact) {
        return "artifact " + artifact.id() + " " + artifact.type()
                + artifact.property("span").map(s -> " span " + s).orElse("") + " " + artifact.uri();
    }

    static String describe(Execution execution) {
        return "execution " + execution.id() + " " + execution.type() + " (node "
                + execution.property("node").map(Value::stringValue).orElse("?") + ", "
                + execution.state().name().toLowerCase() + ")";
    }

    /** Prints the lineage graph as an indented tree. */
    private static final class Tree {
        private final Map<Long, Artifact> artifacts;
        private final Map<Long, Execution> executions;
        private final List<Event> events;
        private final PrintWriter out;
        private final Set<Long> printed = new HashSet<>();

        Tree(LineageGraph graph, PrintWriter out) {
            this.artifacts = graph.artifacts().stream().collect(Collectors.toMap(Artifact::id, Function.identity()));
            this.executions = graph.executions().stream().collect(Collectors.toMap(Execution::id, Function.identity()));
            this.events = graph.events();
            this.out = out;
        }

        void upstream(Artifact artifact, String indent, int depth, int hops) {
            if (depth >= hops) {
                return;
            }
            // The execution that made it; cache hits that re-used it are left out.
            List<Event> made = events.stream()
                    .filter(e -> e.artifactId() == artifact.id()
                            && e.type().isOutput()
                            && executions.containsKey(e.executionId()))
                    .toList();
            Optional<Event> maker = made.stream()
                    .filter(e -> executions.get(e.executionId()).state() == ExecutionState.COMPLETE)
                    .findFirst()
                    .or(() -> made.stream().findFirst());
            if (maker.isEmpty()) {
                return;
            }
            Execution execution = executions.get(maker.get().executionId());
            out.println(
                    indent + "<- " + describe(execution) + " as " + maker.get().pathText());
            if (!printed.add(execution.id())) {
                out.println(indent + "   (shown above)");
                return;
            }
            for (Event input : events) {
                if (input.executionId() == execution.id()
                        && input.type().isInput()
                        && artifacts.containsKey(input.artifactId())) {
                    Artifact source = artifacts.get(input.artifactId());
                    out.println(indent + "   <- " + input.pathText() + ": " + describe(source));
                    upstream(source, indent + "      ", depth + 2, hops);
                }
            }
        }

        void downstream(Artifact artifact, String indent, int depth, int hops) {
            if (depth >= hops) {
                return;
            }
            for (Event read : events) {
                if (read.artifactId() != artifact.id()
                        || !read.type().isInput()
                        || !executions.containsKey(read.executionId())) {
                    continue;
                }
                Execution execution = executions.get(read.executionId());
                out.println(indent + "-> " + describe(execution) + " as " + read.pathText());
                if (!printed.add(execution.id())) {
                    continue;
                }
                for (Event output : events) {
                    if (output.executionId() == execution.id()
                            && output.type().isOutput()
                            && artifacts.containsKey(output.artifactId())) {
                        Artifact made = artifacts.get(output.artifactId());
                        out.println(indent + "   -> " + output.pathText() + ": " + describe(made));
                        downstream(made, indent + "      ", depth + 2, hops);
                    }
                }
            }
        }
    }
}
