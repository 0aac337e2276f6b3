package dev.veracity.labeling.feedback;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.BadRecords;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads prediction and outcome logs into {@link Event}s. An event without key or time, or with a time that does not
 * parse, fails the read naming file, record and column (or, with {@link BadRecords#SKIP}, is counted as invalid).
 * Records are numbered from 1 in the order the reader returns them (for JSON Lines, blank lines are not counted).
 */
final class EventReader {
    private static final String TIME_EXPECTED =
            "a timestamp (ISO-8601 such as 2024-05-01T10:00:00Z, or epoch " + "seconds or milliseconds)";

    private final FeedbackSpec spec;
    private final TableOptions table;
    private final ColumnUnion predictionColumns = new ColumnUnion();
    private long predictionsRead;
    private long outcomesRead;
    private long invalidPredictions;
    private long invalidOutcomes;
    private long latestTime = Long.MIN_VALUE;

    EventReader(FeedbackSpec spec, TableOptions table) {
        this.spec = spec;
        this.table = table;
    }

    interface Sink {
        void accept(Event event) throws IOException;
    }

    void readPredictions(List<Path> files, Sink sink) throws IOException {
        for (Path file : files) {
            try (Table events = Table.open(file, table)) {
                int key = events.require(spec.predictionKey(), "the prediction key", ErrorCode.LABEL_EVENT_INVALID);
                int time = events.require(spec.predictionTime(), "the prediction time", ErrorCode.LABEL_EVENT_INVALID);
                int[] union = events.names().stream()
                        .mapToInt(predictionColumns::indexOf)
                        .toArray();
                for (String added : spec.addedColumns()) {
                    if (events.names().contains(added)) {
                        throw new InputException(
                                ErrorCode.LABEL_EVENT_INVALID,
                                file + ": expected no column named " + added
                                        + " (the join writes it), found one; choose another --label-column");
                    }
                }
                int[] order = RowBody.order(union);
                long record = 0;
                for (Optional<RecordBatch> b = events.next(); b.isPresent(); b = events.next()) {
                    List<Column> columns = b.get().columns();
                    for (int row = 0; row < b.get().rowCount(); row++) {
                        record++;
                        String k = text(columns.get(key), row);
                        Long t = timeOf(file, record, columns.get(time), row);
                        if (k == null || t == null) {
                            invalid(file, record, k == null ? spec.predictionKey() : spec.predictionTime());
                            invalidPredictions++;
                            continue;
                        }
                        predictionsRead++;
                        latestTime = Math.max(latestTime, t);
                        sink.accept(
                                new Event(false, k.getBytes(UTF_8), t, t, RowBody.encode(columns, order, union, row)));
                    }
                }
            }
        }
    }

    void readOutcomes(List<Path> files, Sink sink) throws IOException {
        for (Path file : files) {
            try (Table events = Table.open(file, table)) {
                int key = events.require(spec.outcomeKey(), "the outcome key", ErrorCode.LABEL_EVENT_INVALID);
                int time = events.require(spec.outcomeTime(), "the outcome time", ErrorCode.LABEL_EVENT_INVALID);
                int arrival = spec.outcomeArrival().isEmpty()
                        ? -1
                        : events.require(
                                spec.outcomeArrival(), "the outcome arrival time", ErrorCode.LABEL_EVENT_INVALID);
                int label = spec.outcomeLabel().isEmpty()
                        ? -1
                        : events.require(spec.outcomeLabel(), "the outcome label", ErrorCode.LABEL_EVENT_INVALID);
                long record = 0;
                for (Optional<RecordBatch> b = events.next(); b.isPresent(); b = events.next()) {
                    List<Column> columns = b.get().columns();
                    for (int row = 0; row < b.get().rowCount(); row++) {
                        record++;
                        String k = text(columns.get(key), row);
                        Long t = timeOf(file, record, columns.get(time), row);
                        Long a = arrival < 0 ? t : timeOf(file, record, columns.get(arrival), row);
                        String l = label < 0 ? "" : text(columns.get(label), row);
                        if (k == null || t == null || a == null || l == null) {
                            invalid(
                                    file,
                                    record,
                                    k == null
                                            ? spec.outcomeKey()
                                            : t == null
                                                    ? spec.outcomeTime()
                                                    : a == null ? spec.outcomeArrival() : spec.outcomeLabel());
                            invalidOutcomes++;
                            continue;
                        }
                        outcomesRead++;
                        latestTime = Math.max(latestTime, Math.max(t, a));
                        sink.accept(new Event(true, k.getBytes(UTF_8), t, a, l.getBytes(UTF_8)));
                    }
                }
            }
        }
    }

    private Long timeOf(Path file, long record, Column column, int row) {
        Long t = Timestamps.ofCell(column, row, spec.epochUnit());
        if (t != null && t == Long.MIN_VALUE) {
            if (spec.badRecords() == BadRecords.SKIP) {
                return null;
            }
            throw new InputException(
                    ErrorCode.LABEL_EVENT_INVALID,
                    file + ": record " + record + ": column " + column.name() + ": expected " + TIME_EXPECTED
                            + ", found '" + ValueText.first(column, row) + "'");
        }
        return t;
    }

    /** {@return the cell's first value as text, or null when it has none (or only empty text)} */
    private static String text(Column column, int row) {
        String text = ValueText.first(column, row);
        return text.isEmpty() ? null : text;
    }

    private void invalid(Path file, long record, String column) {
        if (spec.badRecords() == BadRecords.FAIL) {
            throw new InputException(
                    ErrorCode.LABEL_EVENT_INVALID,
                    file + ": record " + record + ": column " + column
                            + ": expected a value, found none (--bad-records skip counts such events instead)");
        }
    }

    List<String> predictionColumns() {
        return predictionColumns.names();
    }

    long predictionsRead() {
        return predictionsRead;
    }

    long outcomesRead() {
        return outcomesRead;
    }

    long invalidPredictions() {
        return invalidPredictions;
    }

    long invalidOutcomes() {
        return invalidOutcomes;
    }

    /** {@return the latest event or arrival time read, or {@link Long#MIN_VALUE} if none} */
    long latestTime() {
        return latestTime;
    }
}
