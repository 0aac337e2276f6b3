package dev.veracity.io.jsonl;

import static dev.veracity.io.jsonl.JsonLinesProblem.quote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.veracity.ErrorCode;
import dev.veracity.data.FeatureType;
import dev.veracity.io.jsonl.JsonField.Shape;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses one line with Jackson's streaming parser into a {@link ParsedLine}, checking it against what earlier lines
 * showed: it must be one JSON object whose keys appear once each (after flattening), whose values are scalars, null,
 * nested objects or arrays of scalars and nulls, and whose values fit the shape each key has had. A line that does not
 * gives a {@link JsonLinesProblem} and leaves the features unchanged.
 */
final class JsonLineParser {
    /** Where Jackson's messages cite a place in the line: the source is the line, so the column is enough. */
    private static final String JACKSON_LOCATION = "\\[Source: [^\\]]*?; line: \\d+, column: (\\d+)\\]";

    private final JsonFactory factory;
    private final JsonFeatures features;
    private final String fileName;
    private final boolean keepValues;
    private final ParsedLine parsed = new ParsedLine();
    private long line;
    private long stamp;

    /**
     * A parser for the lines of one file.
     *
     * @param keepValues whether to keep the values in {@link #parsed()} (the second pass), or only check them
     */
    JsonLineParser(JsonFactory factory, JsonFeatures features, String fileName, boolean keepValues) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.features = Objects.requireNonNull(features, "features is null");
        this.fileName = Objects.requireNonNull(fileName, "fileName is null");
        this.keepValues = keepValues;
    }

    /**
     * {@return Jackson's factory as JSON Lines files need it: NaN and Infinity accepted (Python's json module writes
     * them), strings as long as a line may be, and the fast (and still correctly rounding) parser of doubles that
     * jackson-core bundles, several times faster than the JDK's on 17-digit numbers}
     */
    static JsonFactory newFactory() {
        return JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(JsonLineSplitter.MAX_LINE_BYTES)
                        .build())
                .build();
    }

    /** {@return the last line parsed, valid until the next call to {@link #parse}} */
    ParsedLine parsed() {
        return parsed;
    }

    /**
     * Parses a line.
     *
     * @param nulAt the position of the first NUL byte in the line, or -1 (Jackson would take a line with NUL bytes
     *              for UTF-16 or UTF-32)
     * @return the problem that makes the line malformed, or empty if it is well-formed
     */
    Optional<JsonLinesProblem> parse(byte[] bytes, int start, int length, long lineNumber, int nulAt)
            throws IOException {
        parsed.clear();
        line = lineNumber;
        stamp = features.nextStamp();
        if (nulAt >= 0) {
            return Optional.of(new JsonLinesProblem(
                    ErrorCode.JSONL_SYNTAX,
                    fileName + ":" + line + ":" + (nulAt + 1)
                            + ": expected a JSON object, found a NUL byte (JSON text is UTF-8, without NUL bytes)"));
        }
        try (JsonParser p = factory.createParser(bytes, start, length)) {
            JsonToken token = p.nextToken();
            if (token != JsonToken.START_OBJECT) {
                return Optional.of(
                        problem(ErrorCode.JSONL_NOT_AN_OBJECT, p, "expected a JSON object, found " + describe(token)));
            }
            JsonLinesProblem problem = readObject(p, features.root());
            if (problem == null) {
                token = p.nextToken();
                if (token != null) {
                    problem = problem(
                            ErrorCode.JSONL_NOT_AN_OBJECT,
                            p,
                            "expected the line to end after the object, found " + describe(token));
                }
            }
            return Optional.ofNullable(problem);
        } catch (JsonProcessingException e) {
            return Optional.of(syntax(e));
        }
    }

    /** Reads the keys of an object whose START_OBJECT was just read; returns null if they are well-formed. */
    private JsonLinesProblem readObject(JsonParser p, JsonFeatures.KeyNode node) throws IOException {
        // Jackson gives only FIELD_NAME or END_OBJECT here; anything else is a syntax error it throws.
        for (JsonToken token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken()) {
            JsonFeatures.KeyNode child = features.child(node, p.currentName());
            JsonField field = child.field();
            if (field.stamp == stamp) {
                return problem(
                        ErrorCode.JSONL_DUPLICATE_KEY,
                        p,
                        "expected each key once per line, found " + quote(field.name) + " again");
            }
            field.startLine(stamp);
            JsonToken value = p.nextToken();
            JsonLinesProblem problem = null;
            if (value == JsonToken.START_OBJECT) {
                problem = check(p, field, Shape.OBJECT, null, value, false);
                if (problem == null) {
                    parsed.addKey(field, false);
                    problem = readObject(p, child);
                }
            } else if (value == JsonToken.START_ARRAY) {
                problem = check(p, field, Shape.LIST, null, value, false);
                if (problem == null) {
                    parsed.addKey(field, true);
                    problem = readArray(p, field);
                }
            } else if (value == JsonToken.VALUE_NULL) {
                parsed.addKey(field, false);
            } else {
                problem = readScalar(p, field, value, false);
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Reads the elements of an array whose START_ARRAY was just read, skipping nulls. */
    private JsonLinesProblem readArray(JsonParser p, JsonField field) throws IOException {
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                return problem(
                        ErrorCode.JSONL_UNSUPPORTED_VALUE,
                        p,
                        "expected numbers, strings, booleans or nulls "
                                + "in the array of " + quote(field.name) + ", found " + describe(token)
                                + " (arrays of objects and nested arrays are not supported)");
            }
            JsonLinesProblem problem = readScalar(p, field, token, true);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Reads a number, string or boolean: a value of its own, or an element of an array. */
    private JsonLinesProblem readScalar(JsonParser p, JsonField field, JsonToken token, boolean inArray)
            throws IOException {
        Shape shape;
        FeatureType type;
        byte kind;
        if (token == JsonToken.VALUE_NUMBER_INT) {
            // TFDV's INT is int64: a larger integer can only be a FLOAT (the nearest double).
            boolean big = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
            shape = Shape.NUMBER;
            type = big ? FeatureType.FLOAT : FeatureType.INT;
            kind = big ? ParsedLine.FLOAT : ParsedLine.INT;
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            shape = Shape.NUMBER;
            type = FeatureType.FLOAT;
            kind = ParsedLine.FLOAT;
        } else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            shape = Shape.NUMBER;
            type = FeatureType.INT;
            kind = ParsedLine.BOOLEAN;
        } else if (token == JsonToken.VALUE_STRING) {
            shape = Shape.STRING;
            type = FeatureType.STRING;
            kind = ParsedLine.STRING;
        } else {
            throw new IllegalStateException("Jackson gave " + token + " where a value belongs");
        }
        JsonLinesProblem problem = check(p, field, shape, type, token, inArray);
        if (problem != null) {
            return problem;
        }
        field.lineFloat |= kind == ParsedLine.FLOAT;
        if (!inArray) {
            parsed.addKey(field, true);
        }
        if (keepValues) {
            switch (kind) {
                case ParsedLine.INT -> parsed.addLong(kind, p.getLongValue());
                case ParsedLine.BOOLEAN -> parsed.addLong(kind, token == JsonToken.VALUE_TRUE ? 1 : 0);
                case ParsedLine.FLOAT -> parsed.addDouble(p.getDoubleValue());
                default -> parsed.addString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            }
        }
        return null;
    }

    /**
     * Checks that a value of {@code shape} fits the key: first against the accepted lines, then against the key's
     * earlier values in this line (an array's elements), and widens the key's shape in this line.
     *
     * @param type    the type the value stands for (INT, FLOAT or STRING), or null for an object or an array
     * @param token   the value's token, which the message names
     * @param inArray whether the value is an element of an array
     */
    private JsonLinesProblem check(
            JsonParser p, JsonField field, Shape shape, FeatureType type, JsonToken token, boolean inArray) {
        Shape lineShape = field.lineShape;
        if (shape == field.shape && (lineShape == shape || lineShape == Shape.NONE)) {
            // The usual case, without a lookup: a key's values have the shape they had in earlier lines.
            field.lineShape = shape;
            if (field.lineFirstType == null) {
                field.lineFirstType = type;
            }
            return null;
        }
        if (!field.shape.accepts(shape)) {
            return conflict(p, field, field.shape, field.firstType, field.shapeFile, field.shapeLine, token, inArray);
        }
        if (!lineShape.accepts(shape)) {
            return conflict(p, field, lineShape, field.lineFirstType, fileName, line, token, inArray);
        }
        if (field.lineFirstType == null) {
            field.lineFirstType = type;
        }
        field.lineShape = field.lineShape.join(shape);
        return null;
    }

    /** A value that does not fit the key's shape, first seen in {@code firstFile} (another input, or this one). */
    private JsonLinesProblem conflict(
            JsonParser p,
            JsonField field,
            Shape expected,
            FeatureType firstType,
            String firstFile,
            long firstLine,
            JsonToken token,
            boolean inArray) {
        String what = switch (expected) {
            case LIST -> "a value or an array";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case OBJECT -> "an object";
            case NONE -> throw new IllegalStateException("a key seen only as null accepts any value");
        };
        String first = expected == Shape.LIST ? "an array, " : firstType == null ? "" : firstType + ", ";
        String found = describe(token) + (inArray ? " in an array" : "");
        return problem(
                ErrorCode.JSONL_TYPE_CONFLICT,
                p,
                "expected " + what + " for " + quote(field.name) + " ("
                        + first + "first seen " + (firstFile.equals(fileName) ? "" : "in " + firstFile + " ")
                        + "on line "
                        + firstLine + "), found " + found);
    }

    private JsonLinesProblem problem(ErrorCode code, JsonParser p, String message) {
        return new JsonLinesProblem(code, place(p.currentTokenLocation()) + ": " + message);
    }

    private JsonLinesProblem syntax(JsonProcessingException e) {
        String reason = Objects.requireNonNullElse(
                        e.getOriginalMessage(), e.getClass().getSimpleName())
                .replaceAll("\\s+", " ")
                .replaceAll(JACKSON_LOCATION, "column $1")
                .strip();
        return new JsonLinesProblem(
                ErrorCode.JSONL_SYNTAX,
                place(e.getLocation()) + ": expected a JSON object, found invalid JSON (" + reason + ")");
    }

    /** {@return {@code FILE:LINE:COLUMN}, the column being the 1-based byte position in the line, if known} */
    private String place(JsonLocation location) {
        String place = fileName + ":" + line;
        if (location == null) {
            return place;
        }
        if (location.getByteOffset() >= 0) {
            return place + ":" + (location.getByteOffset() + 1);
        }
        return location.getColumnNr() > 0 ? place + ":" + location.getColumnNr() : place;
    }

    /** {@return a token as a message names what was found} */
    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a float";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case END_OBJECT, END_ARRAY, FIELD_NAME, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE ->
                token.asString() == null ? token.name() : token.asString();
        };
    }
}
