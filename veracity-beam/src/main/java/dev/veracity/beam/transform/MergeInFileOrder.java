package dev.veracity.beam.transform;

import dev.veracity.transform.FileAnalysis;
import dev.veracity.transform.TransformSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * The fit's analyzers as a Beam {@code CombineFn}: each input is one file's analysis state under its position in the
 * file list; accumulators ({@link FileOrder}) merge the files' analyses in file order, as the local fit does; the
 * output is the state of all files merged ({@link FileAnalysis#write}).
 *
 * <pre>{@code
 * analyses.apply(Combine.globally(new MergeInFileOrder(specText, files.size())));
 * }</pre>
 */
final class MergeInFileOrder extends Combine.CombineFn<KV<Integer, byte[]>, FileOrder, byte[]> {
    private static final long serialVersionUID = 1L;

    private final SpecText specText;
    private final int files;
    private transient TransformSpec spec;

    MergeInFileOrder(SpecText specText, int files) {
        this.specText = specText;
        this.files = files;
    }

    @Override
    public FileOrder createAccumulator() {
        return new FileOrder();
    }

    @Override
    public FileOrder addInput(FileOrder order, KV<Integer, byte[]> file) {
        if (spec == null) {
            spec = specText.spec();
        }
        try {
            order.add(
                    file.getKey(),
                    FileAnalysis.read(spec, new DataInputStream(new ByteArrayInputStream(file.getValue()))));
        } catch (IOException e) {
            throw new UncheckedIOException("the analysis of file " + file.getKey() + " does not read", e);
        }
        return order;
    }

    @Override
    public FileOrder mergeAccumulators(Iterable<FileOrder> orders) {
        FileOrder merged = new FileOrder();
        for (FileOrder order : orders) {
            merged.addAll(order);
        }
        return merged;
    }

    @Override
    public byte[] extractOutput(FileOrder order) {
        if (order.next() != files || !order.waiting().isEmpty()) {
            throw new IllegalStateException("expected the analyses of " + files + " files, found " + order.next()
                    + " in order and " + order.waiting().size() + " waiting");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            DataOutputStream out = new DataOutputStream(bytes);
            order.prefix().write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Coder<FileOrder> getAccumulatorCoder(CoderRegistry registry, Coder<KV<Integer, byte[]>> inputCoder) {
        return new FileOrderCoder(specText);
    }
}
