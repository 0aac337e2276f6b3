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

/** {@code veracity schema deprecate}: stops validating features without removing them. */
@Command(
        name = "deprecate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deprecates features: TFDV stops validating and requiring them.",
            "Sets lifecycle_stage: DEPRECATED. The schema still knows the features, so",
            "data that has them raises no new-column anomaly (removing them would).",
            ""
        },
        footer = {"%nExample:", "  veracity schema deprecate --schema schema.pbtxt trip_start_timestamp fare"})
final class DeprecateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "FEATURE",
            description = "The features: names, or paths such as address.city for struct children.")
    List<String> features;

    @Mixin
    SchemaFileOptions schema;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        return schema.edit(spec.commandLine().getErr(), before -> {
            SchemaEditor editor = SchemaEditor.of(before);
            for (String feature : features) {
                editor.feature(feature).deprecate();
            }
            return editor.build();
        });
    }
}
