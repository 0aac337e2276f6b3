package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.InputPaths;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.table.TableOptions;
import dev.veracity.labeling.consensus.DawidSkene;
import dev.veracity.labeling.ratings.RatingFiles;
import dev.veracity.labeling.ratings.RepeatedRatings;
import dev.veracity.labeling.weak.FunctionSummary;
import dev.veracity.labeling.weak.GoldLabels;
import dev.veracity.labeling.weak.HumanVotes;
import dev.veracity.labeling.weak.LabelMatrix;
import dev.veracity.labeling.weak.LabelModel;
import dev.veracity.labeling.weak.LabelingFunctionFile;
import dev.veracity.labeling.weak.LabelingFunctions;
import dev.veracity.labeling.weak.LfAnalysis;
import dev.veracity.labeling.weak.LfAnalysisJson;
import dev.veracity.labeling.weak.MajorityLabelVoter;
import dev.veracity.labeling.weak.WeakLabelFiles;
import dev.veracity.labeling.weak.WeakLabels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label weak}: probabilistic labels from labeling functions (weak supervision). */
@Command(
        name = "weak",
        header = "Labels data with labeling functions and a label model (weak supervision).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Applies the labeling functions of a YAML file (keywords, regex, range, values, lookup, from_column; "
                    + "each votes a label or abstains) to every row, prints Snorkel's LF analysis (polarity, "
                    + "coverage, overlaps, conflicts; with --gold correct, incorrect and empirical accuracy) and "
                    + "combines the votes into one label per row: --model label-model (Dawid-Skene EM that learns "
                    + "each function's accuracy and the class balance) or majority (the baseline).",
            "Output: the input columns, label (empty where every function abstained or the top labels tie), "
                    + "label_confidence, p_<label> per label and functions (those that voted, joined by |).",
            ""
        },
        footer = {
            "%nExample:",
            "  veracity label weak --functions examples/weak/lfs.yaml examples/weak/reviews.csv -o labels.csv \\",
            "      --analysis lf.json --id id --gold examples/weak/gold.csv --gold-label label"
        })
final class LabelWeakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--functions",
            required = true,
            paramLabel = "FILE",
            description = "The labeling functions (YAML): labels: [...] and functions: with name, column, label and "
                    + "one matcher.")
    Path functions;

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "Data files (quoted globs work), read in order.")
    List<String> files;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the labeled rows as CSV.")
    Path output;

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            defaultValue = "label-model",
            description = "label-model or majority (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--label-column",
            paramLabel = "NAME",
            defaultValue = "label",
            description = "The output's label column, and NAME_confidence (default: ${DEFAULT-VALUE}); for inputs "
                    + "that have one already.")
    String labelColumn;

    @Option(names = "--analysis", paramLabel = "FILE", description = "Write the LF analysis as JSON.")
    Path analysis;

    @Option(
            names = "--id",
            paramLabel = "COLUMN",
            description = "The data's row id column, joining --gold and --ratings (default: --gold-id).")
    String id;

    @Option(names = "--gold", paramLabel = "FILE", description = "Gold labels of some rows: an id and a label column.")
    Path gold;

    @Option(names = "--gold-id", paramLabel = "COLUMN", description = "The id column of --gold (default: --id).")
    String goldId;

    @Option(
            names = "--gold-label",
            paramLabel = "COLUMN",
            defaultValue = "label",
            description = "The label column of --gold (default: ${DEFAULT-VALUE}).")
    String goldLabel;

    @Option(
            names = "--ratings",
            paramLabel = "FILE",
            description = "Human ratings (item, rater, label columns; item = the row id) to combine with the votes.")
    Path ratings;

    @Option(
            names = "--max-iterations",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Label model EM iteration cap (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        List<Path> paths = InputPaths.expand(files);
        OutputPaths.refuseOverwrite(Inputs.of(files, paths, functions, gold, ratings), Arrays.asList(output, analysis));
        boolean majority = switch (model) {
            case "label-model" -> false;
            case "majority" -> true;
            default -> throw new ConfigException("--model: expected label-model or majority, found '" + model + "'");
        };
        String rowId = id != null ? id : goldId != null ? goldId : "";
        if ((gold != null || ratings != null) && rowId.isEmpty()) {
            throw new ConfigException(
                    "--gold and --ratings: expected --id (or --gold-id) naming the row id, found none");
        }
        TableOptions options = input.tableOptions();
        LabelingFunctions lfs = LabelingFunctionFile.read(functions);
        if (output != null) {
            WeakLabelFiles.inputColumns(
                    paths, options, WeakLabelFiles.addedColumns(labelColumn, lfs.labels(), ratings != null));
        }
        LabelMatrix matrix = LabelMatrix.apply(paths, options, lfs, rowId);
        HumanVotes human = ratings == null
                ? HumanVotes.NONE
                : HumanVotes.join(
                        ratings.toString(),
                        RatingFiles.read(List.of(ratings), RatingFiles.Columns.DEFAULT, options, RepeatedRatings.COUNT),
                        matrix,
                        lfs.labels());
        GoldLabels goldLabels = gold == null
                ? new GoldLabels(none(matrix.rows()), 0)
                : GoldLabels.read(gold, options, goldId != null ? goldId : rowId, goldLabel, matrix, lfs.labels());
        WeakLabels baseline = new MajorityLabelVoter().fit(matrix, lfs, human);
        WeakLabels weak = majority
                ? baseline
                : new LabelModel(new DawidSkene(
                                maxIterations, DawidSkene.DEFAULT_TOLERANCE, DawidSkene.DEFAULT_SMOOTHING))
                        .fit(matrix, lfs, human);
        LfAnalysis lfAnalysis = LfAnalysis.of(matrix, lfs, goldLabels.labels());
        if (output != null) {
            int[] counts = new int[ratings == null ? 0 : matrix.rows()];
            for (int row : human.rows()) {
                counts[row]++;
            }
            WeakLabelFiles.write(paths, options, matrix, lfs, weak, labelColumn, counts, output);
        }
        if (analysis != null) {
            LfAnalysisJson.write(lfAnalysis, Optional.of(weak), matrix.ids(), human.raters(), analysis);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(render(lfs, lfAnalysis, weak, baseline, human, goldLabels)));
        out.flush();
        return ExitCodes.OK;
    }

    private static String render(
            LabelingFunctions lfs,
            LfAnalysis a,
            WeakLabels weak,
            WeakLabels baseline,
            HumanVotes human,
            GoldLabels gold) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%s: %,d rows, %d functions, %d labels%s%n",
                weak.method(),
                a.rows(),
                a.functions().size(),
                lfs.labels().size(),
                weak.iterations() == 0
                        ? ""
                        : "; " + weak.iterations() + " EM iterations"
                                + (weak.converged() ? "" : " (not converged: raise --max-iterations)")));
        text.append(String.format(
                Locale.ROOT,
                "rows with a vote %.1f%%, with two or more %.1f%%, with a conflict %.1f%%%n",
                100 * a.labelCoverage(),
                100 * a.labelOverlap(),
                100 * a.labelConflict()));
        int[] counts = new int[lfs.labels().size()];
        int unlabeled = 0;
        for (int i = 0; i < weak.rows(); i++) {
            if (weak.label(i) < 0) {
                unlabeled++;
            } else {
                counts[weak.label(i)]++;
            }
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            parts.add(String.format(Locale.ROOT, "%s %,d", lfs.labels().get(k), counts[k]));
        }
        text.append(String.format(
                Locale.ROOT,
                "labeled %,d rows (%s); %,d without a label (no vote, or a tie)%n",
                weak.rows() - unlabeled,
                String.join(", ", parts),
                unlabeled));
        boolean hasGold = a.goldRows() > 0;
        boolean learned = weak.accuracies().length > 0;
        text.append(String.format(
                Locale.ROOT,
                "%-24s %-20s %8s %8s %9s%s%s%n",
                "function",
                "polarity",
                "coverage",
                "overlaps",
                "conflicts",
                learned ? String.format(Locale.ROOT, " %8s", "learned") : "",
                hasGold ? String.format(Locale.ROOT, " %8s %9s %8s", "correct", "incorrect", "emp.acc") : ""));
        for (int j = 0; j < a.functions().size(); j++) {
            FunctionSummary f = a.functions().get(j);
            text.append(String.format(
                    Locale.ROOT,
                    "%-24s %-20s %8.3f %8.3f %9.3f%s%s%n",
                    f.name(),
                    String.join(",", f.polarity()),
                    f.coverage(),
                    f.overlaps(),
                    f.conflicts(),
                    learned ? String.format(Locale.ROOT, " %8.3f", weak.accuracies()[j]) : "",
                    hasGold
                            ? String.format(
                                    Locale.ROOT,
                                    " %8d %9d %8s",
                                    f.correct(),
                                    f.incorrect(),
                                    Double.isNaN(f.empiricalAccuracy())
                                            ? "-"
                                            : String.format(Locale.ROOT, "%.3f", f.empiricalAccuracy()))
                            : ""));
        }
        for (int r = 0; r < human.raters().size(); r++) {
            text.append(String.format(
                    Locale.ROOT,
                    "rater %-18s %s%n",
                    human.raters().get(r),
                    learned
                            ? String.format(
                                    Locale.ROOT,
                                    "learned accuracy %.3f",
                                    weak.accuracies()[a.functions().size() + r])
                            : ""));
        }
        if (human.unmatched() > 0) {
            text.append(String.format(
                    Locale.ROOT, "%,d ratings of items that are no row id, ignored%n", human.unmatched()));
        }
        if (hasGold) {
            text.append(String.format(
                    Locale.ROOT,
                    "gold: %,d rows%s; accuracy on them: %s%s%n",
                    a.goldRows(),
                    gold.unmatched() > 0
                            ? String.format(Locale.ROOT, " (%,d gold ids not in the data)", gold.unmatched())
                            : "",
                    score(weak, gold.labels()),
                    weak == baseline ? "" : ", " + score(baseline, gold.labels())));
        }
        return text.toString();
    }

    /** {@return "METHOD A (of N labeled)": the accuracy on the gold rows the method labeled} */
    private static String score(WeakLabels labels, int[] gold) {
        int labeled = 0;
        int correct = 0;
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] >= 0 && labels.label(i) >= 0) {
                labeled++;
                correct += labels.label(i) == gold[i] ? 1 : 0;
            }
        }
        return String.format(
                Locale.ROOT,
                "%s %s (of %,d labeled)",
                labels.method(),
                labeled == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) correct / labeled),
                labeled);
    }

    private static int[] none(int rows) {
        int[] labels = new int[rows];
        Arrays.fill(labels, -1);
        return labels;
    }
}
