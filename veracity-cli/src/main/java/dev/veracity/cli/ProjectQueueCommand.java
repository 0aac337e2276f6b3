package dev.veracity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veracity.labeling.project.LabelingProject;
import dev.veracity.labeling.project.QueuedTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project queue}: a rater's open tasks as JSON Lines. */
@Command(
        name = "queue",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints a rater's open tasks, one JSON object per line: task, data, instruction_version and, "
                + "unless the project is blind, other_labels. Gold questions look like any task.",
        footer = {"%nExample:", "  veracity label project queue proj --rater ann --limit 10"})
final class ProjectQueueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Option(names = "--rater", required = true, paramLabel = "RATER", description = "The rater.")
    String rater;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "2147483647", description = "At most N tasks.")
    int limit;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        List<QueuedTask> queue = LabelingProject.open(directory).queue(rater);
        var out = spec.commandLine().getOut();
        ObjectMapper mapper =
                new ObjectMapper(); // created here, not when the command tree is built: it is slow to load
        for (QueuedTask task : queue.subList(0, Math.min(Math.max(limit, 0), queue.size()))) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("task", task.task());
            line.put("data", task.data());
            line.put("instruction_version", task.instructionVersion());
            if (!task.otherLabels().isEmpty()) {
                line.put("other_labels", task.otherLabels());
            }
            out.println(mapper.writeValueAsString(line));
        }
        out.flush();
        spec.commandLine().getErr().printf("veracity: %d open tasks for %s%n", queue.size(), rater);
        return ExitCodes.OK;
    }
}
