package dev.veracity.cli;

import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.components.SpanPattern;
import dev.veracity.pipeline.lineage.OpenLineageEvents;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.Planner;
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
            "had not finished. Prints one line per node: status, execution, why it ran;",
            "then what the run found per span (the summary.* figures of its artifacts:",
            "examples, anomalies, drift alarms, ...; '-' where a span has none) and the",
            "reports to open. --span picks the span ExampleGen reads (a date when the",
            "pattern has {YYYY}-{MM}-{DD}); a Resolver with current then sees earlier spans.",
            "",
            "Exit code 0 if every node succeeded, 1 if a validator found anomalies at",
            "its fail_on severity, 2 if a node failed on its input or the file is wrong,",
            "3 if a node failed on a bug. Only I/O failures and timeouts are retried.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity pipeline run examples/pipeline.yaml",
            "  veracity pipeline run examples/pipeline.yaml --span 2026-12-05 --json",
            "  veracity pipeline run examples/pipeline.yaml --dry-run --from statistics",
            "  veracity pipeline run pipeline.yaml --metadata jdbc:postgresql://db/ml --to schema",
            "  veracity pipeline run examples/pipeline.yaml --openlineage out/openlineage.jsonl"
        })
final class PipelineRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path file;

    @Option(
            names = "--span",
            paramLabel = "SPAN",
            description = "Process this span: a number, or a date YYYY-MM-DD when the input pattern has "
                    + "{YYYY}-{MM}-{DD} (default: the span the file names, else the latest).")
    String span;

    @Option(names = "--json", description = "Print the nodes and the summary per span as JSON instead of tables.")
    boolean json;

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
        if (span != null) {
            options = options.withSpan(SpanPattern.parseSpan(span, "--span"));
        }
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
            RunResult result =
                    new LocalRunner(store, options, new PipelineRunPrinter.Progress(err)).run(pipeline.pipeline());
            if (!json) {
                PipelineRunPrinter.nodes(out, result, pipeline.pipeline(), "Run " + result.runId() + ":");
            }
            out.flush();
            if (openLineage != null) {
                int events = OpenLineageEvents.emit(store, result.runId(), openLineage);
                err.println("veracity: " + events + " OpenLineage events appended to " + openLineage);
                err.flush();
            }
            return PipelineRunPrinter.finish(
                    out, err, store, pipeline.pipeline(), List.of(result), json, verbose.verbose);
        }
    }

    private static String label(NodeStatus status) {
        return PipelineRunPrinter.label(status);
    }
}
