package dev.veracity.cli;

import dev.veracity.labeling.project.AssignmentPolicy;
import dev.veracity.labeling.project.Instructions;
import dev.veracity.labeling.project.LabelingProject;
import dev.veracity.labeling.project.ProjectConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project init}: creates a project directory. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Creates a labeling project in DIR.",
        footer = {
            "%nExample:",
            "  veracity label project init proj --labels neg,neu,pos --overlap 3 --blind \\",
            "      --gold-rate 0.1 --instructions guide.md"
        })
final class ProjectInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory (created if absent).")
    Path directory;

    @Option(names = "--name", paramLabel = "NAME", description = "Project name (default: the directory name).")
    String name;

    @Option(
            names = "--labels",
            required = true,
            split = ",",
            paramLabel = "LABELS",
            description = "The labels raters choose from, e.g. neg,neu,pos.")
    List<String> labels;

    @Option(
            names = "--overlap",
            paramLabel = "K",
            defaultValue = "1",
            description = "Raters per task (default: ${DEFAULT-VALUE}).")
    int overlap;

    @Option(
            names = "--policy",
            paramLabel = "POLICY",
            defaultValue = "round_robin",
            description = "round_robin or least_loaded (default: ${DEFAULT-VALUE}).")
    AssignmentPolicy policy;

    @Option(names = "--blind", description = "Hide other raters' answers from a rater's queue.")
    boolean blind;

    @Option(
            names = "--gold-rate",
            paramLabel = "R",
            defaultValue = "0",
            description = "Share of each rater's assignments that are gold questions, in [0, 1) "
                    + "(default: ${DEFAULT-VALUE}).")
    double goldRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of gold placement.")
    long seed;

    @Option(names = "--instructions", paramLabel = "FILE", description = "Instructions text (version 1).")
    Path instructions;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        String text = "";
        if (instructions != null) {
            try (var in = dev.veracity.io.InputFiles.open(instructions)) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        ProjectConfig config = ProjectConfig.of(
                        name == null ? String.valueOf(directory.toAbsolutePath().getFileName()) : name, labels, overlap)
                .withPolicy(policy)
                .withBlind(blind)
                .withGold(goldRate, seed)
                .withInstructions(
                        List.of(new Instructions(1, text, Instant.now().toString())));
        LabelingProject.create(directory, config);
        spec.commandLine()
                .getOut()
                .printf(
                        "created project %s in %s: labels %s, overlap %d, %s%s%s%n",
                        config.name(),
                        directory,
                        config.labels(),
                        overlap,
                        policy.name().toLowerCase(java.util.Locale.ROOT),
                        blind ? ", blind" : "",
                        goldRate > 0 ? ", gold rate " + goldRate : "");
        return ExitCodes.OK;
    }
}
