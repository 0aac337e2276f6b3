package dev.veracity.cli;

import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.checks.SuggestedChecksFile;
import dev.veracity.schema.DatasetView;
import dev.veracity.validate.checks.CheckSuggestion;
import dev.veracity.validate.checks.SuggestedCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity suggest-checks}: custom checks proposed from statistics, with their evidence, for a person to curate. */
@Command(
        name = "suggest-checks",
        header = "Proposes custom checks from statistics, with the evidence for each.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Proposes checks for 'veracity validate --checks' from statistics, as Deequ's",
            "constraint suggestion: dataset size, completeness (missing_fraction),",
            "non-negative numbers and ranges (min, max), categorical domain size (unique)",
            "and uniqueness (unique_fraction). Each check comes with its evidence as a YAML",
            "comment; curate the file before you rely on it. Writes the checks file to -o,",
            "else to standard output. Exit 0.",
            "With --schema: no checks on features not expected in --environment (or the",
            "schema's default environments) or deprecated; ranges and domain sizes from the",
            "schema's domains; no numeric range on BYTES features nor string checks on",
            "numbers; no check stating a value of a feature marked veracity:pii.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity suggest-checks train.pb -o checks.yaml",
            "  veracity suggest-checks serving.pb --schema schema.pbtxt --environment SERVING -o checks.yaml",
            "  veracity validate --stats eval.pb --checks checks.yaml"
        })
final class SuggestChecksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STATS", description = "The statistics to suggest checks from.")
    Path statistics;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "The checks file to write (checks.yaml); standard output if absent.")
    Path output;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Use the dataset (slice) of this name instead of the only or \"All Examples\" one.")
    String dataset;

    @Option(
            names = "--schema",
            paramLabel = "FILE",
            description = "Refine the suggestions with this schema: types, domains, PII marks, environments.")
    Path schema;

    @Option(
            names = "--environment",
            paramLabel = "NAME",
            description = "With --schema: the environment the checks are for (one of its default_environment).")
    String environment;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(List.of(statistics), schema), Collections.singletonList(output));
        if (environment != null && schema == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--environment: expected --schema with it, found none");
        }
        dev.veracity.proto.Schema read =
                schema == null ? dev.veracity.proto.Schema.getDefaultInstance() : SchemaFiles.read(schema);
        if (environment != null && !read.getDefaultEnvironmentList().contains(environment)) {
            throw new dev.veracity.ConfigException(
                    dev.veracity.ErrorCode.ENVIRONMENT_UNKNOWN,
                    "--environment: expected an environment " + schema + " declares in default_environment ("
                            + (read.getDefaultEnvironmentCount() == 0
                                    ? "it declares none"
                                    : String.join(", ", read.getDefaultEnvironmentList()))
                            + "), found \"" + environment + "\"");
        }
        List<SuggestedCheck> suggested = CheckSuggestion.suggest(
                DatasetView.of(StatisticsInputs.read(statistics), dataset).dataset(),
                read,
                environment == null ? "" : environment);
        String source = statistics.getFileName().toString();
        if (output != null) {
            SuggestedChecksFile.write(output, suggested, source);
            PrintWriter err = spec.commandLine().getErr();
            err.println(suggested.size() + " checks suggested in " + TerminalText.escape(output.toString()));
            err.flush();
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(TerminalText.escapeKeepingLines(SuggestedChecksFile.format(suggested, source)));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
