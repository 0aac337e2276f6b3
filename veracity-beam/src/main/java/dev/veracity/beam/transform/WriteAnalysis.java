package dev.veracity.beam.transform;

import dev.veracity.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Writes the merged analysis state to a local file (atomically) for the launching JVM to read back: the runners
 * give a pipeline's result to no one, so it goes through a file, as the statistics do.
 *
 * <pre>{@code
 * merged.apply(ParDo.of(new WriteAnalysis("/tmp/analysis.bin")));
 * }</pre>
 */
final class WriteAnalysis extends DoFn<byte[], Void> {
    private static final long serialVersionUID = 1L;

    private final String output;

    WriteAnalysis(String output) {
        this.output = output;
    }

    @ProcessElement
    public void process(@Element byte[] analysis) throws IOException {
        AtomicFiles.write(Path.of(output), out -> out.write(analysis));
    }
}
