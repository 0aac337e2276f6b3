package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.checks.ChecksFile;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.schema.DatasetView;
import dev.veracity.schema.Validator;
import dev.veracity.validate.checks.Check;
import dev.veracity.validate.checks.CheckSet;
import dev.veracity.validate.checks.CustomChecks;
import dev.veracity.validate.example.RowCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * TFX's ExampleValidator: validates the statistics of each split against a schema with {@link Validator} (and
 * against the previous span's statistics when {@code previous} is wired, for the schema's drift comparators); writes
 * {@code Split-<name>/anomalies.pbtxt}. Anomalies at or above {@code fail_on} (ERROR by default; WARNING; NEVER)
 * fail the run after the anomalies are recorded; {@code severity} lowers or raises one anomaly type. {@code checks}
 * names a checks file whose custom checks add {@code CUSTOM_VALIDATION} anomalies (its digest is in the cache key;
 * change checks are skipped, with a warning, when no previous statistics are wired). With {@code quarantine: true} and
 * the {@code examples} wired, every row is validated as {@code veracity validate-examples --quarantine} does (the
 * checks file's row rules too): the clean rows become {@code clean_examples} (ExampleGen's layout and format, for the
 * components downstream) and the others {@code quarantine} ({@code Split-<name>/quarantine.<ext>} and the reasons of
 * each row in {@code Split-<name>/reasons.jsonl}). The anomalies artifact states {@code summary.anomalies},
 * {@code summary.top_reasons} and (with quarantine) {@code summary.quarantined}. Freshness checks are measured at the
 * run's time, stated as the anomalies' {@code checked_at}: the parameter {@code now}, else the end of the statistics'
 * span when spans are dates ({@code {YYYY}{MM}{DD}}: midnight UTC after the span's day), else the run's start.
 *
 * <pre>{@code
 * validate: {component: ExampleValidator, inputs: {statistics: s.statistics, schema: g.schema}, parameters: {fail_on: ERROR}}
 * screen: {component: ExampleValidator, inputs: {statistics: s.statistics, schema: g.schema, examples: gen.examples},
 *          parameters: {quarantine: true, fail_on: NEVER}}
 * }</pre>
 */
public final class ExampleValidator implements Component {
    /** The anomalous rows of a quarantine and their reasons ({@code Split-<name>/quarantine.<ext>}). */
    public static final ArtifactType EXAMPLE_QUARANTINE = new ArtifactType("ExampleQuarantine");

    /** The anomalies file in each split of an anomalies artifact (and of a DriftCheck's drift). */
    static final String ANOMALIES_FILE = "anomalies.pbtxt";

    private static final List<OutputPort> QUARANTINE_OUTPUTS = List.of(
            new OutputPort("clean_examples", ArtifactType.EXAMPLES), new OutputPort("quarantine", EXAMPLE_QUARANTINE));

    private static final ComponentSpec SPEC = new ComponentSpec(
            "ExampleValidator",
            "3",
            List.of(
                    InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS),
                    InputPort.required("schema", ArtifactType.SCHEMA),
                    InputPort.optional("previous", ArtifactType.EXAMPLE_STATISTICS),
                    InputPort.optional("examples", ArtifactType.EXAMPLES)),
            List.of(new OutputPort("anomalies", ArtifactType.EXAMPLE_ANOMALIES)),
            List.of(
                    ParameterSpec.optional("exclude_splits", ParameterType.LIST, "splits not to validate"),
                    ParameterSpec.optional("environment", ParameterType.STRING, "the schema environment, e.g. SERVING"),
                    ParameterSpec.optional(
                            "fail_on",
                            ParameterType.STRING,
                            "ERROR (default), WARNING or NEVER: the severity that fails the run"),
                    ParameterSpec.optional(
                            "severity",
                            ParameterType.MAP,
                            "anomaly type to severity, e.g. ENUM_TYPE_UNEXPECTED_STRING_VALUES: WARNING"),
                    ParameterSpec.optional(
                            "checks",
                            ParameterType.STRING,
                            "a checks file (checks.yaml): custom checks, CUSTOM_VALIDATION anomalies"),
                    ParameterSpec.optional(
                            "now",
                            ParameterType.STRING,
                            "the run's time of freshness checks (ISO-8601, UTC without an offset, or epoch seconds);"
                                    + " default: the end of a date span, else the run's start"),
                    ParameterSpec.optional(
                            "quarantine",
                            ParameterType.BOOLEAN,
                            "validate every row of the examples input; outputs clean_examples and quarantine")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public ComponentSpec spec(Parameters parameters) {
        if (!parameters.bool("quarantine", false)) {
            return SPEC;
        }
        List<InputPort> inputs = SPEC.inputs().stream()
                .map(port -> port.name().equals("examples") ? InputPort.required("examples", port.type()) : port)
                .toList();
        List<OutputPort> outputs = new ArrayList<>(SPEC.outputs());
        outputs.addAll(QUARANTINE_OUTPUTS);
        return new ComponentSpec(SPEC.type(), SPEC.codeVersion(), inputs, outputs, SPEC.parameters());
    }

    /**
     * {@return the run's time of freshness checks: the parameter {@code now}, else the end of the newest statistics'
     * date span, else the run's start}
     */
    static Instant runTime(ExecutionContext context) {
        Optional<String> now = context.parameters().string("now");
        if (now.isPresent()) {
            return parseTime(now.get());
        }
        return context.inputs("statistics").stream()
                .flatMap(statistics -> statistics.property("span_date").stream())
                .map(Value::stringValue)
                .max(Comparator.naturalOrder())
                .map(date -> LocalDate.parse(date)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant())
                .orElse(context.runStart());
    }

    private static Instant parseTime(String value) {
        String text = value.strip();
        try {
            if (text.matches("-?[0-9]+(\\.[0-9]+)?")) {
                double seconds = Double.parseDouble(text);
                return Instant.ofEpochSecond((long) Math.floor(seconds), (long) ((seconds % 1) * 1e9));
            }
            char last = text.charAt(text.length() - 1);
            return last == 'Z' || last == 'z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10
                    ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new ConfigException("parameter now: expected an ISO-8601 time (2024-05-08T06:00:00Z) or epoch"
                    + " seconds, found \"" + value + "\"");
        }
    }

    @Override
    public void validate(Parameters parameters) {
        parameters.string("now").ifPresent(ExampleValidator::parseTime);
        String failOn = parameters.string("fail_on").orElse("ERROR").toUpperCase(Locale.ROOT);
        if (!List.of("ERROR", "WARNING", "NEVER").contains(failOn)) {
            throw new ConfigException("parameter fail_on: expected ERROR, WARNING or NEVER, found " + failOn);
        }
        for (Map.Entry<String, String> entry : parameters.map("severity").entrySet()) {
            type(entry.getKey());
            severity(entry.getValue());
        }
    }

    @Override
    public List<ExternalFile> externalInputs(Parameters parameters) {
        return parameters
                .string("checks")
                .map(file -> List.of(ExternalFile.of(Path.of(file))))
                .orElse(List.of());
    }

    @Override
    public void execute(ExecutionContext context) throws Exception {
        Parameters parameters = context.parameters();
        String failOn = parameters.string("fail_on").orElse("ERROR").toUpperCase(Locale.ROOT);
        if (!List.of("ERROR", "WARNING", "NEVER").contains(failOn)) {
            throw new ConfigException("node " + context.nodeId() + ": parameter fail_on: expected ERROR, WARNING or "
                    + "NEVER, found " + failOn);
        }
        List<Artifact> schemas = context.inputs("schema");
        Schema schema =
                SchemaFiles.read(Path.of(schemas.get(schemas.size() - 1).uri()).resolve("schema.pbtxt"));
        List<Artifact> previous = context.inputs("previous");
        Path out = context.outputDirectory("anomalies");
        CheckSet checkSet = parameters.has("checks")
                ? ChecksFile.read(context.externalInputs().get(0).path())
                : new CheckSet(List.of(), List.of());
        List<Check> checks = checkSet.checks();
        Map<String, Long> reasons = new HashMap<>();
        long changesSkipped = 0;
        List<String> validated = new ArrayList<>();
        long errors = 0;
        long warnings = 0;
        Instant checkedAt = runTime(context);
        for (Artifact statistics : context.inputs("statistics")) {
            for (String split : Splits.of(statistics)) {
                if (parameters.list("exclude_splits").contains(split) || validated.contains(split)) {
                    continue;
                }
                DatasetFeatureStatisticsList current = StatisticsFiles.read(
                        Splits.directory(Path.of(statistics.uri()), split).resolve("FeatureStats.pb"));
                Validator validator = Validator.validate(current, schema);
                if (parameters.has("environment")) {
                    validator = validator.environment(
                            parameters.string("environment").orElseThrow());
                }
                for (Map.Entry<String, String> entry :
                        parameters.map("severity").entrySet()) {
                    validator = validator.severity(type(entry.getKey()), severity(entry.getValue()));
                }
                DatasetFeatureStatisticsList previousStatistics = null;
                if (!previous.isEmpty()) {
                    Path before = Splits.directory(
                                    Path.of(previous.get(previous.size() - 1).uri()), split)
                            .resolve("FeatureStats.pb");
                    if (Files.exists(before)) {
                        previousStatistics = StatisticsFiles.read(before);
                        validator = validator.previous(previousStatistics);
                    }
                }
                Anomalies anomalies = validator.run();
                if (!checks.isEmpty()) {
                    List<Check> runnable = previousStatistics != null
                            ? checks
                            : checks.stream()
                                    .filter(c -> !c.change().isBounded())
                                    .toList();
                    changesSkipped += checks.size() - runnable.size();
                    CustomChecks run = CustomChecks.of(runnable).now(checkedAt);
                    if (previousStatistics != null) {
                        run.previous(DatasetView.of(previousStatistics, null).dataset());
                    }
                    anomalies = CustomChecks.addTo(
                            anomalies,
                            run.evaluate(DatasetView.of(current, null).dataset()));
                }
                Path file = Splits.directory(out, split).resolve(ANOMALIES_FILE);
                Files.createDirectories(file.getParent());
                AnomaliesFiles.write(anomalies, file);
                AnomaliesFiles.write(anomalies, Splits.anomalies(out, split));
                for (AnomalyInfo info : infos(anomalies)) {
                    info.getReasonList().forEach(r -> reasons.merge(r.getType().name(), 1L, Long::sum));
                    if (info.getSeverity() == AnomalyInfo.Severity.WARNING) {
                        warnings++;
                    } else {
                        errors++;
                    }
                }
                validated.add(split);
            }
        }
        if (changesSkipped > 0) {
            context.warn(changesSkipped + " change checks skipped: no previous statistics to compare with");
        }
        context.setOutputProperty("anomalies", Splits.PROPERTY, Splits.property(validated));
        context.setOutputProperty("anomalies", "span", Value.of(Splits.span(context.inputs("statistics"))));
        context.setOutputProperty("anomalies", "num_errors", Value.of(errors));
        context.setOutputProperty("anomalies", "num_warnings", Value.of(warnings));
        context.setOutputProperty("anomalies", "summary.anomalies", Value.of(errors + warnings));
        context.setOutputProperty("anomalies", "summary.top_reasons", Value.of(topReasons(reasons)));
        context.setOutputProperty("anomalies", "checked_at", Value.of(checkedAt.toString()));
        if (parameters.bool("quarantine", false)) {
            quarantine(context, schema, checkSet);
        }
        long blocking = switch (failOn) {
            case "ERROR" -> errors;
            case "WARNING" -> errors + warnings;
            default -> 0;
        };
        if (blocking > 0) {
            context.block(blocking + " anomalies at or above " + failOn + ", most often "
                    + topReasons(reasons).replace(",", ", ") + " (see the anomalies' Split-*/anomalies.pbtxt)");
        } else if (errors + warnings > 0) {
            context.warn(errors + " errors and " + warnings + " warnings, below fail_on " + failOn);
        }
    }

    private static void quarantine(ExecutionContext context, Schema schema, CheckSet checkSet) throws IOException {
        List<Artifact> examples = context.inputs("examples");
        ExampleValidatorQuarantine.Outcome outcome = ExampleValidatorQuarantine.run(
                schema,
                context.parameters().string("environment"),
                List.<RowCheck>copyOf(checkSet.rowRules()),
                examples,
                context.parameters().list("exclude_splits"),
                context.outputDirectory("clean_examples"),
                context.outputDirectory("quarantine"));
        Value span = Value.of(Splits.span(examples));
        for (String output : QUARANTINE_OUTPUTS.stream().map(OutputPort::name).toList()) {
            context.setOutputProperty(output, "span", span);
            context.setOutputProperty(output, Splits.PROPERTY, Splits.property(outcome.splits()));
        }
        context.setOutputProperty("clean_examples", "file_format", Value.of(outcome.format()));
        for (String split : outcome.splits()) {
            context.setOutputProperty(
                    "clean_examples",
                    "num_examples_" + split,
                    Value.of(outcome.clean().get(split)));
            context.setOutputProperty(
                    "quarantine",
                    "num_examples_" + split,
                    Value.of(outcome.quarantined().get(split)));
        }
        context.setOutputProperty("anomalies", "summary.quarantined", Value.of(outcome.quarantinedRows()));
    }

    /** {@return up to 3 anomaly type names, most frequent first (ties by name), comma separated} */
    static String topReasons(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(","));
    }

    private static List<AnomalyInfo> infos(Anomalies anomalies) {
        List<AnomalyInfo> infos = new ArrayList<>(anomalies.getAnomalyInfoMap().values());
        if (anomalies.hasDatasetAnomalyInfo()) {
            infos.add(anomalies.getDatasetAnomalyInfo());
        }
        if (anomalies.getDataMissing()) {
            infos.add(AnomalyInfo.newBuilder()
                    .setSeverity(AnomalyInfo.Severity.ERROR)
                    .build());
        }
        return infos;
    }

    private static AnomalyInfo.Type type(String name) {
        try {
            return AnomalyInfo.Type.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("parameter severity: expected a TFDV anomaly type such as "
                    + "ENUM_TYPE_UNEXPECTED_STRING_VALUES, found " + name);
        }
    }

    private static AnomalyInfo.Severity severity(String name) {
        try {
            return AnomalyInfo.Severity.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("parameter severity: expected one of "
                    + Arrays.toString(AnomalyInfo.Severity.values()) + ", found " + name);
        }
    }
}
