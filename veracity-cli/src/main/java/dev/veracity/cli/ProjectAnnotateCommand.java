package dev.veracity.cli;

import dev.veracity.labeling.project.Annotation;
import dev.veracity.labeling.project.LabelingProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project annotate}: records a rater's label. */
@Command(
        name = "annotate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Records a rater's label for an assigned task, with the current instruction version.",
        footer = {
            "%nExample:",
            "  veracity label project annotate proj --rater ann --task r-17 --label pos --seconds 12"
        })
final class ProjectAnnotateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Option(names = "--rater", required = true, paramLabel = "RATER", description = "The rater.")
    String rater;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "The task id.")
    String task;

    @Option(names = "--label", required = true, paramLabel = "LABEL", description = "The label chosen.")
    String label;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0", description = "Time spent, in seconds.")
    double seconds;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        Annotation a = LabelingProject.open(directory).annotate(rater, task, label, seconds);
        spec.commandLine()
                .getOut()
                .printf(
                        "%s labeled %s '%s' (instructions v%d)%n",
                        a.rater(), a.task(), a.label(), a.instructionVersion());
        return ExitCodes.OK;
    }
}
