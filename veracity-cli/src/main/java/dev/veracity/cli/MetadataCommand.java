package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity metadata}: queries the ML Metadata store pipelines record into. */
@Command(name = "metadata",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Queries the ML Metadata store of a pipeline: runs, artifacts, lineage of an",
            "artifact, and the history of its schema over spans.",
            ""},
        subcommands = {MetadataRunsCommand.class, MetadataArtifactsCommand.class, LineageCommand.class,
            SchemaHistoryCommand.class},
        footer = {"%nExamples:",
            "  veracity metadata runs --pipeline examples/pipeline.yaml",
            "  veracity metadata artifacts --pipeline examples/pipeline.yaml --type Schema",
            "  veracity metadata lineage --pipeline examples/pipeline.yaml out/pipeline/validate_eval/anomalies/7",
            "  veracity metadata schema-history --metadata out/pipeline/metadata.sqlite"})
final class MetadataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "expected a metadata command: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
