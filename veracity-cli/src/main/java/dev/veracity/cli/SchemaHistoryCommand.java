package dev.veracity.cli;

import dev.veracity.io.SchemaFiles;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.ArtifactState;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.components.SpanPattern;
import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaChange;
import dev.veracity.schema.SchemaDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity metadata schema-history}: every schema version in the store, span after span, with its diff. */
@Command(
        name = "schema-history",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows how the schema changed span after span: every Schema artifact in the",
            "store (by span, then age; identical consecutive versions once), each with",
            "'schema diff' against the one before it (features added, removed, their type",
            "or domain changed); and, where a DriftCheck ran, the features whose drift",
            "raised an alarm in each span (summary.drift_alarms). Spans are shown as",
            "dates when the pipeline's input pattern is a date.",
            ""
        },
        footer = {"%nExample:", "  veracity metadata schema-history --pipeline examples/pipeline.yaml"})
final class SchemaHistoryCommand implements Callable<Integer> {
    private static final String DRIFT_ALARMS = "summary.drift_alarms";

    @Spec
    CommandSpec spec;

    @Option(names = "--node", paramLabel = "PIPELINE.NODE", description = "Only schemas of this node context.")
    String node;

    @Mixin
    MetadataOptions metadata;

    @Mixin
    VerboseOption verbose;

    private static long span(Artifact artifact) {
        return artifact.property("span").map(Value::intValue).orElse(-1L);
    }

    private static String label(long span, boolean dates) {
        return span < 0 ? "-" : SpanPattern.label(span, dates);
    }

    private static String describe(Artifact artifact, boolean dates) {
        return "artifact " + artifact.id() + " " + artifact.type()
                + (artifact.property("span").isPresent() ? " span " + label(span(artifact), dates) : "") + " "
                + artifact.uri();
    }

    /** {@return whether the store's spans are dates: an Examples artifact says {@code span_date}} */
    private static boolean datesIn(MetadataStore store) {
        return store.artifactsByType("Examples").stream()
                .anyMatch(a -> a.property("span_date").isPresent());
    }

    /**
     * {@return per span, the features over their drift threshold ({@code summary.drift_alarms} of the artifacts
     * DriftCheck made; an empty list when the span has a check and no alarm)}
     */
    private static Map<Long, List<String>> driftAlarms(MetadataStore store) {
        Map<Long, List<String>> alarms = new TreeMap<>();
        for (Artifact artifact : store.artifacts()) {
            Optional<Value> value = artifact.property(DRIFT_ALARMS);
            if (value.isEmpty() || artifact.state() != ArtifactState.LIVE) {
                continue;
            }
            List<String> features = alarms.computeIfAbsent(span(artifact), s -> new ArrayList<>());
            for (String feature : value.get().toString().split(",")) {
                if (!feature.isBlank() && !features.contains(feature.strip())) {
                    features.add(feature.strip());
                }
            }
        }
        return alarms;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (MetadataStore store = metadata.open()) {
            List<Artifact> schemas = new ArrayList<>(
                    node == null
                            ? store.artifactsByType("Schema")
                            : store
                                    .context("node", node)
                                    .map(Context::id)
                                    .map(store::artifactsByContext)
                                    .orElseThrow(() -> new dev.veracity.ConfigException(
                                            "--node: expected PIPELINE.NODE of the store, " + "found \"" + node + "\""))
                                    .stream()
                                    .filter(a -> a.type().equals("Schema"))
                                    .toList());
            schemas.removeIf(a -> a.state() != ArtifactState.LIVE && a.state() != ArtifactState.REFERENCE);
            schemas.sort(Comparator.comparingLong(SchemaHistoryCommand::span).thenComparingLong(Artifact::id));
            Map<Long, List<String>> drift = driftAlarms(store);
            boolean dates = datesIn(store);
            java.util.TreeSet<Long> spans = new java.util.TreeSet<>(drift.keySet());
            schemas.forEach(a -> spans.add(span(a)));
            Schema before = null;
            String beforeDigest = "";
            for (long span : spans) {
                boolean shown = false;
                for (Artifact artifact : schemas) {
                    if (span(artifact) != span) {
                        continue;
                    }
                    String digest =
                            artifact.property("digest").map(Value::stringValue).orElse("");
                    if (digest.equals(beforeDigest) && !digest.isEmpty()) {
                        continue;
                    }
                    Path file = Path.of(artifact.uri());
                    file = Files.isDirectory(file) ? file.resolve("schema.pbtxt") : file;
                    if (!Files.exists(file)) {
                        out.println(describe(artifact, dates) + ": file gone");
                        continue;
                    }
                    Schema schema = SchemaFiles.read(file, true);
                    out.println(describe(artifact, dates) + " (" + schema.getFeatureCount() + " features)");
                    shown = true;
                    if (before == null) {
                        out.println("  first version");
                    } else {
                        List<SchemaChange> changes = SchemaDiff.between(before, schema);
                        out.print(
                                changes.isEmpty()
                                        ? "  no change\n"
                                        : TerminalText.escapeKeepingLines(SchemaChangeTable.render(changes)
                                                .indent(2)));
                    }
                    before = schema;
                    beforeDigest = digest;
                }
                if (drift.containsKey(span)) {
                    if (!shown) {
                        out.println("span " + label(span, dates) + ": schema unchanged");
                    }
                    List<String> alarms = drift.get(span);
                    out.println("  drift alarms: "
                            + (alarms.isEmpty() ? "none" : TerminalText.escape(String.join(", ", alarms))));
                }
            }
            if (schemas.isEmpty()) {
                out.println("no Schema artifacts in " + store);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
