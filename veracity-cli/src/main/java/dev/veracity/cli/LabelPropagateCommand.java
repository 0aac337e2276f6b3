package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.OutputPaths;
import dev.veracity.labeling.propagate.LabelPropagation;
import dev.veracity.labeling.propagate.PropagatedLabels;
import dev.veracity.labeling.propagate.Propagation;
import dev.veracity.labeling.propagate.PropagationMethod;
import dev.veracity.labeling.propagate.PropagationOptions;
import dev.veracity.labeling.propagate.PropagationRequest;
import dev.veracity.labeling.propagate.Scaling;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label propagate}: spreads a few given labels to similar unlabeled rows. */
@Command(
        name = "propagate",
        header = "Spreads the few given labels to similar unlabeled rows (semi-supervised).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Rows with an empty --label are unlabeled. Builds the exact k-nearest-neighbour",
            "graph of the rows (numeric features standardized or not, categorical ones",
            "one-hot) and runs scikit-learn's LabelSpreading or LabelPropagation",
            "(kernel=\"knn\") on it: with --scale none the labels are scikit-learn's",
            "transduction. Writes every input column plus label, label_confidence and",
            "label_source (given or propagated); a row no label reached, or below",
            "--min-confidence, keeps an empty label.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity label propagate examples/labeling/flowers.csv --label species \\",
            "      --features sepal_length,sepal_width,petal_length,petal_width -o labeled.csv",
            "  veracity label propagate a.csv b.csv --label kind --features x,y --categorical color \\",
            "      --method propagation --neighbors 10 --min-confidence 0.8 -o labeled.csv"
        })
final class LabelPropagateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "DATA",
            description = "Data files with the same columns: CSV (header row), JSON Lines, Parquet, Avro or TFRecord.")
    List<Path> data;

    @Option(
            names = "--label",
            required = true,
            paramLabel = "COLUMN",
            description = "The label column; an empty value marks an unlabeled row.")
    String label;

    @Option(
            names = "--features",
            split = ",",
            paramLabel = "F[,F...]",
            description = "Numeric features (default, with no --categorical either: every other column, numeric "
                    + "when all its values are numbers, else categorical).")
    List<String> features = List.of();

    @Option(
            names = "--categorical",
            split = ",",
            paramLabel = "F[,F...]",
            description = "Categorical features, one-hot encoded.")
    List<String> categorical = List.of();

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            defaultValue = "spreading",
            description = "spreading (LabelSpreading: soft clamping, given labels may change) or propagation "
                    + "(LabelPropagation: given labels clamped) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--neighbors",
            paramLabel = "K",
            defaultValue = "" + PropagationOptions.DEFAULT_NEIGHBORS,
            description = "k of the nearest-neighbour graph, the row itself counted (default: ${DEFAULT-VALUE}).")
    int neighbors;

    @Option(
            names = "--alpha",
            paramLabel = "A",
            defaultValue = "" + PropagationOptions.DEFAULT_ALPHA,
            description = "Spreading's clamping factor in (0, 1) (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(
            names = "--max-iter",
            paramLabel = "N",
            description = "Iteration cap (default: scikit-learn's, 30 for spreading, 1000 for propagation).")
    Integer maxIter;

    @Option(
            names = "--tol",
            paramLabel = "X",
            defaultValue = "" + PropagationOptions.DEFAULT_TOL,
            description = "Stop when the summed absolute change of one step is below X (default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(
            names = "--scale",
            paramLabel = "SCALE",
            defaultValue = "standard",
            description = "standard (mean 0, standard deviation 1) or none (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(
            names = "--min-confidence",
            paramLabel = "P",
            defaultValue = "0",
            description = "An unlabeled row whose best probability is below P keeps an empty label "
                    + "(default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Write the labeled rows as CSV, atomically.")
    Path output;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(data), List.of(output));
        PropagationMethod parsedMethod = parse(PropagationMethod.class, method, "--method", "spreading or propagation");
        Scaling scaling = parse(Scaling.class, scale, "--scale", "standard or none");
        if (neighbors < 1) {
            throw new ConfigException("--neighbors: expected a positive number, found " + neighbors);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new ConfigException("--alpha: expected a number in (0, 1), found " + alpha);
        }
        int iterations = maxIter == null ? PropagationOptions.defaultMaxIter(parsedMethod) : maxIter;
        if (iterations < 1) {
            throw new ConfigException("--max-iter: expected a positive number, found " + iterations);
        }
        if (!(tol >= 0)) {
            throw new ConfigException("--tol: expected a number >= 0, found " + tol);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new ConfigException("--min-confidence: expected a number in [0, 1], found " + minConfidence);
        }
        PropagationRequest request = PropagationRequest.of(label)
                .withFeatures(features, categorical)
                .withScaling(scaling)
                .withOptions(new PropagationOptions(parsedMethod, neighbors, alpha, iterations, tol))
                .withMinConfidence(minConfidence);
        PropagatedLabels labels = LabelPropagation.run(data, input.tableOptions(), request);
        labels.write(output);
        Propagation p = labels.propagation();
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(String.format(
                Locale.ROOT,
                "label %s: %,d rows, %,d given, %,d propagated, %,d left empty; %d classes; %d iterations%s%n",
                parsedMethod.name().toLowerCase(Locale.ROOT),
                labels.rows(),
                labels.givenCount(),
                labels.propagatedCount(),
                labels.rows() - labels.givenCount() - labels.propagatedCount(),
                labels.classes().size(),
                p.iterations(),
                p.converged() ? "" : " (not converged: raise --max-iter)")));
        out.flush();
        return ExitCodes.OK;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String option, String expected) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option + ": expected " + expected + ", found '" + text + "'");
        }
    }
}
