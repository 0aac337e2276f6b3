package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.labeling.feedback.FeedbackJoiner;
import dev.veracity.labeling.feedback.FeedbackSpec;
import dev.veracity.labeling.feedback.LabelingReport;
import dev.veracity.labeling.feedback.LabelingReportJson;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Labels from process feedback, as {@code veracity label join}: each split of the {@code examples} input (prediction
 * or suggestion logs) is joined with the outcomes of every split of the {@code outcomes} input (a second ExampleGen:
 * its hash split is not the predictions'), so a prediction finds its outcome wherever that landed. Writes the labeled
 * examples in ExampleGen's layout ({@code Split-NAME/data.jsonl}, so StatisticsGen and the rest read them unchanged)
 * and the labeling report of each split as the {@code report} output ({@code Split-NAME/labeling_report.json}).
 * {@code summary.labels_joined} counts the rows that got a label (matched, or negative by {@code missing}).
 *
 * <pre>{@code
 * labels: {component: LabelJoin, inputs: {examples: suggestions.examples, outcomes: outcomes.examples},
 *          parameters: {key: suggestion_id, prediction_time: suggested_at, outcome_time: finished_at, window: 24h}}
 * }</pre>
 */
public final class LabelJoin implements Component {
    /** The labeling report of a join ({@code Split-NAME/labeling_report.json}). */
    public static final ArtifactType LABELING_REPORT = new ArtifactType("LabelingReport");

    static final String REPORT_FILE = "labeling_report.json";

    private static final ComponentSpec SPEC = new ComponentSpec(
            "LabelJoin",
            "1",
            List.of(
                    InputPort.required("examples", ArtifactType.EXAMPLES),
                    InputPort.required("outcomes", ArtifactType.EXAMPLES)),
            List.of(new OutputPort("examples", ArtifactType.EXAMPLES), new OutputPort("report", LABELING_REPORT)),
            List.of(
                    ParameterSpec.required("key", ParameterType.STRING, "the join key column"),
                    ParameterSpec.optional(
                            "outcome_key", ParameterType.STRING, "the outcomes' key column (default: key)"),
                    ParameterSpec.required(
                            "prediction_time", ParameterType.STRING, "event time of predictions (ISO-8601 or epoch)"),
                    ParameterSpec.required("outcome_time", ParameterType.STRING, "event time of outcomes"),
                    ParameterSpec.optional(
                            "arrival_time", ParameterType.STRING, "when each outcome was logged (default: its time)"),
                    ParameterSpec.optional(
                            "outcome_label",
                            ParameterType.STRING,
                            "the outcomes' label column (default: presence gives positive)"),
                    ParameterSpec.required(
                            "window", ParameterType.STRING, "how long after a prediction an outcome counts: 24h"),
                    ParameterSpec.optional(
                            "grace", ParameterType.STRING, "how late after the window an outcome may arrive (0)"),
                    ParameterSpec.optional("rule", ParameterType.STRING, "first (default), last or any"),
                    ParameterSpec.optional("missing", ParameterType.STRING, "censored (default) or negative"),
                    ParameterSpec.optional("positive", ParameterType.STRING, "the positive label (default 1)"),
                    ParameterSpec.optional("negative", ParameterType.STRING, "the negative label (default 0)"),
                    ParameterSpec.optional(
                            "keep_duplicates", ParameterType.BOOLEAN, "count identical events each time"),
                    ParameterSpec.optional(
                            "as_of", ParameterType.STRING, "compute labels as of this instant (default: latest)"),
                    ParameterSpec.optional(
                            "epoch_unit", ParameterType.STRING, "auto (default), seconds or milliseconds"),
                    ParameterSpec.optional(
                            "label_column", ParameterType.STRING, "the label column's name (default label)")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        LabelJoinSpec.of(parameters);
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        FeedbackSpec spec = LabelJoinSpec.of(context.parameters());
        List<Artifact> predictions = context.inputs("examples");
        Artifact source = predictions.get(predictions.size() - 1);
        List<Artifact> outcomeArtifacts = context.inputs("outcomes");
        Artifact outcomeSource = outcomeArtifacts.get(outcomeArtifacts.size() - 1);
        List<Path> outcomes = new ArrayList<>();
        for (String split : Splits.of(outcomeSource)) {
            outcomes.addAll(dataFiles(Splits.directory(Path.of(outcomeSource.uri()), split)));
        }
        if (outcomes.isEmpty()) {
            throw new ConfigException("node " + context.nodeId() + ": expected outcome files in the outcomes input, "
                    + "found none in " + outcomeSource.uri());
        }
        Path examples = context.outputDirectory("examples");
        Path reports = context.outputDirectory("report");
        FeedbackJoiner joiner = FeedbackJoiner.of(spec);
        List<String> splits = new ArrayList<>();
        long labeled = 0;
        for (String split : Splits.of(source)) {
            Path out = Splits.directory(examples, split).resolve("data.jsonl");
            Files.createDirectories(out.getParent());
            LabelingReport report =
                    joiner.join(dataFiles(Splits.directory(Path.of(source.uri()), split)), outcomes, out);
            Path reportFile = Splits.directory(reports, split).resolve(REPORT_FILE);
            Files.createDirectories(reportFile.getParent());
            LabelingReportJson.write(report, reportFile);
            labeled += report.predictions().matched() + report.predictions().negative();
            context.setOutputProperty(
                    "examples",
                    "num_examples_" + split,
                    Value.of(report.predictions().labeled()));
            splits.add(split);
        }
        long span = Splits.span(predictions);
        context.setOutputProperty("examples", Splits.PROPERTY, Splits.property(splits));
        context.setOutputProperty("examples", "span", Value.of(span));
        context.setOutputProperty("examples", "file_format", Value.of("jsonl"));
        context.setOutputProperty("examples", "summary.labels_joined", Value.of(labeled));
        context.setOutputProperty("report", Splits.PROPERTY, Splits.property(splits));
        context.setOutputProperty("report", "span", Value.of(span));
    }

    static List<Path> dataFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
