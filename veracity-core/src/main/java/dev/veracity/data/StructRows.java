package dev.veracity.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A struct feature (TFDV's STRUCT: a record whose fields are features) and, per row, whether it is present: a
 * {@code tf.SequenceExample}'s feature lists under {@code ##SEQUENCE##}, or an Avro record field. Its fields are the
 * features whose paths extend {@code path}.
 *
 * <pre>{@code
 * StructRows sequence = new StructRows(List.of("##SEQUENCE##"), present);
 * }</pre>
 *
 * @param path    the struct's path, step by step
 * @param present per row, whether the struct is present; at least as long as the batch
 */
public record StructRows(List<String> path, boolean[] present) {
    public StructRows {
        path = List.copyOf(Objects.requireNonNull(path, "path is null"));
        Objects.requireNonNull(present, "present is null");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a struct needs a path");
        }
    }

    /** {@return whether {@code child} lies under this struct (is longer and starts with its path)} */
    public boolean isParentOf(List<String> child) {
        return child.size() > path.size() && child.subList(0, path.size()).equals(path);
    }

    StructRows select(int[] rows, int count) {
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = present[rows[i]];
        }
        return new StructRows(path, out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StructRows that && path.equals(that.path) && Arrays.equals(present, that.present);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(present));
    }

    @Override
    public String toString() {
        return "StructRows[" + path + "]";
    }
}
