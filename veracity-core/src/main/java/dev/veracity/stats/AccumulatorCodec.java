package dev.veracity.stats;

import dev.veracity.data.FeatureType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The persisted form of feature accumulators: a version byte, the kind (INT, FLOAT, STRING, then categorical INT
 * and categorical FLOAT, which hold string states; older readers refuse them as unknown kinds), the feature name,
 * whether the state is weighted, then the kind's state (its weighted part last). Version {@value #VERSION}; version 1 (no weighted flag,
 * no weighted state) is still read when the options name no weight feature. A reader refuses versions it does not
 * know.
 */
final class AccumulatorCodec {
    static final int VERSION = 2;
    private static final int UNWEIGHTED_VERSION = 1;
    /** Kinds 0 to 2 are the {@link FeatureType} ordinals (INT, FLOAT numeric; STRING); 3 and 4 came later. */
    private static final int CATEGORICAL_INT = 3;

    private static final int CATEGORICAL_FLOAT = 4;

    private AccumulatorCodec() {}

    static byte[] write(FeatureAccumulator accumulator) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            if (accumulator instanceof NumericAccumulator numeric) {
                out.writeByte(numeric.type().ordinal());
                out.writeUTF(numeric.name());
                out.writeBoolean(numeric.isWeighted());
                numeric.writeState(out);
            } else if (accumulator instanceof StringAccumulator string) {
                out.writeByte(stringKind(string.type()));
                out.writeUTF(string.name());
                out.writeBoolean(string.isWeighted());
                string.writeState(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int stringKind(FeatureType type) {
        return switch (type) {
            case INT -> CATEGORICAL_INT;
            case FLOAT -> CATEGORICAL_FLOAT;
            case STRING -> FeatureType.STRING.ordinal();
        };
    }

    /**
     * Restores an accumulator.
     *
     * @throws IllegalArgumentException if the bytes are truncated, of an unknown version, or weighted where the options
     *                                  name no weight feature or the reverse
     */
    static FeatureAccumulator read(byte[] bytes, StatisticsOptions options) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION && version != UNWEIGHTED_VERSION) {
                throw new IllegalArgumentException("accumulator format version " + version + ", expected "
                        + UNWEIGHTED_VERSION + " or " + VERSION);
            }
            int kind = in.readUnsignedByte();
            if (kind > CATEGORICAL_FLOAT) {
                throw new IllegalArgumentException("accumulator of unknown kind " + kind);
            }
            boolean categorical = kind >= CATEGORICAL_INT;
            FeatureType type = kind == CATEGORICAL_INT
                    ? FeatureType.INT
                    : kind == CATEGORICAL_FLOAT ? FeatureType.FLOAT : FeatureType.values()[kind];
            String name = in.readUTF();
            StatisticsOptions own = options.forFeature(name);
            boolean weighted = version != UNWEIGHTED_VERSION && in.readBoolean();
            if (weighted != own.isWeighted()) {
                throw new IllegalArgumentException("accumulator of feature " + name + " is "
                        + (weighted
                                ? "weighted"
                                : "unweighted"
                                        + (version == UNWEIGHTED_VERSION
                                                ? " (format version " + UNWEIGHTED_VERSION + ")"
                                                : ""))
                        + ", but the options "
                        + (own.isWeighted()
                                ? "name weight feature \"" + own.weightFeature() + "\""
                                : "name no weight feature"));
            }
            if (categorical) {
                return StringAccumulator.readState(name, type, own, in);
            }
            return switch (type) {
                case INT, FLOAT -> NumericAccumulator.readState(name, type, own, in);
                case STRING -> StringAccumulator.readState(name, type, own, in);
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated accumulator bytes", e);
        }
    }
}
