package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.labeling.project.Assignment;
import dev.veracity.labeling.project.LabelingProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project assign}: fills open slots. */
@Command(
        name = "assign",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Gives every task its overlap of raters (by the project's policy) and mixes in gold "
                + "questions at the gold rate. With --another-for, instead gives each item of an adjudication queue "
                + "(label consensus --queue) one more rater. With --from-queue, fills the slots of the items of an "
                + "active-learning queue (label query) only.",
        footer = {
            "%nExamples:",
            "  veracity label project assign proj",
            "  veracity label project assign proj --another-for adjudicate.csv",
            "  veracity label project assign proj --from-queue queue.csv"
        })
final class ProjectAssignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Option(
            names = "--another-for",
            paramLabel = "FILE",
            description = "A data file with an 'item' column (the consensus queue): one more rating each.")
    Path anotherFor;

    @Option(
            names = "--from-queue",
            paramLabel = "FILE",
            description = "A queue with an 'id' column (label query -o): assign only those tasks, in its order.")
    Path fromQueue;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        LabelingProject project = LabelingProject.open(directory);
        if (anotherFor != null && fromQueue != null) {
            throw new ConfigException("--from-queue: expected it or --another-for, found both");
        }
        List<Assignment> added = anotherFor != null
                ? project.requestMoreRatings(RatingInputOptions.column(anotherFor, "item", input))
                : fromQueue != null
                        ? project.assign(RatingInputOptions.column(fromQueue, "id", input))
                        : project.assign();
        Map<String, int[]> perRater = new TreeMap<>();
        for (Assignment a : added) {
            perRater.computeIfAbsent(a.rater(), r -> new int[2])[a.gold() ? 1 : 0]++;
        }
        var out = spec.commandLine().getOut();
        out.printf("%d new assignments%n", added.size());
        perRater.forEach((rater, n) -> out.printf("  %-20s %6d tasks %6d gold%n", rater, n[0], n[1]));
        return ExitCodes.OK;
    }
}
