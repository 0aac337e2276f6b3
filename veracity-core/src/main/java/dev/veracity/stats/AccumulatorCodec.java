package dev.veracity.stats;

import dev.veracity.data.FeatureType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The persisted form of feature accumulators: a version byte, the kind, the feature name, then the kind's state.
 * Version {@value #VERSION}; a reader refuses versions it does not know.
 */
final class AccumulatorCodec {
    static final int VERSION = 1;

    private AccumulatorCodec() {
    }

    static byte[] write(FeatureAccumulator accumulator) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            if (accumulator instanceof NumericAccumulator numeric) {
                out.writeByte(numeric.type().ordinal());
                out.writeUTF(numeric.name());
                numeric.writeState(out);
            } else if (accumulator instanceof StringAccumulator string) {
                out.writeByte(FeatureType.STRING.ordinal());
                out.writeUTF(string.name());
                string.writeState(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static FeatureAccumulator read(byte[] bytes, StatisticsOptions options) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("accumulator format version " + version + ", expected " + VERSION);
            }
            int kind = in.readUnsignedByte();
            if (kind >= FeatureType.values().length) {
                throw new IllegalArgumentException("accumulator of unknown kind " + kind);
            }
            FeatureType type = FeatureType.values()[kind];
            String name = in.readUTF();
            return switch (type) {
                case INT, FLOAT -> NumericAccumulator.readState(name, type, options, in);
                case STRING -> StringAccumulator.readState(name, options, in);
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated accumulator bytes", e);
        }
    }
}
