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
import java.util.Map;

/**
 * The end of {@code pipeline run} and {@code backfill}: a table of what the run found per span (one row a span, one
 * column a {@code summary.*} count, "-" where a span has none; lists such as anomaly reasons and alarms as lines
 * under their span), the failed node if any, then the reports to open; and the same as JSON. Strings come from components and may echo data, so they are escaped for the terminal.
 *
 * <pre>{@code
 * out.print(PipelineSummaryTable.render(RunSummary.of(pipeline, results), true));
 * }</pre>
 */
final class PipelineSummaryTable {
    /** Widest cell: a figure with a longer value is told under its span instead. */
    static final int MAX_CELL = 12;

    /** Longest finding: a longer one is cut with an ellipsis (the JSON has all of it). */
    static final int MAX_FINDING = 160;

    private PipelineSummaryTable() {}

    /**
     * {@return the table, the failure line and the report lines, each line ending in a newline}: counts and short
     * figures are columns; lists (anomaly reasons, alarms) and long texts are lines under their span, only when they
     * say something, so that the table stays narrow and a clean span is one line
     */
    static String render(RunSummary summary, boolean dates) {
        StringBuilder text = new StringBuilder();
        if (!summary.rows().isEmpty() && !summary.columns().isEmpty()) {
            List<String> columns = new ArrayList<>();
            List<String> findings = new ArrayList<>();
            for (String column : summary.columns()) {
                (isFinding(summary, column) ? findings : columns).add(column);
            }
            List<String> header = new ArrayList<>();
            header.add("span");
            header.addAll(columns);
            List<List<String>> cells = new ArrayList<>();
            cells.add(header);
            for (RunSummary.Row row : summary.rows()) {
                List<String> line = new ArrayList<>();
                line.add(SpanPattern.label(row.span(), dates));
                for (String column : columns) {
                    line.add(cell(
                            row.values().getOrDefault(column, ""), row.values().containsKey(column)));
                }
                cells.add(line);
            }
            int[] widths = new int[header.size()];
            for (List<String> line : cells) {
                for (int i = 0; i < line.size(); i++) {
                    widths[i] = Math.max(widths[i], width(line.get(i)));
                }
            }
            text.append("Summary:\n");
            for (int r = 0; r < cells.size(); r++) {
                List<String> line = cells.get(r);
                StringBuilder out = new StringBuilder("  ");
                for (int i = 0; i < line.size(); i++) {
                    out.append(line.get(i));
                    if (i < line.size() - 1) {
                        out.append(" ".repeat(widths[i] - width(line.get(i)) + 2));
                    }
                }
                text.append(out.toString().stripTrailing()).append('\n');
                if (r > 0) {
                    Map<String, String> values = summary.rows().get(r - 1).values();
                    for (String finding : findings) {
                        String value = values.getOrDefault(finding, "");
                        if (!value.isEmpty()) {
                            text.append("  ")
                                    .append(" ".repeat(widths[0] + 2))
                                    .append(finding)
                                    .append(": ")
                                    .append(TerminalText.printable(value.replace(",", ", "), MAX_FINDING))
                                    .append('\n');
                        }
                    }
                }
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

    /** {@return whether a figure is told under its span rather than in a column: a list (not a count), a long text} */
    private static boolean isFinding(RunSummary summary, String column) {
        String figure = column.replaceFirst("\\[.*", "");
        boolean list = figure.equals("top_reasons") || figure.endsWith("_alarms");
        return summary.rows().stream()
                .map(row -> row.values().getOrDefault(column, ""))
                .anyMatch(
                        value -> width(value) > MAX_CELL || (list && !value.isEmpty() && !value.matches("\\d{1,18}")));
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
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
