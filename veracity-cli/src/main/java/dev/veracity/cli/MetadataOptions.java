package dev.veracity.cli;

import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.yaml.PipelineFile;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which metadata store a command uses: {@code --metadata} (a SQLite file or a JDBC URL), else the one a pipeline
 * file names. Credentials come from VERACITY_METADATA_USER and VERACITY_METADATA_PASSWORD, never the command line.
 */
final class MetadataOptions {
    @Option(names = "--metadata", paramLabel = "FILE|JDBC-URL",
            description = "The metadata store: a SQLite file or jdbc:postgresql://... (default: the pipeline's).")
    String metadata;

    /** {@return the store named by --metadata, else the pipeline file's} */
    MetadataStore open(PipelineFile pipeline) {
        return MetadataStore.open(config(pipeline == null ? null : pipeline.metadata()));
    }

    /** {@return the store named by --metadata, else by --pipeline's file} */
    MetadataStore open(Path pipelineFile) throws IOException {
        if (metadata == null && pipelineFile == null) {
            throw new dev.veracity.ConfigException("expected --metadata FILE|JDBC-URL or --pipeline FILE, found neither");
        }
        return open(metadata == null ? PipelineFile.read(pipelineFile) : null);
    }

    private MetadataConfig config(MetadataConfig fallback) {
        MetadataConfig config = metadata != null ? MetadataConfig.parse(metadata) : fallback;
        String user = System.getenv().getOrDefault("VERACITY_METADATA_USER", "");
        String password = System.getenv().getOrDefault("VERACITY_METADATA_PASSWORD", "");
        return user.isEmpty() ? config : config.withCredentials(user, password);
    }
}
