package dev.veracity.cli;

import dev.veracity.schema.SchemaEditor;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity schema extend-domain}: adds values to a feature's string domain. */
@Command(
        name = "extend-domain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Adds values to a feature's string domain.",
            "Values it lacks are appended in the order given, after the existing ones,",
            "whose order is kept (as TFDV's update_schema does). Edits the top-level",
            "string_domain the feature's domain: names, else its inline one; a feature",
            "without a string domain is an error (use set-domain).",
            ""
        },
        footer = {"%nExample:", "  veracity schema extend-domain --schema schema.pbtxt payment_type Prcard"})
final class ExtendDomainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FEATURE",
            description = "The feature: its name, or a path such as address.city for a struct child.")
    String feature;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "VALUE", description = "The values to add.")
    List<String> values;

    @Mixin
    SchemaFileOptions schema;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        return schema.edit(
                spec.commandLine().getErr(),
                before -> SchemaEditor.of(before)
                        .feature(feature)
                        .extendStringDomain(values)
                        .done()
                        .build());
    }
}
