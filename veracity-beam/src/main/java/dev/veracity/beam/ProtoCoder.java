package dev.veracity.beam;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Beam's coder of one of our protobuf messages: its wire format, length-prefixed (Beam's own ProtoCoder would add a
 * module and a second protobuf runtime for the same few lines).
 */
final class ProtoCoder<T extends Message> extends CustomCoder<T> {
    private static final long serialVersionUID = 1L;
    private static final ByteArrayCoder BYTES = ByteArrayCoder.of();
    private final Class<T> type;
    private transient Parser<T> parser;

    private ProtoCoder(Class<T> type) {
        this.type = type;
    }

    /** {@return the coder of statistics lists} */
    static ProtoCoder<DatasetFeatureStatisticsList> statistics() {
        return new ProtoCoder<>(DatasetFeatureStatisticsList.class);
    }

    @Override
    public void encode(T value, OutputStream out) throws IOException {
        BYTES.encode(value.toByteArray(), out);
    }

    @Override
    public T decode(InputStream in) throws IOException {
        try {
            return parser().parseFrom(BYTES.decode(in));
        } catch (InvalidProtocolBufferException e) {
            throw new CoderException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Parser<T> parser() throws IOException {
        if (parser == null) {
            try {
                parser = (Parser<T>) type.getMethod("parser").invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new CoderException(e);
            }
        }
        return parser;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProtoCoder<?> coder && coder.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }
}
