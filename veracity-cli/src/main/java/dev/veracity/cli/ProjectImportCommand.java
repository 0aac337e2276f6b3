package dev.veracity.cli;

import dev.veracity.labeling.project.LabelStudio;
import dev.veracity.labeling.project.LabelingProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project import}: annotations from a Label Studio JSON export. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Imports tasks and annotations from a Label Studio JSON export (cancelled annotations "
                + "skipped; ground-truth annotations make gold questions).",
        footer = {"%nExample:", "  veracity label project import proj project-1-at-2024-05-01.json"})
final class ProjectImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Parameters(index = "1", paramLabel = "FILE", description = "Label Studio JSON export.")
    Path file;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        int imported = LabelStudio.importAnnotations(LabelingProject.open(directory), file);
        spec.commandLine().getOut().printf("%d annotations imported from %s%n", imported, file);
        return ExitCodes.OK;
    }
}
