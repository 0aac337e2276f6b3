package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.yaml.PipelineFile;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which metadata store a metadata command queries: {@code --metadata} (a SQLite file or a JDBC URL), else the one
 * the pipeline file of {@code --pipeline} names. One of the two is required.
 */
final class MetadataOptions {
    @Mixin
    MetadataStoreOption store;

    @Option(names = "--pipeline", paramLabel = "FILE", description = "Use the metadata store of this pipeline file.")
    Path pipeline;

    /**
     * {@return the store named by --metadata, else by --pipeline's file}
     *
     * @throws ConfigException if neither is given
     */
    MetadataStore open() throws IOException {
        if (!store.isGiven() && pipeline == null) {
            throw new ConfigException("expected --metadata FILE|JDBC-URL or --pipeline FILE, found neither");
        }
        return store.open(store.isGiven() ? null : PipelineFile.read(pipeline));
    }
}
