package dev.veracity.io.jsonl;

import dev.veracity.data.FeatureType;
import java.util.Objects;

/**
 * One key path of a JSON Lines file (its name joins nested keys with dots): the shape and type its values have had
 * in the lines accepted so far, and, while a line is parsed, the shape of its values in that line.
 */
final class JsonField {
    /**
     * What the values of a key have been. The shapes form a tree: NONE (only nulls) below LIST (only empty arrays),
     * which is below NUMBER and STRING; NONE below OBJECT. Two shapes are compatible when one is below the other.
     */
    enum Shape {
        NONE,
        LIST,
        NUMBER,
        STRING,
        OBJECT;

        /** {@return whether a key of this shape can take a value of the other shape} */
        boolean accepts(Shape other) {
            return this == other
                    || this == NONE
                    || other == NONE
                    || this == LIST && (other == NUMBER || other == STRING)
                    || other == LIST && (this == NUMBER || this == STRING);
        }

        /** {@return the higher of two compatible shapes} */
        Shape join(Shape other) {
            if (!accepts(other)) {
                throw new IllegalArgumentException(this + " and " + other + " are not compatible");
            }
            return this == NONE || this == LIST && other != NONE ? other : this;
        }
    }

    final String name;

    // What the accepted lines have shown.
    boolean committed;
    Shape shape = Shape.NONE;
    boolean isFloat;
    String shapeFile = "";
    long shapeLine;
    FeatureType firstType;
    int column = -1;

    // What the line being parsed shows; valid while stamp is that line's stamp.
    long stamp;
    Shape lineShape = Shape.NONE;
    boolean lineFloat;
    FeatureType lineFirstType;

    JsonField(String name) {
        this.name = Objects.requireNonNull(name, "name is null");
    }

    /** {@return a copy of what the accepted lines have shown, without the state of a line being parsed} */
    JsonField copyCommitted() {
        JsonField copy = new JsonField(name);
        copy.committed = committed;
        copy.shape = shape;
        copy.isFloat = isFloat;
        copy.shapeFile = shapeFile;
        copy.shapeLine = shapeLine;
        copy.firstType = firstType;
        copy.column = column;
        return copy;
    }

    /** Starts this key's occurrence in a new line, forgetting what the previous line showed. */
    void startLine(long lineStamp) {
        stamp = lineStamp;
        lineShape = Shape.NONE;
        lineFloat = false;
        lineFirstType = null;
    }

    /** {@return the column type: INT, FLOAT or STRING by the values seen; INT for a key with no value} */
    FeatureType type() {
        return switch (shape) {
            case NUMBER -> isFloat ? FeatureType.FLOAT : FeatureType.INT;
            case STRING -> FeatureType.STRING;
            case NONE, LIST, OBJECT -> FeatureType.INT;
        };
    }
}
