package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureType;
import dev.veracity.schema.SchemaEditor;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity schema set-domain}: a feature's string values, or its int or float range. */
@Command(
        name = "set-domain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Sets a feature's string values (in order), or its int or float range.",
            "String values go to the top-level string_domain the feature's domain: names",
            "(shared by every feature naming it), else to its inline string_domain",
            "(created if it has no domain). --min/--max set int_domain for INT features",
            "and float_domain for FLOAT ones, or edit the one the feature has.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity schema set-domain --schema schema.pbtxt payment_type Cash Prcard",
            "  veracity schema set-domain --schema schema.pbtxt trip_miles --max 500",
            "  veracity schema set-domain --schema schema.pbtxt fare --min 0 -o new.pbtxt"
        })
final class SetDomainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FEATURE",
            description = "The feature: its name, or a path such as address.city for a struct child.")
    String feature;

    @Parameters(index = "1..*", paramLabel = "VALUE", description = "The string values, in order.")
    List<String> values = List.of();

    @Option(names = "--min", paramLabel = "N", description = "Lower bound of the int or float range.")
    String min;

    @Option(names = "--max", paramLabel = "N", description = "Upper bound of the int or float range.")
    String max;

    @Mixin
    SchemaFileOptions schema;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        boolean range = min != null || max != null;
        if (range == !values.isEmpty()) {
            throw new ConfigException(
                    ErrorCode.SCHEMA_EDIT_INVALID,
                    "set-domain " + feature + ": expected either string VALUEs or --min/--max, found "
                            + (range ? "both" : "neither"));
        }
        return schema.edit(spec.commandLine().getErr(), before -> {
            SchemaEditor.FeatureEditor editor = SchemaEditor.of(before).feature(feature);
            if (!range) {
                return editor.setStringDomain(values).done().build();
            }
            if (isFloat(editor.current())) {
                if (min != null) {
                    editor.floatMin(parseFloat("--min", min));
                }
                if (max != null) {
                    editor.floatMax(parseFloat("--max", max));
                }
            } else {
                if (min != null) {
                    editor.intMin(parseLong("--min", min));
                }
                if (max != null) {
                    editor.intMax(parseLong("--max", max));
                }
            }
            return editor.done().build();
        });
    }

    /** A FLOAT feature, or one with a float domain, gets a float range; anything else an int range. */
    private static boolean isFloat(Feature target) {
        return target.hasFloatDomain() || !target.hasIntDomain() && target.getType() == FeatureType.FLOAT;
    }

    private long parseLong(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    ErrorCode.SCHEMA_EDIT_INVALID,
                    "set-domain " + feature + ": " + option + ": expected an integer for an int_domain, found '" + text
                            + "'");
        }
    }

    private float parseFloat(String option, String text) {
        try {
            return Float.parseFloat(text.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    ErrorCode.SCHEMA_EDIT_INVALID,
                    "set-domain " + feature + ": " + option + ": expected a number for a float_domain, found '" + text
                            + "'");
        }
    }
}
