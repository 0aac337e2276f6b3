package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Event;
import dev.veracity.metadata.EventType;
import dev.veracity.metadata.Execution;
import dev.veracity.metadata.MetadataStore;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * TFX's Pusher for data: copies the files of its {@code artifacts} inputs (any type, any number) to
 * {@code destination} ({@code {SPAN}} in it becomes the span), as {@code destination/NODE/OUTPUT/...}, only when
 * every {@code blessing} input is blessed: its execution was not blocked, its {@code blessed} property (if any) is
 * not 0, and with {@code require_blessing} it is 1. The copy is made in a temporary directory beside the destination
 * and renamed into place, so a reader sees all of it or nothing; an earlier export there is replaced. When not
 * blessed it writes nothing there and records why ({@code summary.exported} "no (reason)", and the
 * {@code export.json} of its output). A destination that is, holds or lies inside an input is refused.
 *
 * <pre>{@code
 * export: {component: Export, inputs: {artifacts: [statistics.statistics, schema.schema], blessing: validate.anomalies},
 *          parameters: {destination: "published/span-{SPAN}"}}
 * }</pre>
 */
public final class Export implements Component {
    /** What an export did ({@code export.json}: where to, which artifacts, or why not). */
    public static final ArtifactType EXPORT_RECORD = new ArtifactType("ExportRecord");

    static final String RECORD_FILE = "export.json";

    private static final ComponentSpec SPEC = new ComponentSpec(
            "Export",
            "1",
            List.of(
                    InputPort.required("artifacts", ArtifactType.ANY),
                    InputPort.optional("blessing", ArtifactType.ANY)),
            List.of(new OutputPort("exported", EXPORT_RECORD)),
            List.of(
                    ParameterSpec.required(
                            "destination", ParameterType.STRING, "the directory to copy to; {SPAN} is the span"),
                    ParameterSpec.optional(
                            "require_blessing",
                            ParameterType.BOOLEAN,
                            "export only when every blessing input says blessed=1 (default false)")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        String destination = parameters.string("destination").orElse("");
        if (destination.isBlank()) {
            throw new ConfigException("parameter destination: expected a directory, found an empty name");
        }
        if (destination.replace("{SPAN}", "").contains("{")) {
            throw new ConfigException(
                    "parameter destination: expected no placeholder but {SPAN}, found " + destination);
        }
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        List<Artifact> artifacts = context.inputs("artifacts");
        long span = Splits.span(artifacts);
        Path destination = Path.of(context.parameters()
                        .string("destination")
                        .orElseThrow()
                        .replace("{SPAN}", Long.toString(Math.max(span, 0))))
                .toAbsolutePath()
                .normalize();
        List<Artifact> all = new ArrayList<>(artifacts);
        all.addAll(context.inputs("blessing"));
        for (Artifact input : all) {
            Path path = Path.of(input.uri()).toAbsolutePath().normalize();
            if (destination.startsWith(path) || path.startsWith(destination)) {
                throw new ConfigException("node " + context.nodeId() + ": parameter destination: expected a directory "
                        + "apart from the inputs, found " + destination + " (input " + path + "): exporting there "
                        + "would destroy an input");
            }
        }
        Optional<String> refusal = refusal(context);
        Path record = context.outputDirectory("exported").resolve(RECORD_FILE);
        if (refusal.isPresent()) {
            context.warn("not exported: " + refusal.get());
            Files.writeString(record, "{\"exported\": false, \"reason\": " + quote(refusal.get()) + "}\n");
            context.setOutputProperty("exported", "summary.exported", Value.of("no (" + refusal.get() + ")"));
            context.setOutputProperty("exported", "span", Value.of(span));
            return;
        }
        List<String> copied = copy(context.store(), artifacts, destination);
        StringBuilder json = new StringBuilder("{\"exported\": true, \"destination\": ")
                .append(quote(destination.toString()))
                .append(", \"artifacts\": [");
        for (int i = 0; i < copied.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(quote(copied.get(i)));
        }
        Files.writeString(record, json.append("]}\n"), StandardCharsets.UTF_8);
        context.setOutputProperty("exported", "summary.exported", Value.of("yes"));
        context.setOutputProperty("exported", "destination", Value.of(destination.toString()));
        context.setOutputProperty("exported", "span", Value.of(span));
    }

    /** {@return why the blessing inputs forbid the export, if they do} */
    private static Optional<String> refusal(ExecutionContext context) {
        boolean required = context.parameters().bool("require_blessing", false);
        for (Artifact blessing : context.inputs("blessing")) {
            String name = producer(context.store(), blessing);
            for (Execution execution : producers(context.store(), blessing)) {
                String blocked =
                        execution.property("blocked").map(Value::stringValue).orElse("");
                if (!blocked.isEmpty()) {
                    return Optional.of(name + " blocked");
                }
            }
            Optional<Long> blessed = blessing.property("blessed").map(Value::intValue);
            if (blessed.isPresent() && blessed.get() == 0) {
                return Optional.of(name + " not blessed");
            }
            if (required && !blessed.equals(Optional.of(1L))) {
                return Optional.of(name + " not blessed (require_blessing)");
            }
        }
        return Optional.empty();
    }

    private static List<String> copy(MetadataStore store, List<Artifact> artifacts, Path destination)
            throws IOException {
        Path parent = destination.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, "." + destination.getFileName() + ".tmp-");
        List<String> copied = new ArrayList<>();
        try {
            Set<String> names = new LinkedHashSet<>();
            for (Artifact artifact : artifacts) {
                String name = producer(store, artifact);
                if (!names.add(name)) {
                    name = name + "-" + artifact.id();
                    names.add(name);
                }
                Path target = temporary.resolve(name);
                ExportCopy.tree(Path.of(artifact.uri()), target);
                copied.add(name);
            }
            ExportCopy.replace(temporary, destination);
        } finally {
            ExportCopy.delete(temporary);
        }
        return copied;
    }

    /** {@return NODE/OUTPUT of the execution that made the artifact, or artifact-ID} */
    private static String producer(MetadataStore store, Artifact artifact) {
        for (Event event : store.eventsByArtifacts(List.of(artifact.id()))) {
            if (event.type() != EventType.OUTPUT) {
                continue;
            }
            Optional<String> node = store.execution(event.executionId())
                    .flatMap(e -> e.property("node"))
                    .map(Value::stringValue);
            Optional<String> output = event.path().stream()
                    .filter(step -> step instanceof Event.Step.Key)
                    .map(step -> ((Event.Step.Key) step).key())
                    .findFirst();
            if (node.isPresent() && output.isPresent()) {
                return node.get() + "/" + output.get();
            }
        }
        return "artifact-" + artifact.id();
    }

    private static List<Execution> producers(MetadataStore store, Artifact artifact) {
        List<Execution> executions = new ArrayList<>();
        for (Event event : store.eventsByArtifacts(List.of(artifact.id()))) {
            if (event.type() == EventType.OUTPUT) {
                store.execution(event.executionId()).ifPresent(executions::add);
            }
        }
        return executions;
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
