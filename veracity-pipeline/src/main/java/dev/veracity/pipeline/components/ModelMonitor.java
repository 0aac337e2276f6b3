package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.table.TableOptions;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Value;
import dev.veracity.monitoring.PerformanceEvaluator;
import dev.veracity.monitoring.PerformanceJson;
import dev.veracity.monitoring.PerformanceOptions;
import dev.veracity.monitoring.PerformanceReport;
import dev.veracity.monitoring.ShiftDiagnosis;
import dev.veracity.monitoring.ShiftJson;
import dev.veracity.monitoring.ShiftOptions;
import dev.veracity.monitoring.ShiftReport;
import dev.veracity.monitoring.Span;
import dev.veracity.monitoring.Task;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Monitors a model on the labeled predictions of a span: {@code veracity performance} on one split of its examples
 * against the same split of the baseline examples ({@code perf.json}), and {@code veracity shift} between them
 * ({@code shift.json}). A decay alarm or a concept shift blocks the node, so that nothing downstream (an export)
 * runs on a decayed model.
 *
 * <pre>{@code
 * monitor: {component: ModelMonitor, inputs: {examples: today.examples, baseline: reference.examples},
 *           parameters: {label: completed, score: score, time: started_at}}
 * }</pre>
 */
public final class ModelMonitor implements Component {
    /** The quality report ({@code perf.json}). */
    public static final ArtifactType MODEL_PERFORMANCE = new ArtifactType("ModelPerformance");

    /** The file of a {@link #MODEL_PERFORMANCE} artifact: what {@code veracity performance -o} writes. */
    public static final String PERFORMANCE_FILE = "perf.json";

    /** The shift diagnosis ({@code shift.json}). */
    public static final ArtifactType SHIFT_DIAGNOSIS = new ArtifactType("ShiftDiagnosis");

    private static final ComponentSpec SPEC = new ComponentSpec(
            "ModelMonitor",
            "1",
            List.of(
                    InputPort.required("examples", ArtifactType.EXAMPLES),
                    InputPort.required("baseline", ArtifactType.EXAMPLES)),
            List.of(new OutputPort("performance", MODEL_PERFORMANCE), new OutputPort("shift", SHIFT_DIAGNOSIS)),
            List.of(
                    ParameterSpec.required("label", ParameterType.STRING, "the label column"),
                    ParameterSpec.optional("score", ParameterType.STRING, "the positive-class probability column"),
                    ParameterSpec.optional("prediction", ParameterType.STRING, "the predicted class or value column"),
                    ParameterSpec.optional("task", ParameterType.STRING, "auto (default), classification, regression"),
                    ParameterSpec.optional("time", ParameterType.STRING, "the time column of the spans"),
                    ParameterSpec.optional("span", ParameterType.STRING, "hour, day (default) or week"),
                    ParameterSpec.optional("max_drop", ParameterType.DOUBLE, "the decay that alarms (default 0.05)"),
                    ParameterSpec.optional(
                            "features", ParameterType.LIST, "features of the shift diagnosis (default: all)"),
                    ParameterSpec.optional("alpha", ParameterType.DOUBLE, "family-wise error rate (default 0.01)"),
                    ParameterSpec.optional("split", ParameterType.STRING, "the split of both inputs (default eval)")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        if (parameters.string("label").orElse("").isBlank()) {
            throw new ConfigException("parameter label: expected a column name, found an empty one");
        }
        if (parameters.has("score") == parameters.has("prediction")) {
            throw new ConfigException("parameters score and prediction: expected exactly one");
        }
        performance(parameters);
        shift(parameters);
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        String split = parameters.string("split").orElse("eval");
        List<Path> current = files(context, "examples", split);
        PerformanceOptions performanceOptions = performance(parameters);
        if (context.inputs("baseline").isEmpty()) {
            firstSpan(context, current, performanceOptions);
            return;
        }
        List<Path> baseline = files(context, "baseline", split);
        Path joinedBaseline = baseline.get(0);
        PerformanceReport performance = new PerformanceEvaluator(performanceOptions, TableOptions.DEFAULT)
                .evaluate(current, Optional.of(joinedBaseline));
        ShiftReport shift =
                new ShiftDiagnosis(shift(parameters), TableOptions.DEFAULT).diagnose(joinedBaseline, current.get(0));
        AtomicFiles.write(
                context.outputDirectory("performance").resolve(PERFORMANCE_FILE),
                stream -> PerformanceJson.write(performance, stream));
        AtomicFiles.write(
                context.outputDirectory("shift").resolve("shift.json"), stream -> ShiftJson.write(shift, stream));
        context.setOutputProperty(
                "performance", "alarms", Value.of((long) performance.alarms().size()));
        context.setOutputProperty("shift", "verdict", Value.of(shift.verdict().text()));
        context.setOutputProperty("performance", "summary.model_alarms", Value.of((long)
                performance.alarms().size()));
        List<String> reasons = new ArrayList<>();
        if (performance.hasAlarm()) {
            PerformanceReport.Alarm first = performance.alarms().get(0);
            reasons.add(performance.alarms().size() + " decay alarm(s), first " + first.span() + " " + first.detail());
        }
        if (shift.verdict() == ShiftReport.Verdict.CONCEPT
                || shift.verdict() == ShiftReport.Verdict.COVARIATE_AND_CONCEPT) {
            reasons.add("shift verdict " + shift.verdict().text());
        }
        if (!reasons.isEmpty()) {
            context.block(String.join("; ", reasons));
        }
    }

    /**
     * The first span (a Resolver's baseline is empty): its quality is measured and stated, nothing is compared, no
     * alarm is raised.
     */
    private static void firstSpan(ExecutionContext context, List<Path> current, PerformanceOptions options)
            throws IOException {
        PerformanceReport performance =
                new PerformanceEvaluator(options, TableOptions.DEFAULT).evaluate(current, Optional.empty());
        AtomicFiles.write(
                context.outputDirectory("performance").resolve(PERFORMANCE_FILE),
                stream -> PerformanceJson.write(performance, stream));
        AtomicFiles.write(
                context.outputDirectory("shift").resolve("shift.json"),
                stream -> stream.write("{\"verdict\": \"none\", \"note\": \"no baseline to compare with\"}\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        context.setOutputProperty(
                "performance", "alarms", Value.of((long) performance.alarms().size()));
        context.setOutputProperty("shift", "verdict", Value.of("none"));
        context.setOutputProperty("performance", "summary.model_alarms", Value.of((long)
                performance.alarms().size()));
        if (performance.hasAlarm()) {
            PerformanceReport.Alarm first = performance.alarms().get(0);
            context.block(
                    performance.alarms().size() + " decay alarm(s), first " + first.span() + " " + first.detail());
        }
    }

    /** {@return the data files of a split of the last artifact of an input that has it; one file for the baseline} */
    private static List<Path> files(ExecutionContext context, String input, String split) throws IOException {
        Artifact source = null;
        for (Artifact artifact : context.inputs(input)) {
            if (Splits.of(artifact).contains(split)) {
                source = artifact;
            }
        }
        if (source == null) {
            throw new ConfigException("node " + context.nodeId() + ": expected split " + split + " in the " + input
                    + " input, found splits "
                    + Splits.of(context.inputs(input).get(context.inputs(input).size() - 1)));
        }
        try (Stream<Path> files = Files.list(Splits.directory(Path.of(source.uri()), split))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static PerformanceOptions performance(Parameters parameters) {
        String task = parameters.string("task").orElse("auto").strip().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "classification", "regression").contains(task)) {
            throw new ConfigException("parameter task: expected auto, classification or regression, found " + task);
        }
        Span span;
        try {
            span = Span.named(parameters.string("span").orElse("day"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("parameter span: expected hour, day or week, found "
                    + parameters.string("span").orElse(""));
        }
        double maxDrop = parameters.decimal("max_drop").orElse(PerformanceOptions.DEFAULT_MAX_DROP);
        if (!(maxDrop >= 0) || Double.isInfinite(maxDrop)) {
            throw new ConfigException("parameter max_drop: expected a value >= 0, found " + maxDrop);
        }
        return new PerformanceOptions(
                parameters.string("label").orElse(""),
                parameters.string("score").orElse(""),
                parameters.string("prediction").orElse(parameters.has("score") ? "" : "prediction"),
                task.equals("regression") ? Task.REGRESSION : Task.CLASSIFICATION,
                task.equals("auto"),
                "",
                0.5,
                parameters.string("time").orElse(""),
                span,
                "",
                0,
                42,
                maxDrop,
                List.of(),
                PerformanceOptions.DEFAULT_ALARM_DETECTORS,
                Map.of());
    }

    private static ShiftOptions shift(Parameters parameters) {
        double alpha = parameters.decimal("alpha").orElse(ShiftOptions.DEFAULT_ALPHA);
        if (!(alpha > 0 && alpha < 1)) {
            throw new ConfigException("parameter alpha: expected a value in (0, 1), found " + alpha);
        }
        return new ShiftOptions(
                parameters.string("label").orElse(""),
                parameters.list("features"),
                alpha,
                ShiftOptions.DEFAULT_MIN_ROWS,
                42);
    }
}
