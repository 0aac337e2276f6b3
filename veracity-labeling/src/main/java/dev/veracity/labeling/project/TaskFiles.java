package dev.veracity.labeling.project;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.labeling.table.Cells;
import dev.veracity.labeling.table.TableFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tasks: a Label Studio task file ({@code .json}), or a CSV or JSON Lines table whose columns become the task
 * data (the id column, if present, names the task, else {@code task-<row>}; the gold column, if present and not
 * empty, makes it a gold question and is not shown).
 *
 * <pre>{@code
 * List<Task> tasks = TaskFiles.read(Path.of("reviews.csv"), "id", "gold");
 * }</pre>
 */
public final class TaskFiles {
    private TaskFiles() {
    }

    public static List<Task> read(Path file, String idColumn, String goldColumn) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return LabelStudio.readTasks(file);
        }
        List<Task> tasks = new ArrayList<>();
        try (TableFile table = TableFile.open(file, CsvOptions.DEFAULT, JsonLinesOptions.DEFAULT)) {
            int id = table.columns().indexOf(idColumn);
            int gold = table.columns().indexOf(goldColumn);
            long row = 0;
            for (Optional<RecordBatch> b = table.source().next(); b.isPresent(); b = table.source().next()) {
                List<Column> columns = b.get().columns();
                for (int r = 0; r < b.get().rowCount(); r++) {
                    row++;
                    Map<String, Object> data = new LinkedHashMap<>();
                    for (int c = 0; c < columns.size(); c++) {
                        String value = Cells.text(columns.get(c), r);
                        if (c != id && c != gold && value != null) {
                            data.put(table.columns().get(c), value);
                        }
                    }
                    String taskId = id < 0 ? null : Cells.text(columns.get(id), r);
                    String goldLabel = gold < 0 ? null : Cells.text(columns.get(gold), r);
                    tasks.add(new Task(taskId == null ? "task-" + row : taskId, data,
                            goldLabel == null ? "" : goldLabel));
                }
            }
        }
        return tasks;
    }
}
