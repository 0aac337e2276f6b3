package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity history}: the metric history that {@code validate --history} records, shown and checked. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows and checks the metric history: every metric of every feature, one value",
            "per span, recorded by 'veracity validate --history DB'.",
            ""
        },
        subcommands = {HistoryShowCommand.class, HistoryCheckCommand.class},
        footer = {
            "%nExamples:",
            "  veracity validate --stats day-01.pb --history history.sqlite",
            "  veracity history show --metadata history.sqlite distance_km mean",
            "  veracity history check --metadata history.sqlite --strategy holt-winters"
        })
final class HistoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
