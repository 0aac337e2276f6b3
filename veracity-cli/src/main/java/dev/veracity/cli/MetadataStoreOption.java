package dev.veracity.cli;

import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.yaml.PipelineFile;
import picocli.CommandLine.Option;

/**
 * {@code --metadata}: the store a command uses instead of the one its pipeline file names (a SQLite file or a JDBC
 * URL). Credentials come from VERACITY_METADATA_USER and VERACITY_METADATA_PASSWORD, never the command line. The
 * pipeline commands, whose pipeline file is a parameter, mix in this option alone; the metadata commands mix in
 * {@link MetadataOptions}.
 */
final class MetadataStoreOption {
    @Option(
            names = "--metadata",
            paramLabel = "FILE|JDBC-URL",
            description = "The metadata store: a SQLite file or jdbc:postgresql://... (default: the pipeline's).")
    String metadata;

    /** {@return the store named by --metadata, else the pipeline file's} */
    MetadataStore open(PipelineFile pipeline) {
        return MetadataStore.open(config(pipeline == null ? null : pipeline.metadata()));
    }

    /** {@return whether --metadata was given} */
    boolean isGiven() {
        return metadata != null;
    }

    private MetadataConfig config(MetadataConfig fallback) {
        MetadataConfig config = metadata != null ? MetadataConfig.parse(metadata) : fallback;
        String user = System.getenv().getOrDefault("VERACITY_METADATA_USER", "");
        String password = System.getenv().getOrDefault("VERACITY_METADATA_PASSWORD", "");
        return user.isEmpty() ? config : config.withCredentials(user, password);
    }
}
