package dev.veracity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code veracity pipeline}: runs a TFX-style pipeline file, and explains its cache misses. */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a TFX-style pipeline file, with caching and lineage: one span, or span",
            "after span (backfill); shows each node's last execution per span (status).",
            "Components: ExampleGen, StatisticsGen, SchemaGen, ExampleValidator, FeatureSelection,",
            "Importer, Resolver, or your own Java class; the DAG is defined in a YAML file.",
            ""
        },
        subcommands = {
            PipelineRunCommand.class,
            PipelineBackfillCommand.class,
            PipelineStatusCommand.class,
            WhyNotCachedCommand.class
        },
        footer = {
            "%nExamples:",
            "  veracity pipeline run examples/pipeline.yaml",
            "  veracity pipeline run examples/pipeline.yaml --dry-run",
            "  veracity pipeline backfill pipeline.yaml --from 2026-12-01 --to 2026-12-07",
            "  veracity pipeline status examples/pipeline.yaml",
            "  veracity pipeline why-not-cached examples/pipeline.yaml statistics"
        })
final class PipelineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "expected a pipeline command: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
