package dev.veracity.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a component reads from outside the pipeline (raw data, a curated schema). The runner records it as an
 * {@link ArtifactType#EXTERNAL_FILE} artifact with its content digest, puts the digest in the node's cache key, and
 * links it as an input of the execution, so lineage reaches the raw files.
 *
 * @param path    the file
 * @param span    the span its path encodes, or -1
 * @param version the version its path encodes, or -1
 */
public record ExternalFile(Path path, long span, long version) {
    public ExternalFile {
        Objects.requireNonNull(path, "path is null");
    }

    /** {@return an external file with no span or version} */
    public static ExternalFile of(Path path) {
        return new ExternalFile(path, -1, -1);
    }
}
