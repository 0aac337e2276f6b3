package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity metadata}: queries the ML Metadata store pipelines record into. */
@Command(
        name = "metadata",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Queries a pipeline's ML Metadata: runs, artifacts, lineage, schemas.",
            "Lists runs and artifacts, prints the lineage of an artifact, and shows how",
            "the schema changed span after span.",
            ""
        },
        subcommands = {
            MetadataRunsCommand.class,
            MetadataArtifactsCommand.class,
            LineageCommand.class,
            SchemaHistoryCommand.class
        },
        footer = {
            "%nExamples:",
            "  veracity metadata runs --pipeline examples/pipeline.yaml",
            "  veracity metadata artifacts --pipeline examples/pipeline.yaml --type Schema",
            "  veracity metadata lineage --pipeline examples/pipeline.yaml out/pipeline/validate_eval/anomalies/7",
            "  veracity metadata schema-history --metadata out/pipeline/metadata.sqlite"
        })
final class MetadataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a metadata command: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
