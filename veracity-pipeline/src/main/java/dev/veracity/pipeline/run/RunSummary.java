package dev.veracity.pipeline.run;

import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Node;
import dev.veracity.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run (or a backfill of several) found, per span: the {@code summary.*} properties components set on their
 * output artifacts, in a fixed column order, plus the paths of the reports ({@code summary.report}). Read from the
 * artifacts, so a cached node's figures are shown as well as an executed one's.
 *
 * <pre>{@code
 * RunSummary summary = RunSummary.of(pipeline, List.of(result));
 * summary.rows().forEach(row -> System.out.println(row.span() + " " + row.values()));
 * }</pre>
 *
 * @param columns the figures shown, in order (a figure set by several nodes is one column per node:
 *                {@code figure[node]})
 * @param rows    one per span, oldest first
 * @param reports the {@code summary.report} values, oldest span first
 * @param failure one line on the first failed or blocked node ("" if none)
 */
public record RunSummary(List<String> columns, List<Row> rows, List<String> reports, String failure) {
    /** The prefix of the artifact properties that are run figures. */
    public static final String PREFIX = "summary.";

    /** The figures whose columns come first, in this order; any other {@code summary.*} follows, sorted. */
    public static final List<String> ORDER = List.of(
            "examples",
            "labels_joined",
            "weak_labels",
            "pii_features",
            "anomalies",
            "top_reasons",
            "quarantined",
            "drift_alarms",
            "skew_alarms",
            "fairness_alarms",
            "selected",
            "model_alarms",
            "exported");

    private static final String REPORT = "report";

    public RunSummary {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        reports = List.copyOf(reports);
        Objects.requireNonNull(failure, "failure is null");
    }

    /**
     * One span's figures.
     *
     * @param span   the span
     * @param values per column, the figure as text; a column is absent where the span has no such figure (a figure
     *               may be "", e.g. no drift alarm)
     */
    public record Row(long span, Map<String, String> values) {
        public Row {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** {@return the summary of these runs of the pipeline} */
    public static RunSummary of(Pipeline pipeline, List<RunResult> results) {
        // span -> figure -> node -> value; resolvers' outputs are earlier artifacts, not this run's findings.
        Map<Long, Map<String, Map<String, String>>> bySpan = new TreeMap<>();
        Map<String, Set<String>> nodesOfFigure = new LinkedHashMap<>();
        Set<String> reports = new LinkedHashSet<>();
        Map<Long, List<String>> reportsBySpan = new TreeMap<>();
        String failure = "";
        for (RunResult result : results) {
            long runSpan = spanOf(pipeline, result);
            for (NodeResult node : result.results()) {
                if (failure.isEmpty() && (node.status() == NodeStatus.FAILED || node.status() == NodeStatus.BLOCKED)) {
                    failure = "node " + node.node() + " " + (node.status() == NodeStatus.FAILED ? "failed" : "blocked")
                            + ": " + firstLine(node.message());
                }
                boolean resolver = pipeline.node(node.node())
                        .map(Node::component)
                        .map(dev.veracity.pipeline.Component::isResolver)
                        .orElse(false);
                if (resolver) {
                    continue;
                }
                for (List<Artifact> artifacts : node.outputs().values()) {
                    for (Artifact artifact : artifacts) {
                        long span =
                                artifact.property("span").map(Value::intValue).orElse(runSpan);
                        collect(artifact, node.node(), span, bySpan, nodesOfFigure, reportsBySpan);
                    }
                }
            }
        }
        reportsBySpan.values().forEach(reports::addAll);
        List<String> figures = new ArrayList<>();
        ORDER.stream().filter(nodesOfFigure::containsKey).forEach(figures::add);
        new TreeSet<>(nodesOfFigure.keySet())
                .stream().filter(f -> !ORDER.contains(f)).forEach(figures::add);
        List<String> columns = new ArrayList<>();
        List<String[]> sources = new ArrayList<>();
        for (String figure : figures) {
            Set<String> nodes = nodesOfFigure.get(figure);
            for (String node : nodes) {
                columns.add(nodes.size() == 1 ? figure : figure + "[" + node + "]");
                sources.add(new String[] {figure, node});
            }
        }
        List<Row> rows = new ArrayList<>();
        bySpan.forEach((span, figuresOfSpan) -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String[] source = sources.get(i);
                String value = figuresOfSpan.getOrDefault(source[0], Map.of()).get(source[1]);
                if (value != null) {
                    values.put(columns.get(i), value);
                }
            }
            rows.add(new Row(span, values));
        });
        return new RunSummary(columns, rows, List.copyOf(reports), failure);
    }

    /** {@return the newest span among the run's own outputs: the span of an output that does not say its own} */
    private static long spanOf(Pipeline pipeline, RunResult result) {
        return result.results().stream()
                .filter(n -> pipeline.node(n.node())
                        .map(node -> !node.component().isResolver())
                        .orElse(true))
                .flatMap(n -> n.outputs().values().stream())
                .flatMap(List::stream)
                .mapToLong(a -> a.property("span").map(Value::intValue).orElse(-1L))
                .max()
                .orElse(-1L);
    }

    private static void collect(
            Artifact artifact,
            String node,
            long span,
            Map<Long, Map<String, Map<String, String>>> bySpan,
            Map<String, Set<String>> nodesOfFigure,
            Map<Long, List<String>> reportsBySpan) {
        Map<String, Value> all = new TreeMap<>(artifact.customProperties());
        all.putAll(artifact.properties());
        for (Map.Entry<String, Value> property : all.entrySet()) {
            if (!property.getKey().startsWith(PREFIX)) {
                continue;
            }
            String figure = property.getKey().substring(PREFIX.length());
            String text = text(property.getValue());
            if (figure.equals(REPORT)) {
                List<String> list = reportsBySpan.computeIfAbsent(span, s -> new ArrayList<>());
                if (!text.isEmpty() && !list.contains(text)) {
                    list.add(text);
                }
                continue;
            }
            nodesOfFigure.computeIfAbsent(figure, f -> new TreeSet<>()).add(node);
            bySpan.computeIfAbsent(span, s -> new TreeMap<>())
                    .computeIfAbsent(figure, f -> new TreeMap<>())
                    .put(node, text);
        }
    }

    /** {@return the value as shown: a count as a whole number, a ratio with 4 significant digits, a string as is} */
    static String text(Value value) {
        return switch (value.type()) {
            case INT -> Long.toString(value.intValue());
            case DOUBLE ->
                value.doubleValue() == Math.rint(value.doubleValue()) && Math.abs(value.doubleValue()) < 1e15
                        ? Long.toString((long) value.doubleValue())
                        : String.format(Locale.ROOT, "%.4g", value.doubleValue());
            case STRING -> value.stringValue();
        };
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** {@return whether no span has a figure and there is no report} */
    public boolean isEmpty() {
        return columns.isEmpty() && reports.isEmpty();
    }
}
