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

/** {@code veracity schema set-comparator}: drift or skew thresholds of a feature. */
@Command(
        name = "set-comparator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Sets a feature's drift or skew thresholds.",
            "Drift compares with the previous span, skew training with serving data.",
            "TFDV reports an anomaly when a measure is above its threshold; all three",
            "measures lie in [0, 1]. L-infinity applies to categorical features only.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity schema set-comparator --schema schema.pbtxt company --skew \\",
            "      --infinity-norm 0.01",
            "  veracity schema set-comparator --schema schema.pbtxt fare --drift \\",
            "      --jensen-shannon 0.1"
        })
final class SetComparatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FEATURE",
            description = "The feature: its name, or a path such as address.city for a struct child.")
    String feature;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    static final class Kind {
        @Option(names = "--drift", required = true, description = "Set the drift_comparator (previous span).")
        boolean drift;

        @Option(names = "--skew", required = true, description = "Set the skew_comparator (serving data).")
        boolean skew;
    }

    @ArgGroup(exclusive = false, multiplicity = "1")
    Thresholds thresholds;

    static final class Thresholds {
        @Option(names = "--infinity-norm", paramLabel = "T", description = "L-infinity distance threshold.")
        Double infinityNorm;

        @Option(
                names = "--jensen-shannon",
                paramLabel = "T",
                description = "Approximate Jensen-Shannon divergence threshold.")
        Double jensenShannon;

        @Option(
                names = "--normalized-abs-difference",
                paramLabel = "T",
                description = "Normalized absolute difference threshold.")
        Double normalizedAbsDifference;
    }

    @Mixin
    SchemaFileOptions schema;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        return schema.edit(spec.commandLine().getErr(), before -> {
            SchemaEditor.FeatureEditor editor = SchemaEditor.of(before).feature(feature);
            if (thresholds.infinityNorm != null) {
                if (kind.drift) {
                    editor.driftInfinityNorm(thresholds.infinityNorm);
                } else {
                    editor.skewInfinityNorm(thresholds.infinityNorm);
                }
            }
            if (thresholds.jensenShannon != null) {
                if (kind.drift) {
                    editor.driftJensenShannon(thresholds.jensenShannon);
                } else {
                    editor.skewJensenShannon(thresholds.jensenShannon);
                }
            }
            if (thresholds.normalizedAbsDifference != null) {
                if (kind.drift) {
                    editor.driftNormalizedAbsDifference(thresholds.normalizedAbsDifference);
                } else {
                    editor.skewNormalizedAbsDifference(thresholds.normalizedAbsDifference);
                }
            }
            return editor.done().build();
        });
    }
}
