package dev.veracity.beam.transform;

import dev.veracity.transform.FileAnalysis;
import dev.veracity.transform.TransformSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Encodes a {@link FileOrder} with the analyses' own state encoding ({@link FileAnalysis#write}, the analyzer cache's),
 * which reads back to analyses that merge exactly as before (the sketches' coins included).
 *
 * <pre>{@code
 * Coder<FileOrder> coder = new FileOrderCoder(specText);
 * }</pre>
 */
final class FileOrderCoder extends CustomCoder<FileOrder> {
    private static final long serialVersionUID = 1L;

    private final SpecText specText;
    private transient TransformSpec spec;

    FileOrderCoder(SpecText specText) {
        this.specText = specText;
    }

    @Override
    public void encode(FileOrder order, OutputStream outStream) throws IOException {
        DataOutputStream out = new DataOutputStream(outStream);
        out.writeInt(order.next());
        out.writeBoolean(order.prefix() != null);
        if (order.prefix() != null) {
            order.prefix().write(out);
        }
        out.writeInt(order.waiting().size());
        for (Map.Entry<Integer, FileAnalysis> e : order.waiting().entrySet()) {
            out.writeInt(e.getKey());
            e.getValue().write(out);
        }
        out.flush();
    }

    @Override
    public FileOrder decode(InputStream inStream) throws IOException {
        if (spec == null) {
            spec = specText.spec();
        }
        DataInputStream in = new DataInputStream(inStream);
        int next = in.readInt();
        FileOrder order = new FileOrder(next, in.readBoolean() ? FileAnalysis.read(spec, in) : null);
        for (int i = in.readInt(); i > 0; i--) {
            int index = in.readInt();
            order.add(index, FileAnalysis.read(spec, in));
        }
        return order;
    }

    @Override
    public void verifyDeterministic() {
        // the same accumulator gives the same bytes: FileAnalysis#write sorts what it holds in hash order
    }
}
