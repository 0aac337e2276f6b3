package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.Veracity;
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
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.PiiTags;
import dev.veracity.privacy.detect.PiiDetector;
import dev.veracity.privacy.redact.Operator;
import dev.veracity.privacy.redact.RedactionPlan;
import dev.veracity.privacy.redact.Redactor;
import dev.veracity.privacy.scan.FeatureVerdict;
import dev.veracity.privacy.scan.PiiScanJson;
import dev.veracity.privacy.scan.PiiScanReport;
import dev.veracity.privacy.scan.PiiScanner;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.schema.InferenceOptions;
import dev.veracity.schema.SchemaCanonicalizer;
import dev.veracity.schema.SchemaInference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and protects personal data, as {@code veracity pii scan --write-schema} then {@code pii redact --schema}:
 * scans every split of its Examples, marks the features found (and keeps those the {@code schema} input already
 * marks) {@code veracity:pii=ENTITY} in the {@code schema} output (the input schema, or one inferred from the redacted
 * first split; a marked feature lists no values), writes a redacted copy of the examples ({@code examples}: marked
 * features get {@code operator}, default {@code tag}, and entities found inside other string features get
 * {@code entity_operator}, default {@code tag}; {@code keep} leaves them) and the scan findings without values
 * ({@code report}, {@code Split-NAME/pii_scan.json}). StatisticsGen given the output schema keeps counts but no value
 * of the marked features. {@code summary.pii_features} counts the marked features.
 *
 * <pre>{@code
 * pii: {component: PiiProtect, inputs: {examples: gen.examples}, parameters: {operator: tag}}
 * statistics: {component: StatisticsGen, inputs: {examples: pii.examples, schema: pii.schema}}
 * }</pre>
 */
public final class PiiProtect implements Component {
    /** The findings of a PII scan, per split ({@code Split-NAME/pii_scan.json}). */
    public static final ArtifactType PII_SCAN = new ArtifactType("PiiScan");

    static final String REPORT_FILE = "pii_scan.json";

    private static final ComponentSpec SPEC = new ComponentSpec(
            "PiiProtect",
            "1",
            List.of(
                    InputPort.required("examples", ArtifactType.EXAMPLES),
                    InputPort.optional("schema", ArtifactType.SCHEMA)),
            List.of(
                    new OutputPort("schema", ArtifactType.SCHEMA),
                    new OutputPort("examples", ArtifactType.EXAMPLES),
                    new OutputPort("report", PII_SCAN)),
            List.of(
                    ParameterSpec.optional(
                            "operator",
                            ParameterType.STRING,
                            "operator of marked features: tag (default), mask, " + "generalize, drop, ..."),
                    ParameterSpec.optional(
                            "entity_operator",
                            ParameterType.STRING,
                            "operator of PII found inside other string features: tag (default) or keep, ..."),
                    ParameterSpec.optional("features", ParameterType.MAP, "feature to operator, overriding operator"),
                    ParameterSpec.optional(
                            "sample_size", ParameterType.INT, "values scanned per feature (default 10000)"),
                    ParameterSpec.optional(
                            "min_fraction",
                            ParameterType.DOUBLE,
                            "share of values that makes a feature PII (default 0.3)"),
                    ParameterSpec.optional(
                            "threshold", ParameterType.DOUBLE, "confidence a finding needs (default as pii scan)")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        operator(parameters, "operator", "tag");
        operator(parameters, "entity_operator", "tag");
        parameters.map("features").forEach((feature, text) -> operator("features", text));
        scanner(parameters);
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        PiiScanner scanner = scanner(parameters);
        List<Artifact> inputs = context.inputs("examples");
        Artifact source = inputs.get(inputs.size() - 1);
        Path root = Path.of(source.uri());
        Path reports = context.outputDirectory("report");
        Map<String, Optional<PiiEntity>> found = new LinkedHashMap<>();
        for (String split : Splits.of(source)) {
            List<Path> files = LabelJoin.dataFiles(Splits.directory(root, split));
            for (int i = 0; i < files.size(); i++) {
                PiiScanReport report = scanner.scan(files.get(i));
                for (FeatureVerdict feature : report.piiFeatures()) {
                    found.putIfAbsent(
                            feature.feature(),
                            Optional.of(feature.verdict().orElseThrow().entity()));
                }
                Path file = Splits.directory(reports, split)
                        .resolve(files.size() == 1 ? REPORT_FILE : "pii_scan-" + i + ".json");
                Files.createDirectories(file.getParent());
                AtomicFiles.write(file, stream -> PiiScanJson.write(report, stream));
            }
        }
        List<Artifact> schemas = context.inputs("schema");
        Optional<Schema> given = schemas.isEmpty()
                ? Optional.empty()
                : Optional.of(SchemaFiles.read(
                        Path.of(schemas.get(schemas.size() - 1).uri()).resolve("schema.pbtxt")));
        RedactionPlan plan = plan(parameters, found, given);
        Path examples = context.outputDirectory("examples");
        List<String> splits = new ArrayList<>();
        for (String split : Splits.of(source)) {
            List<Path> files = LabelJoin.dataFiles(Splits.directory(root, split));
            long rows = 0;
            for (int i = 0; i < files.size(); i++) {
                Path out = Splits.directory(examples, split)
                        .resolve(files.size() == 1 ? "data.jsonl" : String.format(Locale.ROOT, "data-%05d.jsonl", i));
                Files.createDirectories(out.getParent());
                rows += new Redactor(plan, TableOptions.DEFAULT)
                        .redact(files.get(i), out)
                        .rows();
            }
            context.setOutputProperty("examples", "num_examples_" + split, Value.of(rows));
            splits.add(split);
        }
        Schema schema = given.isPresent() ? given.get() : inferred(examples, splits);
        for (Map.Entry<String, Optional<PiiEntity>> feature : found.entrySet()) {
            if (schema.getFeatureList().stream().anyMatch(f -> f.getName().equals(feature.getKey()))) {
                schema = PiiTags.mark(schema, feature.getKey(), feature.getValue());
            } else {
                context.warn("feature " + feature.getKey() + " holds "
                        + feature.getValue().orElseThrow() + " but is not in the schema input: redacted, not marked");
            }
        }
        SchemaFiles.write(
                SchemaCanonicalizer.canonicalize(schema),
                context.outputDirectory("schema").resolve("schema.pbtxt"));
        long span = Splits.span(inputs);
        long marked = PiiTags.features(schema).size();
        context.setOutputProperty("schema", "span", Value.of(span));
        context.setOutputProperty("schema", "summary.pii_features", Value.of(marked));
        context.setOutputProperty("examples", Splits.PROPERTY, Splits.property(splits));
        context.setOutputProperty("examples", "span", Value.of(span));
        context.setOutputProperty("examples", "file_format", Value.of("jsonl"));
        context.setOutputProperty("examples", "summary.pii_features", Value.of(marked));
        context.setOutputProperty("report", Splits.PROPERTY, Splits.property(splits));
        context.setOutputProperty("report", "span", Value.of(span));
    }

    private static RedactionPlan plan(
            Parameters parameters, Map<String, Optional<PiiEntity>> found, Optional<Schema> given) {
        Operator operator = operator(parameters, "operator", "tag");
        RedactionPlan plan = RedactionPlan.none();
        for (Map.Entry<String, String> override : parameters.map("features").entrySet()) {
            plan = plan.withFeature(override.getKey(), operator("features", override.getValue()));
        }
        // The features found, marked with their entity in a schema of their own: tag writes <EMAIL_ADDRESS>.
        Schema scanned = Schema.getDefaultInstance();
        for (Map.Entry<String, Optional<PiiEntity>> feature : found.entrySet()) {
            scanned = PiiTags.mark(
                    scanned.toBuilder()
                            .addFeature(Feature.newBuilder().setName(feature.getKey()))
                            .build(),
                    feature.getKey(),
                    feature.getValue());
        }
        plan = plan.withSchema(scanned, operator);
        if (given.isPresent()) {
            plan = plan.withSchema(given.get(), operator);
        }
        String entityText = parameters.string("entity_operator").orElse("tag");
        if (!entityText.strip().equalsIgnoreCase("keep")) {
            Operator entity = operator("entity_operator", entityText);
            for (PiiEntity kind : PiiEntity.values()) {
                plan = plan.withEntity(kind, entity);
            }
        }
        return plan;
    }

    /** A schema inferred from the redacted copy's first split: it never saw a raw value. */
    private static Schema inferred(Path examples, List<String> splits) throws IOException {
        if (splits.isEmpty()) {
            return Schema.getDefaultInstance();
        }
        String split = splits.get(0);
        return SchemaInference.infer(
                Veracity.statistics(LabelJoin.dataFiles(Splits.directory(examples, split)))
                        .named(split)
                        .withThreads(1)
                        .compute()
                        .statistics(),
                InferenceOptions.defaults());
    }

    private static Operator operator(Parameters parameters, String name, String otherwise) {
        return operator(name, parameters.string(name).orElse(otherwise));
    }

    private static Operator operator(String parameter, String text) {
        Operator operator;
        try {
            operator = Operator.parse(text);
        } catch (ConfigException e) {
            throw new ConfigException("parameter " + parameter + ": " + e.getMessage());
        }
        if (operator.needsSecret()) {
            throw new ConfigException("parameter " + parameter + ": expected an operator without a secret (tag, "
                    + "mask, generalize, drop, ...), found " + text + ": a pipeline file holds no secret");
        }
        return operator;
    }

    private static PiiScanner scanner(Parameters parameters) {
        PiiScanner scanner = PiiScanner.standard();
        long sampleSize = parameters.integer("sample_size").orElse((long) PiiScanner.DEFAULT_SAMPLE_SIZE);
        if (sampleSize < 1 || sampleSize > Integer.MAX_VALUE) {
            throw new ConfigException("parameter sample_size: expected a whole number >= 1, found " + sampleSize);
        }
        double minFraction = parameters.decimal("min_fraction").orElse(PiiScanner.DEFAULT_MIN_FRACTION);
        if (!(minFraction > 0 && minFraction <= 1)) {
            throw new ConfigException("parameter min_fraction: expected a number in (0, 1], found " + minFraction);
        }
        scanner = scanner.withSampleSize((int) sampleSize).withMinFraction(minFraction);
        if (parameters.has("threshold")) {
            double threshold = parameters.decimal("threshold").orElseThrow();
            if (!(threshold > 0 && threshold <= 1)) {
                throw new ConfigException("parameter threshold: expected a number in (0, 1], found " + threshold);
            }
            scanner = scanner.withDetector(PiiDetector.standard().withThreshold(threshold));
        }
        return scanner;
    }
}
