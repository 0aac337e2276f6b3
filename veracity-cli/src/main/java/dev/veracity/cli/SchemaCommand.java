package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity schema}: the hand edits of a curated schema, its canonical form, and a diff of two versions. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Curates a TFDV schema by hand and compares versions of it.",
            "Edits rewrite the schema in place (atomically) or to -o, always in canonical",
            "order (features and domains sorted by name, domain values untouched), so a",
            "schema under version control changes only where someone changed it. Each",
            "edit prints what it changed on stderr, classified as 'schema diff' does.",
            ""
        },
        subcommands = {
            SetDomainCommand.class,
            ExtendDomainCommand.class,
            SetPresenceCommand.class,
            EnvironmentCommand.class,
            DeprecateCommand.class,
            SetComparatorCommand.class,
            CanonicalizeCommand.class,
            SchemaDiffCommand.class
        },
        footer = {
            "%nExamples:",
            "  veracity schema extend-domain --schema schema.pbtxt payment_type Prcard",
            "  veracity schema environment --schema schema.pbtxt tips --not-in SERVING",
            "  veracity schema diff frozen/schema.pbtxt schema.pbtxt"
        })
final class SchemaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a schema command: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
