package dev.veracity.privacy.redact;

import dev.veracity.ErrorCode;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.jsonl.JsonLinesStatistics;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.detect.Context;
import dev.veracity.privacy.detect.Finding;
import dev.veracity.privacy.detect.PiiDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a redacted copy of a plain CSV or JSON Lines file in one pass: CSV when the output name ends otherwise than
 * in {@code .jsonl}/{@code .ndjson}, JSON Lines else. The output is written to a temporary file and moved into place,
 * so a failure leaves no partial file. Values no operator touches are written as read (CSV cells as their text), so
 * the statistics of the other features do not change.
 *
 * <pre>{@code
 * RedactionSummary s = new Redactor(plan, TableOptions.DEFAULT).redact(Path.of("in.csv"), Path.of("out.csv"));
 * }</pre>
 *
 * @param plan       what to do to which feature and entity
 * @param tableOptions how to read CSV input (its delimiter is also the output's)
 */
public record Redactor(RedactionPlan plan, TableOptions tableOptions) {
    public Redactor {
        Objects.requireNonNull(plan, "plan is null");
        Objects.requireNonNull(tableOptions, "tableOptions is null");
    }

    /**
     * Redacts {@code input} into {@code output}.
     *
     * @throws dev.veracity.ConfigException if a feature named in the plan is not in the input, or {@code hash} has
     *                                      no secret, or a list value would go to a CSV cell
     * @throws dev.veracity.InputException  if the input is missing or malformed
     */
    public RedactionSummary redact(Path input, Path output) throws IOException {
        plan.checkSecret();
        RedactionSummary[] summary = new RedactionSummary[1];
        try (Table table = Table.open(input, tableOptions.withCsvAsText(true))) {
            for (String feature : plan.required()) {
                table.require(feature, "--feature", ErrorCode.INVALID_OPTION);
            }
            AtomicFiles.write(output, stream -> {
                RowWriter writer = JsonLinesStatistics.isJsonLines(output)
                        ? new JsonLinesRowWriter(stream)
                        : new CsvRowWriter(stream, (char) tableOptions.csv().delimiter(), output.toString());
                summary[0] = copy(table, writer);
            });
        }
        return summary[0];
    }

    private RedactionSummary copy(Table table, RowWriter writer) throws IOException {
        List<String> names = table.names();
        List<Integer> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (plan.features().get(names.get(i)) instanceof Operator.Drop) {
                dropped.add(names.get(i));
            } else {
                kept.add(i);
            }
        }
        writer.start(kept.stream().map(names::get).toList());
        PiiDetector spans = plan.detector().only(plan.entities().keySet());
        Map<String, Long> changed = new LinkedHashMap<>();
        Map<PiiEntity, Long> redacted = new EnumMap<>(PiiEntity.class);
        long row = 0;
        long written = 0;
        java.util.BitSet droppedRows = plan.droppedRows();
        for (Optional<RecordBatch> next = table.next(); next.isPresent(); next = table.next()) {
            RecordBatch batch = next.get();
            for (int r = 0; r < batch.rowCount(); r++) {
                row++;
                if (droppedRows.get((int) (row - 1))) {
                    continue;
                }
                written++;
                List<OutputCell> cells = new ArrayList<>(kept.size());
                for (int c : kept) {
                    cells.add(cell(batch.columns().get(c), r, spans, changed, redacted));
                }
                writer.row(row, cells);
            }
        }
        writer.finish();
        return new RedactionSummary(written, dropped, changed, redacted);
    }

    private OutputCell cell(
            Column column, int row, PiiDetector spans, Map<String, Long> changed, Map<PiiEntity, Long> redacted) {
        if (!column.present()[row]) {
            return OutputCell.MISSING;
        }
        int from = column.rowOffsets()[row];
        int to = column.rowOffsets()[row + 1];
        Operator operator = plan.features().get(column.name());
        boolean numeric = !(column instanceof StringColumn);
        List<String> values = new ArrayList<>(to - from);
        for (int v = from; v < to; v++) {
            String text = ValueText.of(column, v);
            String result = text;
            if (operator != null) {
                result = operator.apply(
                        text, Optional.ofNullable(plan.featureEntity().get(column.name())), plan.secret());
            } else if (!plan.entities().isEmpty() && !numeric) {
                result = redactSpans(text, Context.ofFeature(column.name()), spans, redacted);
            }
            if (!result.equals(text)) {
                changed.merge(column.name(), 1L, Long::sum);
                numeric = false;
            }
            values.add(result);
        }
        return new OutputCell(true, values, numeric);
    }

    private String redactSpans(String text, Context context, PiiDetector spans, Map<PiiEntity, Long> redacted) {
        List<Finding> findings = spans.find(text, context);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder result = new StringBuilder(text);
        for (int i = findings.size() - 1; i >= 0; i--) {
            Finding finding = findings.get(i);
            String span = text.substring(finding.start(), finding.end());
            result.replace(
                    finding.start(),
                    finding.end(),
                    plan.entities().get(finding.entity()).apply(span, Optional.of(finding.entity()), plan.secret()));
            redacted.merge(finding.entity(), 1L, Long::sum);
        }
        return result.toString();
    }
}
