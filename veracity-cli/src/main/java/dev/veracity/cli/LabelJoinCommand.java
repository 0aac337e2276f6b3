package dev.veracity.cli;

import dev.veracity.io.InputPaths;
import dev.veracity.io.OutputPaths;
import dev.veracity.labeling.feedback.EpochUnit;
import dev.veracity.labeling.feedback.FeedbackJoiner;
import dev.veracity.labeling.feedback.FeedbackSpec;
import dev.veracity.labeling.feedback.LabelingReport;
import dev.veracity.labeling.feedback.LabelingReportJson;
import dev.veracity.labeling.feedback.MissingOutcome;
import dev.veracity.labeling.feedback.OutcomeRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity label join}: labels from process feedback, predictions joined with later outcomes. */
@Command(
        name = "join",
        header = "Joins predictions with later outcomes into labeled examples.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Labels each prediction with the outcome that followed it: an outcome with the same key counts when its "
                    + "event time is within --window after the prediction and it was logged (--arrival-time) no "
                    + "later than the window's end plus --grace. --rule picks which outcome (first, last, any). A "
                    + "prediction without one is --missing negative or censored once window and grace have passed "
                    + "the as-of time (default: the latest time in the inputs), and pending before.",
            "Inputs are CSV, JSON Lines (uncompressed), Parquet, Avro or TFRecord logs. Identical events count once "
                    + "unless --keep-duplicates. Writes every prediction column plus label, label_status, "
                    + "label_outcome_time, label_delay_seconds and label_as_of, sorted by prediction time and key, "
                    + "so the output does not depend on event order; prints the labeling report.",
            ""
        },
        footer = {
            "%nExample:",
            "  veracity label join --predictions examples/labeling/predictions.jsonl \\",
            "      --outcomes examples/labeling/outcomes.csv --key prediction_id --prediction-time ts \\",
            "      --outcome-time converted_at --arrival-time logged_at --window 24h --grace 2h \\",
            "      --missing negative -o labeled.csv --json > labeling-report.json"
        })
final class LabelJoinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--predictions",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Prediction logs (any data file format; quoted globs work).")
    List<String> predictions;

    @Option(
            names = "--outcomes",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Outcome logs (any data file format; quoted globs work).")
    List<String> outcomes;

    @Option(names = "--key", required = true, paramLabel = "COLUMN", description = "The join key column.")
    String key;

    @Option(
            names = "--outcome-key",
            paramLabel = "COLUMN",
            description = "The outcomes' key column when named differently (default: --key).")
    String outcomeKey;

    @Option(
            names = "--prediction-time",
            required = true,
            paramLabel = "COLUMN",
            description = "Event time of predictions: ISO-8601 text or epoch seconds/milliseconds.")
    String predictionTime;

    @Option(names = "--outcome-time", required = true, paramLabel = "COLUMN", description = "Event time of outcomes.")
    String outcomeTime;

    @Option(
            names = "--arrival-time",
            paramLabel = "COLUMN",
            description = "When each outcome was logged (e.g. @timestamp); default: its event time.")
    String arrivalTime = "";

    @Option(
            names = "--outcome-label",
            paramLabel = "COLUMN",
            description = "Column holding the label; default: an outcome's presence gives --positive.")
    String outcomeLabel = "";

    @Option(
            names = "--window",
            required = true,
            paramLabel = "DURATION",
            description = "How long after a prediction an outcome counts: 90s, 30m, 24h, 7d, PT1H.")
    String window;

    @Option(
            names = "--grace",
            paramLabel = "DURATION",
            defaultValue = "0",
            description = "How long after the window an outcome may still arrive (default: ${DEFAULT-VALUE}).")
    String grace;

    @Option(
            names = "--rule",
            paramLabel = "RULE",
            defaultValue = "first",
            description = "Which outcome in the window counts: first, last or any (default: ${DEFAULT-VALUE}).")
    OutcomeRule rule;

    @Option(
            names = "--missing",
            paramLabel = "RULE",
            defaultValue = "censored",
            description = "A prediction without outcome after its window: negative or censored "
                    + "(default: ${DEFAULT-VALUE}).")
    MissingOutcome missing;

    @Option(
            names = "--positive",
            paramLabel = "LABEL",
            defaultValue = "1",
            description = "Label of --rule any and of presence labels (default: ${DEFAULT-VALUE}).")
    String positive;

    @Option(
            names = "--negative",
            paramLabel = "LABEL",
            defaultValue = "0",
            description = "Label of --missing negative (default: ${DEFAULT-VALUE}).")
    String negative;

    @Option(names = "--keep-duplicates", description = "Count identical events each time they occur.")
    boolean keepDuplicates;

    @Option(
            names = "--as-of",
            paramLabel = "INSTANT",
            description = "Compute labels as of this time (e.g. 2024-05-04T00:00:00Z): later arrivals are unknown, "
                    + "windows closing later are pending. Default: the latest time in the inputs.")
    String asOf;

    @Option(
            names = "--epoch-unit",
            paramLabel = "UNIT",
            defaultValue = "auto",
            description = "Unit of numeric times: auto, seconds or milliseconds (default: ${DEFAULT-VALUE}: "
                    + "milliseconds from 1e11 up).")
    EpochUnit epochUnit;

    @Option(
            names = "--label-column",
            paramLabel = "NAME",
            defaultValue = "label",
            description = "Name of the label column and prefix of the others (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(
            names = "--memory",
            paramLabel = "SIZE",
            description = "Memory budget for events, e.g. 256m; past it events spill to disk (default: a quarter "
                    + "of the heap).")
    String memory;

    @Option(
            names = "--tmp",
            paramLabel = "DIR",
            description = "Directory for spill files, deleted afterwards (default: java.io.tmpdir).")
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

    @Mixin
    TableInputOptions input;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "The labeled examples: .csv, .jsonl or .ndjson (written atomically).")
    Path output;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            hidden = true,
            description = "Deprecated: also write the labeling report as JSON; use --json > FILE.")
    Path report;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(
                Inputs.of(
                        java.util.stream.Stream.concat(predictions.stream(), outcomes.stream())
                                .toList(),
                        List.of()),
                Arrays.asList(output, report));
        FeedbackSpec feedback = FeedbackSpec.of(
                        key, predictionTime, outcomeTime, LabelUnits.duration("--window", window))
                .withOutcomeKey(outcomeKey == null ? key : outcomeKey)
                .withOutcomeArrival(arrivalTime)
                .withOutcomeLabel(outcomeLabel)
                .withGrace(LabelUnits.duration("--grace", grace))
                .withRule(rule)
                .withMissing(missing)
                .withLabels(positive, negative)
                .withDeduplicate(!keepDuplicates)
                .withEpochUnit(epochUnit)
                .withLabelColumn(labelColumn)
                .withBadRecords(input.badRecords);
        if (asOf != null) {
            feedback = feedback.withAsOf(LabelUnits.instant("--as-of", asOf));
        }
        FeedbackJoiner joiner = FeedbackJoiner.of(feedback).withTmp(tmp).withTableOptions(input.tableOptions());
        if (memory != null) {
            joiner = joiner.withMemoryBudget(LabelUnits.bytes("--memory", memory));
        }
        long start = System.nanoTime();
        LabelingReport result = joiner.join(InputPaths.expand(predictions), InputPaths.expand(outcomes), output);
        if (report != null) {
            LabelingReportJson.write(result, report);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                json
                        ? LabelingReportJson.toJson(result).toPrettyString() + "\n"
                        : TerminalText.escapeKeepingLines(new LabelingReportTable().render(result)));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
                "veracity: %,d predictions labeled -> %s%s (%.1f s)%n",
                result.predictions().labeled(),
                output,
                report == null ? "" : ", report -> " + report,
                (System.nanoTime() - start) / 1e9);
        err.flush();
        return ExitCodes.OK;
    }
}
