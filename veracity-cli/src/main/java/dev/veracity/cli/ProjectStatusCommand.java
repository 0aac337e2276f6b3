package dev.veracity.cli;

import dev.veracity.labeling.project.LabelingProject;
import dev.veracity.labeling.project.RaterStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project status}: progress and rater accuracy. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints progress and, per rater, assignments, annotations, accuracy on gold questions and "
                + "mean time spent.",
        footer = {"%nExample:", "  veracity label project status proj"})
final class ProjectStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        LabelingProject project = LabelingProject.open(directory);
        var out = spec.commandLine().getOut();
        long ordinary = project.tasks().stream().filter(t -> !t.isGold()).count();
        out.printf(
                Locale.ROOT,
                "%s: %d tasks (%d gold), %d complete with %d ratings, instructions v%d%n",
                project.config().name(),
                project.tasks().size(),
                project.tasks().size() - ordinary,
                project.completeTasks(),
                project.config().overlap(),
                project.config().currentInstructions().version());
        out.printf(
                Locale.ROOT, "%-20s %9s %9s %6s %9s %9s%n", "rater", "assigned", "done", "gold", "accuracy", "seconds");
        for (RaterStatus s : project.status()) {
            out.printf(
                    Locale.ROOT,
                    "%-20s %9d %9d %6d %9s %9.1f%n",
                    s.rater(),
                    s.assigned(),
                    s.done(),
                    s.goldAnswered(),
                    Double.isNaN(s.accuracy()) ? "-" : String.format(Locale.ROOT, "%.3f", s.accuracy()),
                    s.meanSeconds());
        }
        return ExitCodes.OK;
    }
}
