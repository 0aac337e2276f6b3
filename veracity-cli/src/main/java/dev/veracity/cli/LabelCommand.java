package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity label}: labels from process feedback and from human raters, consensus and agreement. */
@Command(
        name = "label",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Produces labels: joins predictions with later outcomes (join), merges raters'",
            "labels into one per item (consensus), measures how much raters agree",
            "(agreement), runs a human labeling project (project), labels data with",
            "labeling functions and a label model (weak), spreads a few given labels to",
            "similar unlabeled rows (propagate) and picks the items raters should label",
            "next (query).",
            ""
        },
        subcommands = {
            LabelJoinCommand.class,
            LabelConsensusCommand.class,
            LabelAgreementCommand.class,
            LabelProjectCommand.class,
            LabelWeakCommand.class,
            LabelPropagateCommand.class,
            LabelQueryCommand.class
        },
        footer = {
            "%nExamples:",
            "  veracity label join --predictions predictions.jsonl --outcomes outcomes.csv \\",
            "      --key prediction_id --prediction-time ts --outcome-time converted_at --window 24h -o labeled.csv",
            "  veracity label consensus annotations.csv --method dawid-skene --confidence 0.9 -o labels.csv",
            "  veracity label agreement annotations.csv --by-pair",
            "  veracity label weak --functions lfs.yaml reviews.csv -o labels.csv --analysis lf.json",
            "  veracity label propagate examples/labeling/flowers.csv --label species \\",
            "      --features sepal_length,sepal_width,petal_length,petal_width -o labeled.csv",
            "  veracity label query --predictions examples/labeling/flowers-model-a.csv --id id \\",
            "      --strategy margin --budget 10 -o queue.csv"
        })
final class LabelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a label command: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
