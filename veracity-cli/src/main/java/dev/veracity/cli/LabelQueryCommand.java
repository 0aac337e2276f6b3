package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.OutputPaths;
import dev.veracity.labeling.active.ActiveQuery;
import dev.veracity.labeling.active.Committee;
import dev.veracity.labeling.active.FeaturePoints;
import dev.veracity.labeling.active.QueryOptions;
import dev.veracity.labeling.active.QueueFiles;
import dev.veracity.labeling.active.QueueItem;
import dev.veracity.labeling.active.Strategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code veracity label query}: the unlabeled items raters should label next (active learning). */
@Command(
        name = "query",
        header = "Picks the unlabeled items raters should label next (active learning).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads a model's class probabilities for unlabeled items (columns p_<class>, as",
            "label consensus writes them), or several files for a committee, and writes the",
            "--budget most informative items, highest score first, ties by id:",
            "  least-confidence  1 - max p        margin  1 - (p1 - p2)    entropy  -sum p ln p",
            "  vote-entropy      entropy of the members' votes (committee)",
            "  kl-to-consensus   mean KL(member || mean of members) (committee)",
            "  k-center          greedy core-set on --features of --data: farthest from every",
            "                    labeled row (--data rows not predicted) and every pick",
            "  uncertainty-diverse  the 10 x budget highest-entropy items, then k-center",
            "  random            seeded uniform score per id (the baseline)",
            "Single-model scores use a committee's mean probabilities. Then",
            "label project assign DIR --from-queue queue.csv sends the items to raters.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity label query --predictions examples/labeling/flowers-model-a.csv --id id \\",
            "      --strategy margin --budget 10 -o queue.csv",
            "  veracity label query --predictions examples/labeling/flowers-model-a.csv \\",
            "      --predictions examples/labeling/flowers-model-b.csv --id id --strategy vote-entropy \\",
            "      --budget 10 --per-class-quota 4 -o queue.csv",
            "  veracity label query --predictions examples/labeling/flowers-model-a.csv --id id \\",
            "      --strategy k-center --data examples/labeling/flowers.csv \\",
            "      --features petal_length,petal_width --budget 10 -o queue.csv"
        })
final class LabelQueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--predictions",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Predictions: an id column and p_<class> columns; several files form a committee.")
    List<Path> predictions;

    @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "The item id column.")
    String id;

    @Option(
            names = "--strategy",
            required = true,
            paramLabel = "STRATEGY",
            description = "least-confidence, margin, entropy, vote-entropy, kl-to-consensus, k-center, "
                    + "uncertainty-diverse or random.")
    String strategy;

    @Option(names = "--budget", required = true, paramLabel = "N", description = "How many items to queue.")
    int budget;

    @Option(
            names = "--data",
            paramLabel = "FILE",
            description = "Item features for k-center and uncertainty-diverse: the --id column and --features; rows "
                    + "whose id is not predicted are the labeled items.")
    Path data;

    @Option(
            names = "--features",
            split = ",",
            paramLabel = "F[,F...]",
            description = "Numeric features of --data (standardized).")
    List<String> features = List.of();

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "0",
            description = "Seed of --strategy random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--per-class-quota",
            split = ",",
            paramLabel = "N|CLASS=N",
            description = "At most N items per predicted class (the committee's best class), for every class (N) or "
                    + "one (CLASS=N; repeatable).")
    List<String> quotas = List.of();

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Write the queue (id, score, rank) as CSV, atomically.")
    Path output;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = new ArrayList<>(predictions);
        OutputPaths.refuseOverwrite(Inputs.of(inputs, data), List.of(output));
        Strategy parsed = parseStrategy();
        if (budget < 0) {
            throw new ConfigException("--budget: expected a number >= 0, found " + budget);
        }
        if (data != null && features.isEmpty() || data == null && !features.isEmpty()) {
            throw new ConfigException("--features: expected --data and --features together, found only one");
        }
        QueryOptions options = QueryOptions.DEFAULT.withSeed(seed);
        Map<String, Integer> perClass = new LinkedHashMap<>();
        int others = 0;
        for (String quota : quotas) {
            int eq = quota.lastIndexOf('=');
            int n = parseQuota(quota, quota.substring(eq + 1));
            if (eq < 0) {
                others = n;
            } else {
                perClass.put(quota.substring(0, eq), n);
            }
        }
        options = options.withQuotas(perClass, others);
        Committee committee = Committee.read(predictions, id, input.tableOptions());
        if (data != null) {
            options = options.withPoints(FeaturePoints.read(data, id, features, input.tableOptions()));
        }
        List<QueueItem> queue = ActiveQuery.select(committee, parsed, budget, options);
        QueueFiles.write(queue, output);
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(String.format(
                Locale.ROOT,
                "label query %s: %,d items queued of %,d (%d model%s, %d classes)%n",
                strategy,
                queue.size(),
                committee.ids().size(),
                committee.size(),
                committee.size() == 1 ? "" : "s",
                committee.classes().size())));
        out.flush();
        return ExitCodes.OK;
    }

    private Strategy parseStrategy() {
        try {
            return Strategy.valueOf(strategy.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--strategy: expected least-confidence, margin, entropy, vote-entropy, "
                    + "kl-to-consensus, k-center, uncertainty-diverse or random, found '" + strategy + "'");
        }
    }

    private static int parseQuota(String option, String number) {
        try {
            int n = Integer.parseInt(number.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("--per-class-quota: expected N or CLASS=N with N >= 0, found '" + option + "'");
    }
}
