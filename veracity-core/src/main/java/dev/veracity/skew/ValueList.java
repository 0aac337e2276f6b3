package dev.veracity.skew;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.Objects;

/**
 * The values of one feature in one example, as the skew detector compares them: a list of integers, floats (already
 * rounded when {@code --float-round-digits} is given) or byte strings.
 */
public sealed interface ValueList permits ValueList.Ints, ValueList.Floats, ValueList.Strings {
    /** {@return the number of values} */
    int size();

    /** {@return value {@code i} as text: decimal for numbers, UTF-8 (with replacement) for strings} */
    String text(int i);

    /** Integer values. @param values the values, not copied */
    record Ints(long[] values) implements ValueList {
        public Ints {
            Objects.requireNonNull(values, "values is null");
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public String text(int i) {
            return Long.toString(values[i]);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ints other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** Float values. @param values the values, not copied */
    record Floats(double[] values) implements ValueList {
        public Floats {
            Objects.requireNonNull(values, "values is null");
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public String text(int i) {
            return dev.veracity.data.ValueText.of(values[i]);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Floats other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** Byte-string values, as the source had them (usually UTF-8). @param values the values, not copied */
    record Strings(byte[][] values) implements ValueList {
        public Strings {
            Objects.requireNonNull(values, "values is null");
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public String text(int i) {
            return new String(values[i], UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Strings other && Arrays.deepEquals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(values);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < values.length; i++) {
                s.append(i == 0 ? "" : ", ").append(text(i));
            }
            return s.append(']').toString();
        }
    }
}
