package dev.veracity.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code veracity} command: lists its subcommands. They are registered by {@link Main} from
 * {@link #SUBCOMMANDS}, all of them for {@code --help} or an unknown command, only the one named otherwise, so that
 * a run creates (and its JVM loads) one command's objects, not the whole tree.
 *
 * <pre>{@code
 * new CommandLine(new VeracityCommand()).addSubcommand(new StatsCommand());
 * }</pre>
 */
@Command(
        name = "veracity",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Statistics, schemas and validation for machine-learning data, compatible with TFDV.",
        footer = {"%nExample:%n  veracity stats examples/runs/train.csv -o train.pb && veracity show train.pb"})
final class VeracityCommand implements Runnable {
    /** The subcommands, in the order {@code --help} lists them (class literals: no class is initialized). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            StatsCommand.class,
            ShowCommand.class,
            InferSchemaCommand.class,
            ValidateCommand.class,
            SuggestChecksCommand.class,
            HistoryCommand.class,
            UpdateSchemaCommand.class,
            SchemaCommand.class,
            DriftCommand.class,
            SkewCommand.class,
            ConvertCommand.class,
            ReportCommand.class,
            PipelineCommand.class,
            MetadataCommand.class,
            PiiCommand.class,
            FairnessCommand.class,
            LabelCommand.class,
            SelectCommand.class,
            PerformanceCommand.class,
            ShiftCommand.class,
            TransformCommand.class,
            ValidateExamplesCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a command: " + String.join(", ", spec.subcommands().keySet()));
    }
}
