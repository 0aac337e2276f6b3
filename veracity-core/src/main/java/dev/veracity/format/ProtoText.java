package dev.veracity.format;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TypeRegistry;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.proto.ValidationConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Protobuf text format as TFDV and TFX write it: {@link #print} gives, byte for byte, what Python's
 * {@code google.protobuf.text_format.MessageToString(message)} gives (fields in number order, two spaces per level,
 * doubles as Python's {@code repr}, map entries sorted by key, {@code Any} expanded), and {@link #merge} reads text
 * format as protobuf's parsers do ({@code #} comments, {@code inf}/{@code nan} and {@code Infinity}/{@code NaN},
 * integers for doubles, one-line forms).
 *
 * <pre>{@code
 * String text = ProtoText.print(schema);                  // "feature {\n  name: \"fare\"\n  type: FLOAT\n}\n"
 * Schema back = ProtoText.merge(text, Schema.newBuilder()).build();
 * }</pre>
 *
 * <p>String fields keep characters beyond ASCII as they are ({@code "Zürich"}) and escape {@code \"}, {@code \\},
 * {@code \'}, {@code \n}, {@code \r}, {@code \t} and other control characters in 3-digit octal ({@code \001},
 * {@code \177}): that is {@code as_utf8=True}, the default of protobuf-python 6.x and 7.x (checked against 6.33.6 and
 * 7.36.2). Older releases (the 3.x line that TFX pinned for years) default to {@code as_utf8=False} and write each
 * byte beyond ASCII in octal ({@code "Z\303\274rich"}); we chose the readable form, and either reads back the same.
 * Bytes fields escape every byte outside printable ASCII, as Python always does. Unknown fields are not printed.
 */
public final class ProtoText {
    /** Our protos, so that an {@code Any} packing one of them is printed and parsed expanded. */
    private static final TypeRegistry TYPES = TypeRegistry.newBuilder()
            .add(Schema.getDescriptor())
            .add(Anomalies.getDescriptor())
            .add(DatasetFeatureStatisticsList.getDescriptor())
            .add(ValidationConfig.getDescriptor())
            .build();

    private static final String ANY = "google.protobuf.Any";
    private static final String UNKNOWN_FIELDS = "Input contains unknown fields and/or extensions:";
    private static final int INDENT = 2;

    private static final TextFormat.Parser PARSER = TextFormat.Parser.newBuilder()
            .setTypeRegistry(TYPES)
            // as Python's text_format.Parse and C++'s TextFormat::Parse: a singular field given twice is an error
            .setSingularOverwritePolicy(TextFormat.Parser.SingularOverwritePolicy.FORBID_SINGULAR_OVERWRITES)
            .build();

    private ProtoText() {}

    /** {@return the registry of message types that {@code Any} fields are expanded with: all of our protos} */
    public static TypeRegistry typeRegistry() {
        return TYPES;
    }

    /** {@return the message in text format, as Python's {@code text_format.MessageToString} writes it} */
    public static String print(Message message) {
        StringBuilder out = new StringBuilder();
        try {
            print(message, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not throw", e);
        }
        return out.toString();
    }

    /** Appends the message in text format to {@code out} (UTF-8 once encoded; one line per field, each ending in \n). */
    public static void print(Message message, Appendable out) throws IOException {
        requireNonNull(message, "message is null");
        requireNonNull(out, "out is null");
        printMessage(message, 0, out);
    }

    /**
     * Reads text format into {@code builder} (merging, as protobuf's {@code merge} does) and returns the builder.
     *
     * @throws InvalidProtocolBufferException if the text is not such a message; the message starts with the position,
     *                                        e.g. {@code line 4, column 3: Message type
     *                                        "tensorflow.metadata.v0.Feature" has no field named "typo".}
     */
    public static <B extends Message.Builder> B merge(CharSequence text, B builder)
            throws InvalidProtocolBufferException {
        requireNonNull(text, "text is null");
        requireNonNull(builder, "builder is null");
        try {
            PARSER.merge(text, builder);
        } catch (TextFormat.ParseException e) {
            InvalidProtocolBufferException invalid = new InvalidProtocolBufferException(describe(e));
            invalid.initCause(e);
            throw invalid;
        }
        return builder;
    }

    /**
     * {@return "line L, column C: what went wrong" for protobuf's "L:C: what went wrong"; its list of unknown fields
     * ("Input contains unknown fields and/or extensions:\nL:C:\tpackage.Message.field" per line) becomes one line
     * worded as Python's parser words it}
     */
    private static String describe(TextFormat.ParseException e) {
        String message = String.valueOf(e.getMessage());
        String prefix = e.getLine() + ":" + e.getColumn() + ": ";
        String what = e.getLine() >= 0 && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        if (what.startsWith(UNKNOWN_FIELDS)) {
            return describeUnknownFields(what.substring(UNKNOWN_FIELDS.length()).strip());
        }
        return e.getLine() < 0 ? what : "line " + e.getLine() + ", column " + e.getColumn() + ": " + what;
    }

    private static String describeUnknownFields(String list) {
        String[] unknown = list.split("\n");
        String[] first = unknown[0].split(":", 3); // line, column, tab and the field's full name
        if (first.length < 3) {
            return "unknown fields: " + String.join(", ", unknown);
        }
        String field = first[2].strip();
        int dot = field.lastIndexOf('.');
        String described = "line " + first[0] + ", column " + first[1] + ": Message type \""
                + field.substring(0, Math.max(dot, 0)) + "\" has no field named \"" + field.substring(dot + 1) + "\".";
        int more = unknown.length - 1;
        return more == 0 ? described : described + " (and " + more + " more unknown field" + (more == 1 ? ")" : "s)");
    }

    private static void printMessage(Message message, int indent, Appendable out) throws IOException {
        Descriptor type = message.getDescriptorForType();
        if (type.getFullName().equals(ANY) && printExpandedAny(message, indent, out)) {
            return;
        }
        for (FieldDescriptor field : inNumberOrder(type)) {
            if (field.isMapField()) {
                for (Message entry : sortedByKey(message, field)) {
                    printMapEntry(field, entry, indent, out);
                }
            } else if (field.isRepeated()) {
                int count = message.getRepeatedFieldCount(field);
                for (int i = 0; i < count; i++) {
                    printField(field, message.getRepeatedField(field, i), indent, out);
                }
            } else if (message.hasField(field)) {
                printField(field, message.getField(field), indent, out);
            }
        }
    }

    private static List<FieldDescriptor> inNumberOrder(Descriptor type) {
        List<FieldDescriptor> fields = new ArrayList<>(type.getFields());
        fields.sort(Comparator.comparingInt(FieldDescriptor::getNumber));
        return fields;
    }

    /**
     * Python prints an {@code Any} whose type it knows as {@code [type_url] { fields }}, with the URL as written; an
     * unknown type, a URL without {@code /} or a value that does not parse falls back to the two plain fields.
     */
    private static boolean printExpandedAny(Message any, int indent, Appendable out) throws IOException {
        Descriptor type = any.getDescriptorForType();
        String typeUrl = (String) any.getField(type.findFieldByNumber(1));
        ByteString value = (ByteString) any.getField(type.findFieldByNumber(2));
        int slash = typeUrl.lastIndexOf('/');
        Descriptor packedType = slash < 0 ? null : TYPES.find(typeUrl.substring(slash + 1));
        if (packedType == null) {
            return false;
        }
        DynamicMessage packed;
        try {
            packed = DynamicMessage.parseFrom(packedType, value);
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
        indent(indent, out);
        out.append('[').append(typeUrl).append("] {\n");
        printMessage(packed, indent + INDENT, out);
        indent(indent, out);
        out.append("}\n");
        return true;
    }

    /** Python prints a map as its entries sorted by key (by code point for strings, numerically for numbers). */
    private static List<Message> sortedByKey(Message message, FieldDescriptor mapField) {
        int count = message.getRepeatedFieldCount(mapField);
        List<Message> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add((Message) message.getRepeatedField(mapField, i));
        }
        FieldDescriptor key = mapField.getMessageType().findFieldByNumber(1);
        entries.sort((a, b) -> compareKeys(key, a.getField(key), b.getField(key)));
        return entries;
    }

    private static int compareKeys(FieldDescriptor key, Object a, Object b) {
        return switch (key.getType()) {
            case STRING -> compareCodePoints((String) a, (String) b);
            case BOOL -> Boolean.compare((Boolean) a, (Boolean) b);
            case INT32, SINT32, SFIXED32 -> Integer.compare((Integer) a, (Integer) b);
            case UINT32, FIXED32 -> Integer.compareUnsigned((Integer) a, (Integer) b);
            case INT64, SINT64, SFIXED64 -> Long.compare((Long) a, (Long) b);
            case UINT64, FIXED64 -> Long.compareUnsigned((Long) a, (Long) b);
            case DOUBLE, FLOAT, BYTES, ENUM, MESSAGE, GROUP ->
                throw new IllegalArgumentException("not a valid map key type: " + key.getType());
        };
    }

    /** Python compares strings by code point; Java's compareTo by UTF-16 unit, which differs above U+FFFF. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * Python rebuilds each entry as {@code Entry(key=k, value=v)}: both fields are set, so both are printed when they
     * have presence (proto2 maps; a message value always); in a proto3 map a default key or scalar value is not.
     */
    private static void printMapEntry(FieldDescriptor mapField, Message entry, int indent, Appendable out)
            throws IOException {
        indent(indent, out);
        out.append(mapField.getName()).append(" {\n");
        for (FieldDescriptor field : inNumberOrder(entry.getDescriptorForType())) {
            Object value = entry.getField(field);
            boolean printed = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    || field.hasPresence()
                    || !value.equals(field.getDefaultValue());
            if (printed) {
                printField(field, value, indent + INDENT, out);
            }
        }
        indent(indent, out);
        out.append("}\n");
    }

    private static void printField(FieldDescriptor field, Object value, int indent, Appendable out) throws IOException {
        indent(indent, out);
        if (field.isExtension()) {
            out.append('[').append(field.getFullName()).append(']');
        } else if (field.getType() == FieldDescriptor.Type.GROUP) {
            out.append(field.getMessageType().getName());
        } else {
            out.append(field.getName());
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            out.append(" {\n");
            printMessage((Message) value, indent + INDENT, out);
            indent(indent, out);
            out.append("}\n");
        } else {
            out.append(": ");
            printScalar(field, value, out);
            out.append('\n');
        }
    }

    private static void printScalar(FieldDescriptor field, Object value, Appendable out) throws IOException {
        switch (field.getType()) {
            case DOUBLE -> out.append(PythonFloats.repr((Double) value));
            case FLOAT -> out.append(PythonFloats.reprFloat32((Float) value));
            case INT32, SINT32, SFIXED32, INT64, SINT64, SFIXED64 -> out.append(value.toString());
            case UINT32, FIXED32 -> out.append(Integer.toUnsignedString((Integer) value));
            case UINT64, FIXED64 -> out.append(Long.toUnsignedString((Long) value));
            case BOOL -> out.append((Boolean) value ? "true" : "false");
            case STRING -> {
                out.append('"');
                escapeString((String) value, out);
                out.append('"');
            }
            case BYTES -> {
                out.append('"');
                escapeBytes((ByteString) value, out);
                out.append('"');
            }
            case ENUM -> {
                EnumValueDescriptor enumValue = (EnumValueDescriptor) value;
                // an open (proto3) enum may hold a number it does not name: Python prints the number
                boolean named = enumValue.getType().findValueByNumber(enumValue.getNumber()) != null;
                out.append(named ? enumValue.getName() : Integer.toString(enumValue.getNumber()));
            }
            case MESSAGE, GROUP -> throw new IllegalStateException("not a scalar: " + field.getFullName());
        }
    }

    /** Python's escapes for a string field; characters beyond ASCII as they are (see the class comment). */
    private static void escapeString(String value, Appendable out) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                escapeAscii(c, out);
            } else {
                out.append(c);
            }
        }
    }

    /** Python's escapes for a bytes field: every byte outside printable ASCII in octal. */
    private static void escapeBytes(ByteString value, Appendable out) throws IOException {
        for (int i = 0; i < value.size(); i++) {
            int b = value.byteAt(i) & 0xFF;
            if (b < 0x80) {
                escapeAscii((char) b, out);
            } else {
                octal(b, out);
            }
        }
    }

    private static void escapeAscii(char c, Appendable out) throws IOException {
        switch (c) {
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '"' -> out.append("\\\"");
            case '\'' -> out.append("\\'");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    octal(c, out);
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static void octal(int b, Appendable out) throws IOException {
        out.append('\\')
                .append((char) ('0' + (b >> 6)))
                .append((char) ('0' + ((b >> 3) & 7)))
                .append((char) ('0' + (b & 7)));
    }

    private static void indent(int indent, Appendable out) throws IOException {
        for (int i = 0; i < indent; i++) {
            out.append(' ');
        }
    }
}
