package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.run.Planner;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.yaml.PipelineFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity pipeline why-not-cached}: why a node ran in its last run, and whether it would run now. */
@Command(
        name = "why-not-cached",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Explains a cache miss: compares the node's cache key (component and code",
            "version, parameters, input and external file digests) with its nearest",
            "earlier execution, part by part, for its last run and for a run now.",
            ""
        },
        footer = {"%nExample:", "  veracity pipeline why-not-cached examples/pipeline.yaml statistics"})
final class WhyNotCachedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path file;

    @Parameters(index = "1", paramLabel = "NODE", description = "The node.")
    String node;

    @Mixin
    MetadataStoreOption metadata;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        PipelineFile pipeline = PipelineFile.read(file);
        if (pipeline.pipeline().node(node).isEmpty()) {
            throw new ConfigException(file + ": expected a node of pipeline "
                    + pipeline.pipeline().name() + ", found \"" + node + "\"");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (MetadataStore store = metadata.open(pipeline)) {
            List<Execution> executions = store.context(
                            "node", pipeline.pipeline().name() + "." + node)
                    .map(Context::id)
                    .map(store::executionsByContext)
                    .orElse(List.of());
            if (executions.isEmpty()) {
                out.println("last run: " + node + " never ran");
            } else {
                Execution last = executions.get(executions.size() - 1);
                String run = last.property("run").map(Value::stringValue).orElse("?");
                if (last.state() == ExecutionState.CACHED) {
                    out.println("last run (" + run + "): cached, outputs of execution "
                            + last.property("cached_from").map(Value::toString).orElse("?"));
                } else {
                    out.println("last run (" + run + "): execution " + last.id() + " " + last.state() + ": "
                            + last.property("cache_miss")
                                    .map(Value::stringValue)
                                    .orElse("(no explanation recorded)"));
                }
            }
            RunOptions options = RunOptions.DEFAULT.to(node);
            Planner.Step now = new Planner(store, options)
                    .plan(pipeline.pipeline()).stream()
                            .filter(s -> s.node().equals(node))
                            .findFirst()
                            .orElseThrow();
            out.println("now: "
                    + (now.status() == dev.veracity.pipeline.run.NodeStatus.CACHED
                            ? "would be cached: "
                            : "would run: ")
                    + now.reason());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
