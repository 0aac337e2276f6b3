package dev.veracity.cli;

import dev.veracity.metadata.Context;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.ExecutionState;
import dev.veracity.metadata.MetadataStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veracity metadata runs}: the pipeline runs in the store, with their executions by state. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Lists pipeline runs, oldest first, with their executions by state.", ""},
        footer = {"%nExample:", "  veracity metadata runs --pipeline examples/pipeline.yaml"})
final class MetadataRunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MetadataOptions metadata;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (MetadataStore store = metadata.open()) {
            out.printf("%-60s %-24s %s%n", "run", "started", "executions");
            for (Context run : store.contextsByType("pipeline_run")) {
                List<Execution> executions = store.executionsByContext(run.id());
                Map<ExecutionState, Long> states = new EnumMap<>(ExecutionState.class);
                executions.forEach(e -> states.merge(e.state(), 1L, Long::sum));
                out.printf(
                        "%-60s %-24s %s%n",
                        run.name(),
                        Instant.ofEpochMilli(run.createTimeMillis()),
                        states.entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
                                .collect(Collectors.joining(", ")));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
