package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity label project}: a human labeling project kept as JSON files in a directory. */
@Command(
        name = "project",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a human labeling project without a UI (or with Label Studio as the UI): versioned instructions,",
            "raters, tasks, assignment with fixed overlap (round robin or least loaded), blind mode, gold",
            "questions at a rate with rater accuracy, annotations with instruction version and time spent.",
            "State is JSON files in the project directory, each rewritten atomically.",
            ""
        },
        subcommands = {
            ProjectInitCommand.class,
            ProjectInstructionsCommand.class,
            ProjectAddRatersCommand.class,
            ProjectAddTasksCommand.class,
            ProjectAssignCommand.class,
            ProjectQueueCommand.class,
            ProjectAnnotateCommand.class,
            ProjectStatusCommand.class,
            ProjectExportCommand.class,
            ProjectImportCommand.class
        },
        footer = {
            "%nExample:",
            "  veracity label project init proj --labels neg,neu,pos --overlap 3 --gold-rate 0.1 --blind",
            "  veracity label project add-raters proj ann bob cid dee",
            "  veracity label project add-tasks proj reviews.csv --gold-column gold",
            "  veracity label project assign proj",
            "  veracity label project queue proj --rater ann",
            "  veracity label project annotate proj --rater ann --task r-17 --label pos --seconds 12",
            "  veracity label project export proj -o annotations.csv"
        })
final class LabelProjectCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a project command: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
