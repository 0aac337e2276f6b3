package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.AnomaliesFiles;
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
import dev.veracity.privacy.PiiTags;
import dev.veracity.privacy.fairness.FairnessAnalysis;
import dev.veracity.privacy.fairness.FairnessJson;
import dev.veracity.privacy.fairness.FairnessReport;
import dev.veracity.privacy.fairness.FairnessThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Group fairness of the labeled examples, as {@code veracity fairness}: per split (or the one named by {@code split})
 * the representation, label-rate and missing-value gaps between the groups of {@code group}, written as
 * {@code Split-NAME/fairness.json} and the findings as TFDV anomalies ({@code Split-NAME/anomalies.pbtxt}).
 * {@code summary.fairness_alarms} counts the findings; with {@code fail_on} ERROR (the default, as ExampleValidator)
 * a finding blocks the run, NEVER only records it. A group or label feature the {@code schema} input marks PII is
 * refused: the report would name its values.
 *
 * <pre>{@code
 * fairness: {component: Fairness, inputs: {examples: labels.examples, schema: pii.schema},
 *            parameters: {group: [weather], label: completed, positive: "1", fail_on: NEVER}}
 * }</pre>
 */
public final class Fairness implements Component {
    /** A fairness report per split ({@code fairness.json} and {@code anomalies.pbtxt}). */
    public static final ArtifactType FAIRNESS_REPORT = new ArtifactType("FairnessReport");

    static final String REPORT_FILE = "fairness.json";
    static final String ANOMALIES_FILE = "anomalies.pbtxt";

    private static final ComponentSpec SPEC = new ComponentSpec(
            "Fairness",
            "1",
            List.of(
                    InputPort.required("examples", ArtifactType.EXAMPLES),
                    InputPort.optional("schema", ArtifactType.SCHEMA)),
            List.of(new OutputPort("fairness", FAIRNESS_REPORT)),
            List.of(
                    ParameterSpec.required("group", ParameterType.LIST, "the group-by feature(s)"),
                    ParameterSpec.required("label", ParameterType.STRING, "the label feature"),
                    ParameterSpec.optional("positive", ParameterType.STRING, "the positive label of a binary label"),
                    ParameterSpec.optional(
                            "reference", ParameterType.MAP, "group to its expected share, e.g. rain: 0.3"),
                    ParameterSpec.optional("min_share_ratio", ParameterType.DOUBLE, "default 0.8"),
                    ParameterSpec.optional("max_class_imbalance", ParameterType.DOUBLE, "default 0.6"),
                    ParameterSpec.optional("max_dpl", ParameterType.DOUBLE, "default 0.1"),
                    ParameterSpec.optional("max_tvd", ParameterType.DOUBLE, "default 0.1"),
                    ParameterSpec.optional("max_missing_gap", ParameterType.DOUBLE, "default 0.1"),
                    ParameterSpec.optional("min_group_size", ParameterType.INT, "default 20"),
                    ParameterSpec.optional("split", ParameterType.STRING, "the split to analyze (default: each)"),
                    ParameterSpec.optional(
                            "fail_on", ParameterType.STRING, "ERROR (default): a finding blocks the run; NEVER")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        analysis(parameters);
        failOn(parameters);
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        FairnessAnalysis analysis = analysis(parameters);
        List<Artifact> schemas = context.inputs("schema");
        if (!schemas.isEmpty()) {
            Set<String> pii = PiiTags.features(SchemaFiles.read(
                            Path.of(schemas.get(schemas.size() - 1).uri()).resolve("schema.pbtxt")))
                    .keySet();
            for (String feature : concat(analysis.groupBy(), analysis.label())) {
                if (pii.contains(feature)) {
                    throw new ConfigException("node " + context.nodeId() + ": feature " + feature + ": expected a "
                            + "group or label the schema does not mark PII, found it marked (the report would hold its "
                            + "values)");
                }
            }
        }
        List<Artifact> inputs = context.inputs("examples");
        Artifact source = inputs.get(inputs.size() - 1);
        Optional<String> only = parameters.string("split");
        if (only.isPresent() && !Splits.of(source).contains(only.get())) {
            throw new ConfigException("node " + context.nodeId() + ": parameter split: expected one of "
                    + Splits.of(source) + ", found " + only.get());
        }
        Path out = context.outputDirectory("fairness");
        List<String> splits = new ArrayList<>();
        long findings = 0;
        for (String split : Splits.of(source)) {
            if (only.isPresent() && !only.get().equals(split)) {
                continue;
            }
            List<Path> files = LabelJoin.dataFiles(Splits.directory(Path.of(source.uri()), split));
            for (int i = 0; i < files.size(); i++) {
                FairnessReport report = analysis.analyze(files.get(i));
                String suffix = files.size() == 1 ? "" : "-" + i;
                Path directory = Splits.directory(out, split);
                Files.createDirectories(directory);
                AtomicFiles.write(
                        directory.resolve(REPORT_FILE.replace(".json", suffix + ".json")),
                        stream -> FairnessJson.write(report, stream));
                AnomaliesFiles.write(
                        report.toAnomalies(), directory.resolve(ANOMALIES_FILE.replace(".pbtxt", suffix + ".pbtxt")));
                findings += report.findings().size();
            }
            splits.add(split);
        }
        context.setOutputProperty("fairness", Splits.PROPERTY, Splits.property(splits));
        context.setOutputProperty("fairness", "span", Value.of(Splits.span(inputs)));
        context.setOutputProperty("fairness", "summary.fairness_alarms", Value.of(findings));
        if (findings > 0 && failOn(parameters).equals("ERROR")) {
            context.block(findings + " fairness findings (see Split-*/" + REPORT_FILE + ")");
        } else if (findings > 0) {
            context.warn(findings + " fairness findings, below fail_on NEVER");
        }
    }

    private static FairnessAnalysis analysis(Parameters p) {
        List<String> group = p.list("group");
        if (group.isEmpty() || group.stream().anyMatch(String::isBlank)) {
            throw new ConfigException("parameter group: expected one or more feature names, found " + group);
        }
        String label = p.string("label").orElse("");
        if (label.isBlank()) {
            throw new ConfigException("parameter label: expected a feature name, found an empty one");
        }
        Map<String, Double> reference = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : p.map("reference").entrySet()) {
            try {
                reference.put(entry.getKey(), Double.parseDouble(entry.getValue()));
            } catch (NumberFormatException e) {
                throw new ConfigException("parameter reference: " + entry.getKey() + ": expected a share in (0, 1], "
                        + "found " + entry.getValue());
            }
        }
        long minGroupSize = p.integer("min_group_size").orElse(20L);
        if (minGroupSize < 1 || minGroupSize > Integer.MAX_VALUE) {
            throw new ConfigException("parameter min_group_size: expected a whole number >= 1, found " + minGroupSize);
        }
        FairnessThresholds defaults = FairnessThresholds.DEFAULT;
        try {
            return new FairnessAnalysis(
                    group,
                    label,
                    p.string("positive"),
                    reference,
                    new FairnessThresholds(
                            p.decimal("min_share_ratio").orElse(defaults.minShareRatio()),
                            p.decimal("max_class_imbalance").orElse(defaults.maxClassImbalance()),
                            p.decimal("max_dpl").orElse(defaults.maxDpl()),
                            p.decimal("max_tvd").orElse(defaults.maxTvd()),
                            p.decimal("max_missing_gap").orElse(defaults.maxMissingGap()),
                            (int) minGroupSize),
                    TableOptions.DEFAULT);
        } catch (ConfigException e) {
            String message = e.getMessage()
                    .replace("--reference", "reference")
                    .replace("--group-by", "group")
                    .replace("min share ratio", "min_share_ratio")
                    .replace("max class imbalance", "max_class_imbalance")
                    .replace("max DPL", "max_dpl")
                    .replace("max TVD", "max_tvd")
                    .replace("max missing gap", "max_missing_gap");
            throw new ConfigException("parameter " + message);
        }
    }

    private static String failOn(Parameters parameters) {
        String failOn = parameters.string("fail_on").orElse("ERROR").strip().toUpperCase(Locale.ROOT);
        if (!failOn.equals("ERROR") && !failOn.equals("NEVER")) {
            throw new ConfigException(
                    "parameter fail_on: expected ERROR or NEVER (fairness findings are errors), " + "found " + failOn);
        }
        return failOn;
    }

    private static List<String> concat(List<String> group, String label) {
        List<String> all = new ArrayList<>(group);
        all.add(label);
        return all;
    }
}
