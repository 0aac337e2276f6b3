package dev.veracity.beam.transform;

import dev.veracity.transform.FileAnalysis;
import dev.veracity.transform.TransformSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Analyzes one input file, given with its position in the file list, with the local fit's readers and analyzers, and
 * emits the analysis state ({@link FileAnalysis#write}) under that position.
 *
 * <pre>{@code
 * files.apply(ParDo.of(new AnalyzeFile(specText, ReadSettings.of(read))));
 * }</pre>
 */
final class AnalyzeFile extends DoFn<KV<Integer, String>, KV<Integer, byte[]>> {
    private static final long serialVersionUID = 1L;

    private final SpecText specText;
    private final ReadSettings read;
    private transient TransformSpec spec;

    AnalyzeFile(SpecText specText, ReadSettings read) {
        this.specText = specText;
        this.read = read;
    }

    @Setup
    public void setup() {
        spec = specText.spec();
    }

    @ProcessElement
    public void process(@Element KV<Integer, String> file, OutputReceiver<KV<Integer, byte[]>> out) throws IOException {
        FileAnalysis analysis = FileAnalysis.of(spec, Path.of(file.getValue()), read.options());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        analysis.write(data);
        data.flush();
        out.output(KV.of(file.getKey(), bytes.toByteArray()));
    }
}
