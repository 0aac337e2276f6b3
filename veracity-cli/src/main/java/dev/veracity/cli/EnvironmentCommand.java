package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.schema.SchemaEditor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity schema environment}: which environments a feature is validated in. */
@Command(
        name = "environment",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Puts a feature in or out of environments (e.g. the label out of SERVING).",
            "TFDV validates a feature in environment E if E is in its in_environment, not",
            "if E is in its not_in_environment, else if E is in the schema's",
            "default_environment. So an environment named here is also added to",
            "default_environment when missing (the other features stay in it); with no",
            "FEATURE, --default only adds environments there. Listing an environment",
            "where none was listed makes TFDV check the features there.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity schema environment --schema schema.pbtxt --default TRAINING",
            "  veracity schema environment --schema schema.pbtxt tips --not-in SERVING"
        })
final class EnvironmentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FEATURE",
            description = "The feature: its name, or a path such as address.city for a struct child.")
    String feature;

    @Option(names = "--in", paramLabel = "ENV", description = "Put the feature in this environment (repeatable).")
    List<String> in = new ArrayList<>();

    @Option(
            names = "--not-in",
            paramLabel = "ENV",
            description = "Take the feature out of this environment (repeatable).")
    List<String> notIn = new ArrayList<>();

    @Option(
            names = "--default",
            paramLabel = "ENV",
            description = "Add this environment to the schema's default_environment (repeatable).")
    List<String> defaults = new ArrayList<>();

    @Mixin
    SchemaFileOptions schema;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (feature == null && !(in.isEmpty() && notIn.isEmpty())) {
            throw new ConfigException(
                    ErrorCode.SCHEMA_EDIT_INVALID, "environment: expected a FEATURE for --in or --not-in, found none");
        }
        if (feature != null && in.isEmpty() && notIn.isEmpty() || defaults.isEmpty() && feature == null) {
            throw new ConfigException(
                    ErrorCode.SCHEMA_EDIT_INVALID,
                    "environment: expected --in or --not-in for a FEATURE, or --default, found none");
        }
        return schema.edit(spec.commandLine().getErr(), before -> {
            SchemaEditor editor = SchemaEditor.of(before);
            for (String environment : defaults) {
                editor.defaultEnvironment(environment);
            }
            if (feature != null) {
                SchemaEditor.FeatureEditor featureEditor = editor.feature(feature);
                in.forEach(featureEditor::inEnvironment);
                notIn.forEach(featureEditor::notInEnvironment);
            }
            return editor.build();
        });
    }
}
