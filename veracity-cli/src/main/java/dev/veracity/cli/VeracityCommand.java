package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code veracity} command: lists its subcommands. */
@Command(
        name = "veracity",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Statistics, schemas and validation for machine-learning data, compatible with TFDV.",
        subcommands = {
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
            ValidateExamplesCommand.class
        },
        footer = {"%nExample:%n  veracity stats examples/runs/train.csv -o train.pb && veracity show train.pb"})
final class VeracityCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a command: " + String.join(", ", spec.subcommands().keySet()));
    }
}
