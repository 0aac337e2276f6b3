package dev.veracity.cli;

import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.FailureCause;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.NodeStatus;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.pipeline.run.RunSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What {@code pipeline run} and {@code pipeline backfill} print and return: a line per node, the counts, the summary
 * of what the run found per span (or its JSON), the failed node in one line (its stack trace with --verbose), and
 * the exit code of the cause: 3 for a bug, 2 for an input error, 1 for a blocked node, else 0.
 *
 * <pre>{@code
 * return PipelineRunPrinter.finish(out, err, store, pipeline, List.of(result), false, false);
 * }</pre>
 */
final class PipelineRunPrinter {
    private PipelineRunPrinter() {}

    /** Prints a line per node of a run and its counts. */
    static void nodes(PrintWriter out, RunResult result, Pipeline pipeline, String title) {
        out.println(title);
        for (NodeResult node : result.results()) {
            out.printf(
                    "  %-22s %-9s %s%s%n",
                    node.node(),
                    label(node.status()),
                    node.executionId() == 0 ? "" : "execution " + node.executionId() + "  ",
                    TerminalText.escape(node.message()));
        }
        out.println(counts(result, pipeline));
    }

    /**
     * Prints a span of a backfill on one line of counts, then a line per blocked or failed node (why); the other
     * nodes' lines, cache misses explained, are for {@code --verbose}.
     */
    static void problems(PrintWriter out, RunResult result, Pipeline pipeline, String label) {
        out.println("span " + label + ": " + counts(result, pipeline));
        for (NodeResult node : result.results()) {
            if (node.status() == NodeStatus.BLOCKED || node.status() == NodeStatus.FAILED) {
                out.printf("  %-22s %-9s %s%n", node.node(), label(node.status()), TerminalText.escape(node.message()));
            }
        }
    }

    /**
     * {@return the counts of a run's nodes by status, on one line}: a Resolver runs every time and makes nothing,
     * so it is counted as resolved, not executed (a run that computed nothing says "0 executed")
     */
    static String counts(RunResult result, Pipeline pipeline) {
        long resolved = result.results().stream()
                .filter(r -> r.status() == NodeStatus.EXECUTED)
                .filter(r -> pipeline.node(r.node())
                        .map(n -> n.component().isResolver())
                        .orElse(false))
                .count();
        return String.format(
                "%d executed, %d cached, %s%d reused, %d blocked, %d failed, %d skipped",
                result.count(NodeStatus.EXECUTED) - resolved,
                result.count(NodeStatus.CACHED),
                resolved == 0 ? "" : resolved + " resolved, ",
                result.count(NodeStatus.REUSED),
                result.count(NodeStatus.BLOCKED),
                result.count(NodeStatus.FAILED),
                result.count(NodeStatus.SKIPPED));
    }

    /** {@return the exit code}: prints the summary (or the JSON) and the failure */
    static int finish(
            PrintWriter out,
            PrintWriter err,
            MetadataStore store,
            Pipeline pipeline,
            List<RunResult> runs,
            boolean json,
            boolean verbose) {
        boolean dates = dev.veracity.pipeline.components.ExampleGen.usesDates(pipeline);
        RunSummary summary = RunSummary.of(pipeline, runs);
        if (json) {
            out.print(PipelineSummaryTable.json(runs, summary, dates));
        } else {
            out.print(PipelineSummaryTable.render(summary, dates));
        }
        out.flush();
        if (runs.isEmpty()) {
            return ExitCodes.OK;
        }
        RunResult last = runs.get(runs.size() - 1);
        Optional<NodeResult> failed = last.results().stream()
                .filter(r -> r.status() == NodeStatus.FAILED)
                .findFirst();
        if (failed.isPresent()) {
            NodeResult node = failed.get();
            boolean bug = node.cause() == FailureCause.INTERNAL;
            err.println("veracity: " + (bug ? "internal error: " : "error: ") + "node " + node.node() + ": "
                    + TerminalText.escape(firstLine(node.message()))
                    + (bug ? " (a bug: please report it, with the execution's error in the metadata store)" : ""));
            if (verbose && node.executionId() != 0) {
                store.execution(node.executionId())
                        .flatMap(e -> e.property("stack_trace"))
                        .map(Value::stringValue)
                        .ifPresent(trace -> err.print(TerminalText.escapeKeepingLines(trace.replace("\t", "    "))));
            }
            err.flush();
            return last.hasInternalFailure() ? ExitCodes.INTERNAL_ERROR : ExitCodes.USER_ERROR;
        }
        return runs.stream().allMatch(RunResult::isSuccess) ? ExitCodes.OK : ExitCodes.ANOMALIES;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static String label(NodeStatus status) {
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
    record Progress(PrintWriter err) implements RunListener {
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
                err.println("veracity: " + node + ": warning: " + TerminalText.escape(message));
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
