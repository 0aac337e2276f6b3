package dev.veracity.cli;

import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.lineage.OpenLineageEvents;
import dev.veracity.pipeline.run.FailureCause;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.Planner;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.pipeline.yaml.PipelineFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity pipeline run}: runs a pipeline file (or prints its plan). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a pipeline file: nodes in topological order, independent ones in",
            "parallel, each retried and timed out as the file says. A node whose cache key",
            "(component and code version, parameters, input and external file digests) has",
            "outputs from an earlier execution is not run again. Artifacts go to",
            "PIPELINE_ROOT/<node>/<output>/<execution id>/, moved there only when complete;",
            "lineage goes to the metadata store. A killed run, run again, redoes only what",
            "had not finished. Prints one line per node: status, execution, why it ran.",
            "",
            "Exit code 0 if every node succeeded, 1 if a validator found anomalies at",
            "its fail_on severity, 2 if a node failed on its input or the file is wrong,",
            "3 if a node failed on a bug. Only I/O failures and timeouts are retried.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity pipeline run examples/pipeline.yaml",
            "  veracity pipeline run examples/pipeline.yaml --dry-run --from statistics",
            "  veracity pipeline run pipeline.yaml --metadata jdbc:postgresql://db/ml --to schema",
            "  veracity pipeline run examples/pipeline.yaml --openlineage out/openlineage.jsonl"
        })
final class PipelineRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path file;

    @Option(names = "--dry-run", description = "Print what would run or be cached, and why; run nothing.")
    boolean dryRun;

    @Option(names = "--from", paramLabel = "NODE", description = "Run only this node and the nodes after it.")
    String from = "";

    @Option(names = "--to", paramLabel = "NODE", description = "Run only this node and the nodes before it.")
    String to = "";

    @Option(names = "--parallelism", paramLabel = "N", description = "Nodes at once (default: ${DEFAULT-VALUE}).")
    int parallelism = 2;

    @Option(names = "--no-cache", description = "Execute every selected node even if its outputs are cached.")
    boolean noCache;

    @Option(
            names = "--backoff-ms",
            paramLabel = "MS",
            description = "First retry wait, doubled each retry " + "(default: ${DEFAULT-VALUE}).")
    long backoffMillis = 1000;

    @Option(
            names = "--openlineage",
            paramLabel = "FILE",
            description = "Also append OpenLineage run events "
                    + "(START and COMPLETE/FAIL per execution, data-quality facets) to FILE, one JSON per line.")
    Path openLineage;

    @Mixin
    MetadataStoreOption metadata;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (parallelism < 1) {
            throw new dev.veracity.ConfigException("--parallelism: expected a number >= 1, found " + parallelism);
        }
        PipelineFile pipeline = PipelineFile.read(file);
        RunOptions options = RunOptions.DEFAULT
                .withParallelism(parallelism)
                .from(from)
                .to(to)
                .withCache(!noCache)
                .withBackoff(Duration.ofMillis(Math.max(0, backoffMillis)));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (MetadataStore store = metadata.open(pipeline)) {
            if (dryRun) {
                List<Planner.Step> plan = new Planner(store, options).plan(pipeline.pipeline());
                out.println("Plan of " + pipeline.pipeline().name() + " (nothing is run):");
                for (Planner.Step step : plan) {
                    out.printf(
                            "  %-22s %-17s %-9s %s%n", step.node(), step.type(), label(step.status()), step.reason());
                }
                out.flush();
                return ExitCodes.OK;
            }
            RunResult result = new LocalRunner(store, options, new Progress(err)).run(pipeline.pipeline());
            out.println("Run " + result.runId() + ":");
            for (NodeResult node : result.results()) {
                out.printf(
                        "  %-22s %-9s %s%s%n",
                        node.node(),
                        label(node.status()),
                        node.executionId() == 0 ? "" : "execution " + node.executionId() + "  ",
                        node.message());
            }
            out.printf(
                    "%d executed, %d cached, %d reused, %d blocked, %d failed, %d skipped%n",
                    result.count(NodeStatus.EXECUTED),
                    result.count(NodeStatus.CACHED),
                    result.count(NodeStatus.REUSED),
                    result.count(NodeStatus.BLOCKED),
                    result.count(NodeStatus.FAILED),
                    result.count(NodeStatus.SKIPPED));
            out.flush();
            if (openLineage != null) {
                int events = OpenLineageEvents.emit(store, result.runId(), openLineage);
                err.println("veracity: " + events + " OpenLineage events appended to " + openLineage);
                err.flush();
            }
            if (result.hasInternalFailure()) {
                // A component's bug, not the user's input: exit 3, as Main does for an uncaught exception.
                NodeResult crashed = result.results().stream()
                        .filter(r -> r.cause() == FailureCause.INTERNAL)
                        .findFirst()
                        .orElseThrow();
                err.println("veracity: internal error: node " + crashed.node() + ": " + crashed.message()
                        + " (a bug: please report it, with the execution's error in the metadata store)");
                err.flush();
                return ExitCodes.INTERNAL_ERROR;
            }
            if (result.hasFailure()) {
                return ExitCodes.USER_ERROR;
            }
            return result.isSuccess() ? ExitCodes.OK : ExitCodes.ANOMALIES;
        }
    }

    private static String label(NodeStatus status) {
        return switch (status) {
            case EXECUTED -> "executed";
            case CACHED -> "cached";
            case REUSED -> "reused";
            case BLOCKED -> "BLOCKED";
            case FAILED -> "FAILED";
            case SKIPPED -> "skipped";
        };
    }

    /** Progress on stderr: a line per attempt start, warning and result. */
    private record Progress(PrintWriter err) implements RunListener {
        @Override
        public void started(String node, int attempt) {
            synchronized (err) {
                err.println("veracity: " + node + ": running" + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
                err.flush();
            }
        }

        @Override
        public void warning(String node, String message) {
            synchronized (err) {
                err.println("veracity: " + node + ": warning: " + message);
                err.flush();
            }
        }

        @Override
        public void finished(NodeResult result) {
            synchronized (err) {
                err.println("veracity: " + result.node() + ": " + label(result.status()));
                err.flush();
            }
        }
    }
}
