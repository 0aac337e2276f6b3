package dev.veracity.cli;

import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.SpanPattern;
import dev.veracity.pipeline.run.Backfill;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.pipeline.yaml.PipelineFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity pipeline backfill}: runs a pipeline once per span, oldest first. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a pipeline span after span, from --from to --to: each span is one run in",
            "which ExampleGen reads that span, so a Resolver with current compares it with",
            "the span before it. A span already processed is cached, not recomputed; a",
            "backfill that was killed resumes where it stopped. Stops at the first span",
            "that fails, with that run's exit code; a span with a blocked node (a problem",
            "found in its data) is recorded and the next span runs. Prints a line per span, then",
            "what each span found (the summary.* figures) and the reports to open.",
            "Spans are numbers, or dates YYYY-MM-DD when the input pattern has",
            "{YYYY}-{MM}-{DD} (a span is then the days since 1970-01-01, as in TFX). Every",
            "span of the range must have files: one that has none is refused before",
            "anything runs.",
            "",
            "Exit code 0 if every span succeeded, 1 if a node of any span was blocked (anomalies at",
            "its fail_on), 2 on an input error, 3 on a bug.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity pipeline backfill examples/pipeline.yaml --from 2026-12-01 --to 2026-12-07",
            "  veracity pipeline backfill pipeline.yaml --from 1 --to 3 --json"
        })
final class PipelineBackfillCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    java.nio.file.Path file;

    @Option(names = "--from", required = true, paramLabel = "SPAN", description = "The first span (a number or date).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SPAN", description = "The last span (a number or date).")
    String to;

    @Option(names = "--json", description = "Print the runs and the summary per span as JSON instead of tables.")
    boolean json;

    @Option(names = "--parallelism", paramLabel = "N", description = "Nodes at once (default: ${DEFAULT-VALUE}).")
    int parallelism = 2;

    @Option(names = "--no-cache", description = "Execute every node even if its outputs are cached.")
    boolean noCache;

    @Option(
            names = "--backoff-ms",
            paramLabel = "MS",
            description = "First retry wait, doubled each retry (default: ${DEFAULT-VALUE}).")
    long backoffMillis = 1000;

    @Mixin
    MetadataStoreOption metadata;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (parallelism < 1) {
            throw new dev.veracity.ConfigException("--parallelism: expected a number >= 1, found " + parallelism);
        }
        long first = SpanPattern.parseSpan(from, "--from");
        long last = SpanPattern.parseSpan(to, "--to");
        PipelineFile pipeline = PipelineFile.read(file);
        boolean dates = ExampleGen.usesDates(pipeline.pipeline());
        RunOptions options = RunOptions.DEFAULT
                .withParallelism(parallelism)
                .withCache(!noCache)
                .withBackoff(Duration.ofMillis(Math.max(0, backoffMillis)));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (MetadataStore store = metadata.open(pipeline)) {
            Backfill.Progress progress = new Backfill.Progress() {
                @Override
                public void started(long span, int index, int total) {
                    err.println("veracity: backfill: span " + SpanPattern.label(span, dates) + " (" + index + "/"
                            + total + ")");
                    err.flush();
                }

                @Override
                public void finished(long span, RunResult result) {
                    if (json) {
                        return;
                    }
                    String label = SpanPattern.label(span, dates);
                    if (verbose.verbose) {
                        PipelineRunPrinter.nodes(
                                out, result, pipeline.pipeline(), "span " + label + " (run " + result.runId() + "):");
                    } else {
                        PipelineRunPrinter.problems(out, result, pipeline.pipeline(), label);
                    }
                    out.flush();
                }
            };
            List<RunResult> runs = new Backfill(store, options, new PipelineRunPrinter.Progress(err))
                    .run(pipeline.pipeline(), first, last, progress);
            return PipelineRunPrinter.finish(out, err, store, pipeline.pipeline(), runs, json, verbose.verbose);
        }
    }
}
