package dev.veracity.cli;

import dev.veracity.labeling.project.LabelingProject;
import dev.veracity.labeling.project.Task;
import dev.veracity.labeling.project.TaskFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project add-tasks}: adds tasks from a table or a Label Studio task file. */
@Command(
        name = "add-tasks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Adds tasks from a data file (columns become the task data) or a Label Studio JSON "
                + "task file. A non-empty --gold-column makes a row a gold question.",
        footer = {"%nExample:", "  veracity label project add-tasks proj reviews.csv --id-column id --gold-column gold"
        })
final class ProjectAddTasksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Parameters(
            index = "1",
            paramLabel = "FILE",
            description = "Tasks: a data file (CSV, JSON Lines, Parquet, Avro, " + "TFRecord) or Label Studio .json.")
    Path file;

    @Mixin
    TableInputOptions input;

    @Option(
            names = "--id-column",
            paramLabel = "COLUMN",
            defaultValue = "id",
            description = "Task id column, if present (default: ${DEFAULT-VALUE}; else task-<row>).")
    String idColumn;

    @Option(
            names = "--gold-column",
            paramLabel = "COLUMN",
            defaultValue = "gold",
            description = "Gold label column, if present (default: ${DEFAULT-VALUE}).")
    String goldColumn;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        LabelingProject project = LabelingProject.open(directory);
        List<Task> tasks = TaskFiles.read(file, idColumn, goldColumn, input.tableOptions());
        int added = project.addTasks(tasks);
        spec.commandLine()
                .getOut()
                .printf(
                        "%d tasks added (%d gold), %d in all%n",
                        added,
                        tasks.stream().filter(Task::isGold).count(),
                        project.tasks().size());
        return ExitCodes.OK;
    }
}
