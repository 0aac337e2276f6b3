package dev.veracity.cli;

import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.SpanPattern;
import dev.veracity.pipeline.run.NodeHistory;
import dev.veracity.pipeline.yaml.PipelineFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity pipeline status}: the last execution of each node per span, from the metadata store. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows, per span and node, the node's last execution in the metadata store:",
            "its state (complete, cached, failed, BLOCKED, running if a run was killed),",
            "when it started, its execution id and why it failed or was blocked (or which",
            "execution a cached one reused). A node that never ran in a span is absent.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity pipeline status examples/pipeline.yaml",
            "  veracity pipeline status pipeline.yaml --metadata jdbc:postgresql://db/ml"
        })
final class PipelineStatusCommand implements Callable<Integer> {
    /** Widest note: a long error is cut (the store has all of it). */
    private static final int MAX_NOTE = 100;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path file;

    @Mixin
    MetadataStoreOption metadata;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        PipelineFile pipeline = PipelineFile.read(file);
        boolean dates = ExampleGen.usesDates(pipeline.pipeline());
        PrintWriter out = spec.commandLine().getOut();
        try (MetadataStore store = metadata.open(pipeline)) {
            List<NodeHistory.Entry> entries = NodeHistory.last(store, pipeline.pipeline());
            if (entries.isEmpty()) {
                out.println("no executions of " + pipeline.pipeline().name() + " in " + store);
                out.flush();
                return ExitCodes.OK;
            }
            int spanWidth = Math.max(
                    4,
                    entries.stream()
                            .mapToInt(e -> label(e.span(), dates).length())
                            .max()
                            .orElse(4));
            int nodeWidth = Math.max(
                    4, entries.stream().mapToInt(e -> e.node().length()).max().orElse(4));
            String format = "  %-" + spanWidth + "s  %-" + nodeWidth + "s  %-8s  %-20s  %-9s  %s";
            out.println("Status of " + pipeline.pipeline().name() + " (last execution per span and node):");
            out.println(String.format(format, "span", "node", "status", "started", "execution", "note")
                    .stripTrailing());
            for (NodeHistory.Entry entry : entries) {
                out.println(String.format(
                                format,
                                label(entry.span(), dates),
                                entry.node(),
                                status(entry),
                                Instant.ofEpochMilli(entry.execution().createTimeMillis())
                                        .truncatedTo(ChronoUnit.SECONDS),
                                entry.execution().id(),
                                TerminalText.printable(note(store, entry), MAX_NOTE))
                        .stripTrailing());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String label(long span, boolean dates) {
        return span < 0 ? "-" : SpanPattern.label(span, dates);
    }

    private static String status(NodeHistory.Entry entry) {
        if (entry.isBlocked()) {
            return "BLOCKED";
        }
        ExecutionState state = entry.execution().state();
        return state == ExecutionState.FAILED ? "FAILED" : state.name().toLowerCase(Locale.ROOT);
    }

    private static String note(MetadataStore store, NodeHistory.Entry entry) {
        var execution = entry.execution();
        if (entry.isBlocked()) {
            return execution.property("blocked").map(Value::stringValue).orElse("");
        }
        if (execution.state() == ExecutionState.FAILED) {
            return execution.property("error").map(Value::stringValue).orElse("");
        }
        if (execution.state() == ExecutionState.CACHED) {
            // A hit on a cache hit: name the execution that made the outputs.
            var source = execution;
            for (int hops = 0; hops < 1000 && source.property("cached_from").isPresent(); hops++) {
                long from = source.property("cached_from").orElseThrow().intValue();
                var earlier = store.execution(from);
                if (earlier.isEmpty()) {
                    return "cached: outputs of execution " + from;
                }
                source = earlier.get();
            }
            return source == execution ? "cached" : "cached: outputs of execution " + source.id();
        }
        return "";
    }
}
