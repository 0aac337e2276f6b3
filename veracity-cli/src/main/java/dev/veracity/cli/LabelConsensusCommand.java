package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.OutputPaths;
import dev.veracity.labeling.consensus.Consensus;
import dev.veracity.labeling.consensus.ConsensusFiles;
import dev.veracity.labeling.consensus.DawidSkene;
import dev.veracity.labeling.consensus.ItemConsensus;
import dev.veracity.labeling.consensus.TiePolicy;
import dev.veracity.labeling.consensus.Votes;
import dev.veracity.labeling.ratings.RatingTable;
import dev.veracity.labeling.ratings.RepeatedRatings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity label consensus}: one label per item from several raters. */
@Command(
        name = "consensus",
        header = "Merges raters' labels into one label per item.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Aggregates ratings (one row per item, rater and label) by majority vote, weighted vote or Dawid-Skene "
                    + "EM (per-rater confusion matrices). Items whose posterior (vote share for votes) is below "
                    + "--confidence, or that end in a tie under --ties abstain, go to the adjudication queue "
                    + "(--queue): resolve them by an expert or ask for another rating.",
            "Exit code 1 when the queue is not empty.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity label consensus annotations.csv --method dawid-skene --confidence 0.9 \\",
            "      -o labels.csv --queue adjudicate.csv",
            "  veracity label consensus a.jsonl --method weighted --weight ann=2 --weight bob=0.5 --ties first"
        })
final class LabelConsensusCommand implements Callable<Integer> {
    /** Consensus methods. */
    enum Method {
        MAJORITY,
        WEIGHTED,
        DAWID_SKENE
    }

    @Spec
    CommandSpec spec;

    @Mixin
    RatingInputOptions input;

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            defaultValue = "majority",
            description = "majority, weighted or dawid-skene (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--ties",
            paramLabel = "POLICY",
            defaultValue = "abstain",
            description = "A tied vote: abstain (adjudicate), first (label order) or random (seeded per item) "
                    + "(default: ${DEFAULT-VALUE}).")
    TiePolicy ties;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of --ties random.")
    long seed;

    @Option(
            names = "--weight",
            paramLabel = "RATER=W",
            description = "A rater's weight for --method weighted "
                    + "(repeatable; others weigh 1), e.g. a rater's accuracy on gold questions.")
    Map<String, Double> weights = new LinkedHashMap<>();

    @Option(
            names = "--weights-from-project",
            paramLabel = "DIR",
            description = "For --method weighted: each rater's accuracy on the gold questions of this labeling "
                    + "project (--weight overrides).")
    Path weightsFromProject;

    @Option(
            names = "--confidence",
            paramLabel = "P",
            defaultValue = "0.0",
            description = "Confidence target in [0, 1]: items below it are queued (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
            names = "--max-iterations",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Dawid-Skene iteration cap (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write item, label, confidence, ratings, status and p_<label> per item as CSV.")
    Path output;

    @Option(names = "--queue", paramLabel = "FILE", description = "Write the adjudication queue as CSV.")
    Path queue;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(
                Inputs.of(input.files, List.of(), weightsFromProject), Arrays.asList(output, queue));
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new ConfigException("--confidence: expected a number in [0, 1], found " + confidence);
        }
        RatingTable table = input.read(RepeatedRatings.COUNT);
        Consensus consensus = switch (parseMethod()) {
            case MAJORITY -> Votes.majority(ties).withSeed(seed).aggregate(table);
            case WEIGHTED -> Votes.weighted(weights(), ties).withSeed(seed).aggregate(table);
            case DAWID_SKENE ->
                new DawidSkene(maxIterations, DawidSkene.DEFAULT_TOLERANCE, DawidSkene.DEFAULT_SMOOTHING)
                        .aggregate(table);
        };
        if (output != null) {
            ConsensusFiles.writeLabels(consensus, confidence, output);
        }
        if (queue != null) {
            ConsensusFiles.writeQueue(consensus, confidence, queue);
        }
        List<ItemConsensus> queued = consensus.adjudicationQueue(confidence);
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(render(table, consensus, queued)));
        out.flush();
        return queued.isEmpty() ? ExitCodes.OK : ExitCodes.ANOMALIES;
    }

    private Map<String, Double> weights() throws IOException {
        Map<String, Double> all = new LinkedHashMap<>();
        if (weightsFromProject != null) {
            all.putAll(dev.veracity.labeling.project.LabelingProject.open(weightsFromProject)
                    .goldWeights());
        }
        all.putAll(weights);
        return all;
    }

    private Method parseMethod() {
        try {
            return Method.valueOf(method.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--method: expected majority, weighted or dawid-skene, found '" + method + "'");
        }
    }

    private String render(RatingTable table, Consensus consensus, List<ItemConsensus> queued) {
        StringBuilder text = new StringBuilder();
        long labeled =
                consensus.items().stream().filter(ItemConsensus::hasLabel).count();
        text.append(String.format(
                Locale.ROOT,
                "%s: %,d items, %,d ratings by %,d raters; %,d labeled, %,d to "
                        + "adjudicate (tied or confidence < %s)%s%n",
                consensus.method(),
                table.items().size(),
                table.size(),
                table.raters().size(),
                labeled,
                queued.size(),
                confidence,
                consensus.iterations() == 0
                        ? ""
                        : ", " + consensus.iterations() + " EM iterations"
                                + (consensus.converged() ? "" : " (not converged: raise --max-iterations)")));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String label : consensus.labels()) {
            counts.put(label, 0L);
        }
        for (ItemConsensus item : consensus.items()) {
            if (item.hasLabel()) {
                counts.merge(item.label(), 1L, Long::sum);
            }
        }
        text.append("label distribution\n");
        counts.forEach((label, n) -> text.append(String.format(Locale.ROOT, "  %-24s %,10d%n", label, n)));
        if (!consensus.confusions().isEmpty()) {
            text.append("rater accuracy (estimated)\n");
            consensus
                    .raterAccuracy()
                    .forEach((rater, a) -> text.append(String.format(Locale.ROOT, "  %-24s %10.3f%n", rater, a)));
        }
        return text.toString();
    }
}
