package dev.veracity.cli;

import dev.veracity.labeling.project.LabelingProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project add-raters}: adds raters. */
@Command(
        name = "add-raters",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Adds raters (ids); existing ones are kept.",
        footer = {"%nExample:", "  veracity label project add-raters proj ann bob cid"})
final class ProjectAddRatersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RATER", description = "Rater ids.")
    List<String> raters;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        LabelingProject project = LabelingProject.open(directory);
        int added = project.addRaters(raters);
        spec.commandLine()
                .getOut()
                .printf("%d raters added, %d in all%n", added, project.raters().size());
        return ExitCodes.OK;
    }
}
