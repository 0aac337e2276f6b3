package dev.veracity.cli;

import dev.veracity.schema.SchemaEditor;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity schema set-presence}: how often a feature must be present. */
@Command(
        name = "set-presence",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Sets how often a feature must be present.",
            "presence.min_fraction is a fraction of examples, presence.min_count a number",
            "of them. An inferred min_fraction of 1.0 fails as soon as one example lacks",
            "the feature; lowering it is the usual fix. 0 for both makes it optional.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity schema set-presence --schema schema.pbtxt tips --min-fraction 0.9",
            "  veracity schema set-presence --schema schema.pbtxt company --min-count 0"
        })
final class SetPresenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FEATURE",
            description = "The feature: its name, or a path such as address.city for a struct child.")
    String feature;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Presence presence;

    static final class Presence {
        @Option(
                names = "--min-fraction",
                paramLabel = "F",
                description = "Fraction of examples, in [0, 1], that must have the feature.")
        Double minFraction;

        @Option(
                names = "--min-count",
                paramLabel = "N",
                description = "Number of examples, at least 0, that must have the feature.")
        Long minCount;
    }

    @Mixin
    SchemaFileOptions schema;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        return schema.edit(spec.commandLine().getErr(), before -> {
            SchemaEditor.FeatureEditor editor = SchemaEditor.of(before).feature(feature);
            if (presence.minFraction != null) {
                editor.minFraction(presence.minFraction);
            }
            if (presence.minCount != null) {
                editor.minCount(presence.minCount);
            }
            return editor.done().build();
        });
    }
}
