package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.PiiTags;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity pii mark}: marks (or unmarks) schema features as personal data. */
@Command(
        name = "mark",
        header = "Marks schema features as personal data.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Adds the annotation tag veracity:pii (or veracity:pii=ENTITY) to each named feature, or removes it",
            "with --unmark. TFDV keeps annotation tags and ignores them. `stats --schema` then keeps counts",
            "but no raw values of these features, and `pii redact --schema` redacts them.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity pii mark --schema schema.pbtxt email=EMAIL_ADDRESS card_number customer_name=PERSON",
            "  veracity pii mark --schema schema.pbtxt --unmark customer_name"
        })
final class PiiMarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "FEATURE[=ENTITY]",
            description = "Features to mark, each with its entity if known (EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, "
                    + "IBAN_CODE, IP_ADDRESS, US_SSN, DATE_OF_BIRTH, PERSON).")
    List<String> features;

    @Option(names = "--unmark", description = "Remove the PII tags instead.")
    boolean unmark;

    @Mixin
    SchemaFileOptions files;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        return files.edit(spec.commandLine().getErr(), schema -> {
            Schema edited = schema;
            for (String argument : features) {
                int equals = argument.indexOf('=');
                String feature = equals < 0 ? argument : argument.substring(0, equals);
                if (unmark) {
                    edited = PiiTags.unmark(edited, feature);
                    continue;
                }
                Optional<PiiEntity> entity = Optional.empty();
                if (equals >= 0) {
                    String name = argument.substring(equals + 1);
                    entity = Optional.of(PiiEntity.parse(name)
                            .orElseThrow(() -> new ConfigException(
                                    argument + ": expected one of " + PiiEntity.names() + ", found \"" + name + "\"")));
                }
                edited = PiiTags.mark(edited, feature, entity);
            }
            return edited;
        });
    }
}
