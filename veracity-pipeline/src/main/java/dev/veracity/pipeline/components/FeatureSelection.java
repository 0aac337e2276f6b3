package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.table.TableOptions;
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
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaCanonicalizer;
import dev.veracity.schema.SchemaEditor;
import dev.veracity.selection.FeatureResult;
import dev.veracity.selection.FeatureSelector;
import dev.veracity.selection.FeatureWarning;
import dev.veracity.selection.KsgAccumulator;
import dev.veracity.selection.Method;
import dev.veracity.selection.RankCorrelationAccumulator;
import dev.veracity.selection.Ranking;
import dev.veracity.selection.SelectionJson;
import dev.veracity.selection.SelectionOptions;
import dev.veracity.selection.SelectionReport;
import dev.veracity.selection.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * tfx-addons' FeatureSelection: ranks the features of one split of its Examples against a label with
 * {@link FeatureSelector} (the scores of {@code veracity select}), writes the ranking as {@code ranking.json}
 * ({@link SelectionJson}) and the input schema with every scored but unselected feature given
 * {@code lifecycle_stage: DEPRECATED} as {@code schema.pbtxt}, so validation downstream follows the choice. INT
 * features the schema marks {@code int_domain { is_categorical: true }} are scored as categorical. A feature flagged
 * as leaking the label is recorded as a warning of the execution, not a failure.
 *
 * <pre>{@code
 * select: {component: FeatureSelection, inputs: {examples: gen.examples, schema: schema.schema},
 *          parameters: {label: completed, k: 5}}
 * }</pre>
 */
public final class FeatureSelection implements Component {
    /** The ranking artifact ({@code ranking.json}), named as tfx-addons' FeatureSelection artifact. */
    public static final ArtifactType FEATURE_SELECTION = new ArtifactType("FeatureSelection");

    private static final ComponentSpec SPEC = new ComponentSpec(
            "FeatureSelection",
            "1",
            List.of(
                    InputPort.required("examples", ArtifactType.EXAMPLES),
                    InputPort.required("schema", ArtifactType.SCHEMA)),
            List.of(new OutputPort("ranking", FEATURE_SELECTION), new OutputPort("schema", ArtifactType.SCHEMA)),
            List.of(
                    ParameterSpec.required("label", ParameterType.STRING, "the label column"),
                    ParameterSpec.optional(
                            "task", ParameterType.STRING, "auto (default), classification or regression"),
                    ParameterSpec.optional("k", ParameterType.INT, "select at most k features (default 0: no limit)"),
                    ParameterSpec.optional(
                            "min_score", ParameterType.DOUBLE, "the least strength of a selected feature, in [0, 1]"),
                    ParameterSpec.optional(
                            "methods",
                            ParameterType.LIST,
                            "scores to compute: anova_f, chi2, mutual_information, cramers_v, f_regression, "
                                    + "pearson, spearman (default: all that apply)"),
                    ParameterSpec.optional("split", ParameterType.STRING, "the split to select on (default train)")));

    private static final long SEED = 42;

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        if (parameters.string("label").orElse("").isBlank()) {
            throw new ConfigException("parameter label: expected a column name, found an empty one");
        }
        task(parameters);
        methods(parameters);
        ranking(parameters);
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        String split = parameters.string("split").orElse("train");
        List<Artifact> schemas = context.inputs("schema");
        Schema schema =
                SchemaFiles.read(Path.of(schemas.get(schemas.size() - 1).uri()).resolve("schema.pbtxt"));
        List<Artifact> examples = context.inputs("examples");
        Artifact source = null;
        for (Artifact artifact : examples) {
            if (Splits.of(artifact).contains(split)) {
                source = artifact;
            }
        }
        if (source == null) {
            throw new ConfigException("node " + context.nodeId() + ": expected split " + split + " in the examples "
                    + "input, found splits " + Splits.of(examples.get(examples.size() - 1)));
        }
        SelectionOptions options = new SelectionOptions(
                parameters.string("label").orElseThrow(),
                task(parameters),
                methods(parameters),
                categoricalInts(schema),
                ranking(parameters),
                RankCorrelationAccumulator.DEFAULT_CAPACITY,
                KsgAccumulator.DEFAULT_CAPACITY,
                SEED);
        SelectionReport report = new FeatureSelector(options, TableOptions.DEFAULT)
                .select(dataFiles(Splits.directory(Path.of(source.uri()), split)));

        AtomicFiles.write(
                context.outputDirectory("ranking").resolve("ranking.json"),
                stream -> SelectionJson.write(report, stream));
        SchemaFiles.write(
                deprecateUnselected(schema, report),
                context.outputDirectory("schema").resolve("schema.pbtxt"));
        long span = Splits.span(List.of(source));
        context.setOutputProperty("ranking", "span", Value.of(span));
        context.setOutputProperty("ranking", "split", Value.of(split));
        context.setOutputProperty("ranking", "label", Value.of(report.label()));
        context.setOutputProperty(
                "ranking", "num_selected", Value.of((long) report.selected().size()));
        context.setOutputProperty(
                "ranking", "summary.selected", Value.of((long) report.selected().size()));
        context.setOutputProperty("schema", "span", Value.of(span));
        if (report.hasLeakage()) {
            List<String> leaking = report.features().stream()
                    .filter(f -> f.warnings().stream().anyMatch(w -> w.kind() == FeatureWarning.Kind.LEAKAGE))
                    .map(FeatureResult::name)
                    .toList();
            context.warn("features that predict label " + report.label() + " almost perfectly (leakage), not "
                    + "selected: " + String.join(", ", leaking));
        }
    }

    /** {@return the schema with the scored but unselected features deprecated; the label stays as it is} */
    static Schema deprecateUnselected(Schema schema, SelectionReport report) {
        Set<String> inSchema = new HashSet<>();
        for (Feature feature : schema.getFeatureList()) {
            inSchema.add(feature.getName());
        }
        SchemaEditor editor = SchemaEditor.of(schema);
        for (FeatureResult feature : report.features()) {
            if (!feature.selected() && inSchema.contains(feature.name())) {
                editor.feature(feature.name()).deprecate();
            }
        }
        return SchemaCanonicalizer.canonicalize(editor.build());
    }

    private static Set<String> categoricalInts(Schema schema) {
        Set<String> names = new HashSet<>();
        for (Feature feature : schema.getFeatureList()) {
            if (feature.hasIntDomain() && feature.getIntDomain().getIsCategorical()) {
                names.add(feature.getName());
            }
        }
        return names;
    }

    private static Task task(Parameters parameters) {
        String task = parameters.string("task").orElse("auto");
        return switch (task.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> Task.AUTO;
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default ->
                throw new ConfigException("parameter task: expected auto, classification or regression, found " + task);
        };
    }

    private static Set<Method> methods(Parameters parameters) {
        Set<Method> chosen = EnumSet.noneOf(Method.class);
        for (String name : parameters.list("methods")) {
            try {
                chosen.add(Method.named(name.strip().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("parameter methods: expected anova_f, chi2, mutual_information, "
                        + "cramers_v, f_regression, pearson or spearman, found " + name);
            }
        }
        return chosen;
    }

    private static Ranking ranking(Parameters parameters) {
        long k = parameters.integer("k").orElse(0L);
        if (k < 0 || k > Integer.MAX_VALUE) {
            throw new ConfigException("parameter k: expected a count >= 0, found " + k);
        }
        double minScore = parameters.decimal("min_score").orElse(0.0);
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new ConfigException("parameter min_score: expected a strength in [0, 1], found " + minScore);
        }
        return new Ranking((int) k, minScore);
    }

    private static List<Path> dataFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
