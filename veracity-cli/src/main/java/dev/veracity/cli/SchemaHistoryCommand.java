package dev.veracity.cli;

import dev.veracity.io.SchemaFiles;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.ArtifactState;
import dev.veracity.metadata.Context;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
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
            "'schema diff' against the one before it.",
            ""
        },
        footer = {"%nExample:", "  veracity metadata schema-history --pipeline examples/pipeline.yaml"})
final class SchemaHistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--node", paramLabel = "PIPELINE.NODE", description = "Only schemas of this node context.")
    String node;

    @Mixin
    MetadataOptions metadata;

    @Mixin
    VerboseOption verbose;

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
            schemas.sort(Comparator.comparingLong((Artifact a) ->
                            a.property("span").map(Value::intValue).orElse(-1L))
                    .thenComparingLong(Artifact::id));
            Schema before = null;
            String beforeDigest = "";
            for (Artifact artifact : schemas) {
                String digest =
                        artifact.property("digest").map(Value::stringValue).orElse("");
                if (digest.equals(beforeDigest) && !digest.isEmpty()) {
                    continue;
                }
                Path file = Path.of(artifact.uri());
                file = Files.isDirectory(file) ? file.resolve("schema.pbtxt") : file;
                if (!Files.exists(file)) {
                    out.println(LineageCommand.describe(artifact) + ": file gone");
                    continue;
                }
                Schema schema = SchemaFiles.read(file, true);
                out.println(LineageCommand.describe(artifact) + " (" + schema.getFeatureCount() + " features)");
                if (before == null) {
                    out.println("  first version");
                } else {
                    List<SchemaChange> changes = SchemaDiff.between(before, schema);
                    out.print(
                            changes.isEmpty()
                                    ? "  no change\n"
                                    : TerminalText.escapeKeepingLines(
                                            SchemaChangeTable.render(changes).indent(2)));
                }
                before = schema;
                beforeDigest = digest;
            }
            if (schemas.isEmpty()) {
                out.println("no Schema artifacts in " + store);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
