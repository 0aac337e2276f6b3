package dev.veracity.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.pipeline.components.SpanPattern;
import dev.veracity.pipeline.run.NodeResult;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.pipeline.run.RunSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of {@code pipeline run} and {@code backfill}: a table of what the run found per span (one row a span, one
 * column a {@code summary.*} figure, "-" where a span has none), the failed node if any, then the reports to open;
 * and the same as JSON. Strings come from components and may echo data, so they are escaped for the terminal.
 *
 * <pre>{@code
 * out.print(PipelineSummaryTable.render(RunSummary.of(pipeline, results), true));
 * }</pre>
 */
final class PipelineSummaryTable {
    /** Widest cell: a list of alarms longer than this is cut with an ellipsis (the JSON has all of it). */
    static final int MAX_CELL = 48;

    private PipelineSummaryTable() {}

    /** {@return the table, the failure line and the report lines, each line ending in a newline} */
    static String render(RunSummary summary, boolean dates) {
        StringBuilder text = new StringBuilder();
        if (!summary.rows().isEmpty() && !summary.columns().isEmpty()) {
            List<String> header = new ArrayList<>();
            header.add("span");
            header.addAll(summary.columns());
            List<List<String>> cells = new ArrayList<>();
            cells.add(header);
            for (RunSummary.Row row : summary.rows()) {
                List<String> line = new ArrayList<>();
                line.add(SpanPattern.label(row.span(), dates));
                for (String column : summary.columns()) {
                    line.add(cell(
                            row.values().getOrDefault(column, ""), row.values().containsKey(column)));
                }
                cells.add(line);
            }
            int[] widths = new int[header.size()];
            for (List<String> line : cells) {
                for (int i = 0; i < line.size(); i++) {
                    widths[i] = Math.max(
                            widths[i], line.get(i).codePointCount(0, line.get(i).length()));
                }
            }
            text.append("Summary:\n");
            for (List<String> line : cells) {
                StringBuilder out = new StringBuilder("  ");
                for (int i = 0; i < line.size(); i++) {
                    String value = line.get(i);
                    out.append(value);
                    if (i < line.size() - 1) {
                        out.append(" ".repeat(widths[i] - value.codePointCount(0, value.length()) + 2));
                    }
                }
                text.append(out.toString().stripTrailing()).append('\n');
            }
        }
        if (!summary.failure().isEmpty()) {
            text.append(TerminalText.escape(summary.failure())).append('\n');
        }
        for (String report : summary.reports()) {
            text.append("Report: ").append(TerminalText.escape(report)).append('\n');
        }
        return text.toString();
    }

    /** {@return a cell: "-" for a figure the span lacks, "none" for an empty one (no alarm), else the text} */
    private static String cell(String value, boolean known) {
        if (!known) {
            return "-";
        }
        return value.isEmpty() ? "none" : TerminalText.printable(value, MAX_CELL);
    }

    /** {@return the runs, their nodes and the summary as one JSON object, with a trailing newline} */
    static String json(List<RunResult> runs, RunSummary summary, boolean dates) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("runs");
            for (RunResult run : runs) {
                json.writeStartObject();
                json.writeStringField("run", run.runId());
                json.writeArrayFieldStart("nodes");
                for (NodeResult node : run.results()) {
                    json.writeStartObject();
                    json.writeStringField("node", node.node());
                    json.writeStringField("status", node.status().name().toLowerCase(Locale.ROOT));
                    json.writeNumberField("execution", node.executionId());
                    json.writeStringField("message", node.message());
                    if (node.status() == dev.veracity.pipeline.run.NodeStatus.FAILED) {
                        json.writeStringField("cause", node.cause().name().toLowerCase(Locale.ROOT));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("summary");
            for (RunSummary.Row row : summary.rows()) {
                json.writeStartObject();
                json.writeNumberField("span", row.span());
                if (dates) {
                    json.writeStringField("date", SpanPattern.label(row.span(), true));
                }
                for (String column : summary.columns()) {
                    String value = row.values().get(column);
                    if (value == null) {
                        continue;
                    }
                    if (value.matches("-?\\d{1,18}")) {
                        json.writeNumberField(column, Long.parseLong(value));
                    } else {
                        json.writeStringField(column, value);
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("reports");
            for (String report : summary.reports()) {
                json.writeString(report);
            }
            json.writeEndArray();
            if (!summary.failure().isEmpty()) {
                json.writeStringField("failure", summary.failure());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }
}
