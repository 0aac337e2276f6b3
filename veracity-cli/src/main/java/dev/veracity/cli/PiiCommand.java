package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity pii}: finds, marks and protects personal data. */
@Command(
        name = "pii",
        header = "Finds, marks and protects personal data (PII).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Finds personal data in a dataset's features, marks PII features in the schema, redacts",
            "them, and checks k-anonymity of quasi-identifiers.",
            ""
        },
        subcommands = {PiiScanCommand.class, PiiMarkCommand.class, PiiRedactCommand.class, KAnonymityCommand.class},
        footer = {
            "%nExamples:",
            "  veracity pii scan customers.csv",
            "  veracity pii scan customers.csv --schema schema.pbtxt --write-schema schema.pbtxt",
            "  veracity pii redact customers.csv -o redacted.csv --schema schema.pbtxt --secret-file pii.key",
            "  veracity pii kanon customers.csv --quasi zip,birth_date,sex --k 5"
        })
final class PiiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "expected a command: scan, mark, redact or kanon");
    }
}
