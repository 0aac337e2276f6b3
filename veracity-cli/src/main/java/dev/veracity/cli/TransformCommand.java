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
            "and checks that the batch and per-record (serving) paths agree (verify).",
            ""
        },
        subcommands = {TransformFitCommand.class, TransformApplyCommand.class, TransformVerifyCommand.class},
        footer = {
            "%nExamples:",
            "  veracity transform fit --spec examples/transform.yaml examples/runs/train.csv -o runs_tf",
            "  veracity transform apply --transform runs_tf examples/runs/eval.csv -o eval_t.parquet",
            "  veracity transform verify --transform runs_tf examples/runs/eval.csv"
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
