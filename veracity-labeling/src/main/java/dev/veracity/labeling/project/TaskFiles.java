package dev.veracity.labeling.project;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tasks: a Label Studio task file ({@code .json}), or a data file (any format a {@link Table} opens) whose
 * columns become the task data (the id column, if present, names the task, else {@code task-<row>}; the gold column,
 * if present and not empty, makes it a gold question and is not shown). A task id used twice in one file is an
 * error naming both records: the second would silently replace the first.
 *
 * <pre>{@code
 * List<Task> tasks = TaskFiles.read(Path.of("reviews.csv"), "id", "gold");
 * }</pre>
 */
public final class TaskFiles {
    private TaskFiles() {}

    /**
     * {@return the tasks of a Label Studio {@code .json} file or of a data file, in file order}
     *
     * @throws InputException LABEL_PROJECT_INVALID if a task id comes twice, naming the file and both records
     */
    public static List<Task> read(Path file, String idColumn, String goldColumn) throws IOException {
        return read(file, idColumn, goldColumn, TableOptions.DEFAULT);
    }

    /** {@return the tasks of a Label Studio {@code .json} file, or of a data file read as {@code options} say} */
    public static List<Task> read(Path file, String idColumn, String goldColumn, TableOptions options)
            throws IOException {
        boolean labelStudio =
                file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        List<Task> tasks = labelStudio ? LabelStudio.readTasks(file) : readTable(file, idColumn, goldColumn, options);
        Map<String, Integer> firstRow = new java.util.HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Integer first = firstRow.putIfAbsent(tasks.get(i).id(), i + 1);
            if (first != null) {
                String unit = labelStudio ? "task " : "record ";
                throw new InputException(
                        ErrorCode.LABEL_PROJECT_INVALID,
                        file + ": " + unit + (i + 1)
                                + ": expected a new task id, found "
                                + tasks.get(i).id() + " again (first at " + unit + first
                                + "); a task id names one task");
            }
        }
        return tasks;
    }

    private static List<Task> readTable(Path file, String idColumn, String goldColumn, TableOptions options)
            throws IOException {
        List<Task> tasks = new ArrayList<>();
        try (Table table = Table.open(file, options)) {
            int id = table.indexOf(idColumn);
            int gold = table.indexOf(goldColumn);
            long row = 0;
            for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                List<Column> columns = b.get().columns();
                for (int r = 0; r < b.get().rowCount(); r++) {
                    row++;
                    Map<String, Object> data = new LinkedHashMap<>();
                    for (int c = 0; c < columns.size(); c++) {
                        String value = ValueText.first(columns.get(c), r);
                        if (c != id && c != gold && !value.isEmpty()) {
                            data.put(table.names().get(c), value);
                        }
                    }
                    String taskId = id < 0 ? "" : ValueText.first(columns.get(id), r);
                    String goldLabel = gold < 0 ? "" : ValueText.first(columns.get(gold), r);
                    tasks.add(new Task(taskId.isEmpty() ? "task-" + row : taskId, data, goldLabel));
                }
            }
        }
        return tasks;
    }
}
