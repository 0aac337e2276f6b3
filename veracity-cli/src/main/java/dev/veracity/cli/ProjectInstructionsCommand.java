package dev.veracity.cli;

import dev.veracity.labeling.project.LabelingProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project instructions}: adds a version of the instructions. */
@Command(
        name = "instructions",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Adds a new version of the instructions; later annotations record it.",
        footer = {"%nExample:", "  veracity label project instructions proj guide-v2.md"})
final class ProjectInstructionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Parameters(index = "1", paramLabel = "FILE", description = "The new instructions text.")
    Path file;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        LabelingProject project = LabelingProject.open(directory);
        String text;
        try (var in = dev.veracity.io.InputFiles.open(file)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        spec.commandLine().getOut().printf("instructions version %d%n", project.updateInstructions(text));
        return ExitCodes.OK;
    }
}
