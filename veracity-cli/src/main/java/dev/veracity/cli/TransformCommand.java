package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity transform}: TF Transform's analyze-then-apply: fit constants once, apply them everywhere. */
@Command(
        name = "transform",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Feature engineering as TF Transform does it: analyzes training data once (fit)",
            "into a transform directory of frozen constants, applies it to any data (apply),",
            "checks that the batch and per-record (serving) paths agree (verify), and maps",
            "transformed data back to input values where the ops invert (inverse).",
            ""
        },
        subcommands = {
            TransformFitCommand.class,
            TransformApplyCommand.class,
            TransformVerifyCommand.class,
            TransformInverseCommand.class
        },
        footer = {
            "%nExamples:",
            "  veracity transform fit --spec examples/transform.yaml examples/runs/train.csv -o runs_tf",
            "  veracity transform apply --transform runs_tf examples/runs/eval.csv -o eval_t.parquet",
            "  veracity transform verify --transform runs_tf examples/runs/eval.csv",
            "  veracity transform inverse --transform runs_tf eval_t.parquet -o eval_back.csv"
        })
final class TransformCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a transform command: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
