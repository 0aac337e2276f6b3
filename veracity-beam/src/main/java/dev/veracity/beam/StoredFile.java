package dev.veracity.beam;

import dev.veracity.io.csv.CsvSplits;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;

/**
 * A file on any Beam file system (local, HDFS, GCS, S3), opened from an offset by its name on whichever worker reads
 * it.
 *
 * <pre>{@code
 * InputStream in = new StoredFile("gs://bucket/a.csv").openAt(1 << 20);
 * }</pre>
 *
 * @param name the file's resource name, as {@link org.apache.beam.sdk.io.fs.ResourceId#toString()} gives it
 */
record StoredFile(String name) implements CsvSplits.Opener, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public InputStream openAt(long offset) throws IOException {
        ReadableByteChannel channel = FileSystems.open(FileSystems.matchNewResource(name, false));
        if (offset > 0) {
            try {
                ((SeekableByteChannel) channel).position(offset);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        return Channels.newInputStream(channel);
    }
}
