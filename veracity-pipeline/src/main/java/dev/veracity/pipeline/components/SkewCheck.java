package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.skew.FeatureSkewDetector;
import dev.veracity.io.skew.SkewReportJson;
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
import dev.veracity.skew.FeatureSkew;
import dev.veracity.skew.FeatureSkewReport;
import dev.veracity.skew.SkewOptions;
import dev.veracity.stats.PiiProtection;
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
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * TFDV's feature skew between training and serving examples joined by key, split by split, as
 * {@code veracity skew --training T --serving S --key K -o skew.json} computes it: {@code Split-<name>/skew.json} for
 * every split both inputs have. A feature alarms when it differs in more than {@code threshold} of the matching
 * pairs (default 0: in any pair); the alarms are {@code summary.skew_alarms} and block only with
 * {@code fail_on: ERROR}. With a {@code schema}, features it marks PII are not compared, and if a key is PII no
 * sample pair or confusion count (which hold values) is written.
 *
 * <pre>{@code
 * skew: {component: SkewCheck, inputs: {training: gen.examples, serving: logs.examples},
 *        parameters: {key: [request_id], ignore: [label], threshold: 0.01}}
 * }</pre>
 */
public final class SkewCheck implements Component {
    /** The skew of training against serving ({@code Split-<name>/skew.json}). */
    public static final ArtifactType SKEW = new ArtifactType("SkewReport");

    private static final ComponentSpec SPEC = new ComponentSpec(
            "SkewCheck",
            "1",
            List.of(
                    InputPort.required("training", ArtifactType.EXAMPLES),
                    InputPort.required("serving", ArtifactType.EXAMPLES),
                    InputPort.optional("schema", ArtifactType.SCHEMA)),
            List.of(new OutputPort("skew", SKEW)),
            List.of(
                    ParameterSpec.required("key", ParameterType.LIST, "identifier features to join on"),
                    ParameterSpec.optional("ignore", ParameterType.LIST, "features not to compare"),
                    ParameterSpec.optional(
                            "float_round_digits", ParameterType.INT, "round floats to N digits (default: exact)"),
                    ParameterSpec.optional("samples", ParameterType.INT, "differing pairs kept (default 10)"),
                    ParameterSpec.optional(
                            "confusion_top", ParameterType.INT, "confusions kept per string feature (default 20)"),
                    ParameterSpec.optional(
                            "threshold",
                            ParameterType.DOUBLE,
                            "the fraction of matching pairs a feature may differ in (default 0)"),
                    ParameterSpec.optional("thresholds", ParameterType.MAP, "feature to threshold"),
                    ParameterSpec.optional("exclude_splits", ParameterType.LIST, "splits not to compare"),
                    ParameterSpec.optional(
                            "fail_on", ParameterType.STRING, "NEVER (default: warn only) or ERROR: skew blocks")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        options(parameters, Set.of());
        thresholds(parameters);
        failOn(parameters);
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        List<Artifact> schemas = context.inputs("schema");
        Set<String> pii = schemas.isEmpty()
                ? Set.of()
                : PiiProtection.features(SchemaFiles.read(
                        Path.of(schemas.get(schemas.size() - 1).uri()).resolve("schema.pbtxt")));
        SkewOptions options = options(parameters, pii);
        double threshold = parameters.decimal("threshold").orElse(0.0);
        Map<String, Double> thresholds = thresholds(parameters);
        Artifact training = last(context.inputs("training"));
        Artifact serving = last(context.inputs("serving"));
        Path out = context.outputDirectory("skew");
        TreeSet<String> alarms = new TreeSet<>();
        List<String> compared = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String split : Splits.of(training)) {
            if (!Splits.of(serving).contains(split)
                    || parameters.list("exclude_splits").contains(split)) {
                continue;
            }
            FeatureSkewReport report =
                    FeatureSkewDetector.detect(file(context, training, split), file(context, serving, split), options);
            Path file = Splits.directory(out, split).resolve("skew.json");
            Files.createDirectories(file.getParent());
            SkewReportJson.write(report, options, file);
            long pairs = report.matchStats().matchingPairsCount();
            if (pairs == 0) {
                unmatched.add(split);
            }
            for (FeatureSkew skew : report.featureSkew()) {
                double limit = thresholds.getOrDefault(skew.featureName(), threshold);
                if (pairs > 0 && (double) skew.diffCount() / pairs > limit) {
                    alarms.add(skew.featureName());
                }
            }
            compared.add(split);
        }
        if (compared.isEmpty()) {
            throw new ConfigException("node " + context.nodeId() + ": expected a split in both training "
                    + Splits.of(training) + " and serving " + Splits.of(serving) + ", found none to compare");
        }
        if (!unmatched.isEmpty()) {
            context.warn("no matching pairs in split(s) " + unmatched + ": no id of key "
                    + String.join(",", options.identifierFeatures())
                    + " has exactly one example on each side, so nothing was compared");
        }
        context.setOutputProperty("skew", Splits.PROPERTY, Splits.property(compared));
        context.setOutputProperty("skew", "span", Value.of(Splits.span(context.inputs("serving"))));
        context.setOutputProperty("skew", "summary.skew_alarms", Value.of(String.join(",", alarms)));
        if (!alarms.isEmpty()) {
            String message = alarms.size() + " feature(s) differ between training and serving over their threshold: "
                    + String.join(", ", alarms);
            if (failOn(parameters).equals("ERROR")) {
                context.block(message);
            } else {
                context.warn(message);
            }
        }
    }

    private static SkewOptions options(Parameters parameters, Set<String> pii) {
        List<String> keys = parameters.list("key");
        List<String> ignore = new ArrayList<>(parameters.list("ignore"));
        pii.stream()
                .filter(f -> !keys.contains(f) && !ignore.contains(f))
                .sorted()
                .forEach(ignore::add);
        boolean keyIsPii = keys.stream().anyMatch(pii::contains);
        try {
            return new SkewOptions(
                    keys,
                    ignore,
                    keyIsPii ? 0 : intParameter(parameters, "samples", 10),
                    parameters.has("float_round_digits")
                            ? intParameter(parameters, "float_round_digits", 0)
                            : SkewOptions.NO_ROUNDING,
                    keyIsPii ? 0 : intParameter(parameters, "confusion_top", SkewOptions.DEFAULT_CONFUSION_TOP_N));
        } catch (ConfigException e) {
            throw new ConfigException(
                    "parameters key, ignore, samples, float_round_digits, confusion_top: " + e.getMessage());
        }
    }

    private static int intParameter(Parameters parameters, String name, int otherwise) {
        long value = parameters.integer(name).orElse((long) otherwise);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new ConfigException("parameter " + name + ": expected a whole number >= 0, found " + value);
        }
        return (int) value;
    }

    private static Map<String, Double> thresholds(Parameters parameters) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        double threshold = parameters.decimal("threshold").orElse(0.0);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ConfigException("parameter threshold: expected a fraction in [0, 1], found " + threshold);
        }
        for (Map.Entry<String, String> entry : parameters.map("thresholds").entrySet()) {
            double value;
            try {
                value = Double.parseDouble(entry.getValue().strip());
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (!(value >= 0 && value <= 1)) {
                throw new ConfigException("parameter thresholds: " + entry.getKey()
                        + ": expected a fraction in [0, 1], found " + entry.getValue());
            }
            thresholds.put(entry.getKey(), value);
        }
        return thresholds;
    }

    private static String failOn(Parameters parameters) {
        String failOn = parameters.string("fail_on").orElse("NEVER").strip().toUpperCase(Locale.ROOT);
        if (!failOn.equals("NEVER") && !failOn.equals("ERROR")) {
            throw new ConfigException("parameter fail_on: expected NEVER or ERROR, found " + failOn);
        }
        return failOn;
    }

    private static Artifact last(List<Artifact> artifacts) {
        return artifacts.get(artifacts.size() - 1);
    }

    /** {@return the one data file of a split} */
    private static Path file(ExecutionContext context, Artifact artifact, String split) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Splits.directory(Path.of(artifact.uri()), split))) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        Optional<Path> only = files.size() == 1 ? Optional.of(files.get(0)) : Optional.empty();
        return only.orElseThrow(() -> new ConfigException("node " + context.nodeId() + ": expected one data file in "
                + "split " + split + " of " + artifact.uri() + ", found " + files.size()));
    }
}
