package dev.veracity.cli;

import dev.veracity.io.StatisticsFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity show}: prints a statistics file as two aligned tables, like TFDV's display. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints a statistics file, ours or TFDV's, as a numeric and a categorical table",
            "per dataset, within 100 columns. Files ending in .pbtxt or .json are read as",
            "text or JSON; any other name as binary protobuf (as TFX's FeatureStats.pb).",
            ""},
        footer = {"%nExamples:",
            "  veracity show train.pb",
            "  veracity show statistics/train/FeatureStats.pb"})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The statistics file to show.")
    Path file;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.print(new StatisticsTable().render(StatisticsFiles.read(file)));
        out.flush();
        return ExitCodes.OK;
    }
}
