package dev.veracity.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * JSON that is safe inside an HTML {@code <script>} element: the one place where data from the statistics is
 * escaped into the page. Besides JSON's own escapes, {@code <}, {@code >} and {@code &} (and DEL) are written as
 * {@code \u003C}-style escapes (so no value can close the script element or open a comment), and every character
 * outside ASCII as well (so U+2028 and U+2029 never appear raw). Numbers are rounded to keep pages small.
 *
 * <pre>{@code
 * try (JsonGenerator json = ScriptJson.generator(writer)) { json.writeString("</script>"); }   // "\u003C/script\u003E"
 * }</pre>
 */
public final class ScriptJson {
    /** Significant digits kept of a measured value. */
    static final MathContext DIGITS = new MathContext(6);

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new HtmlSafeEscapes())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private ScriptJson() {}

    /** {@return a generator writing script-safe JSON to {@code writer}} */
    public static JsonGenerator generator(Writer writer) throws IOException {
        return FACTORY.createGenerator(writer);
    }

    /**
     * Writes a number rounded to six significant digits (an integer as is); NaN and infinities, which JSON lacks,
     * as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which the page's script reads back.
     */
    public static void number(JsonGenerator json, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeString("NaN");
        } else if (Double.isInfinite(value)) {
            json.writeString(value > 0 ? "Infinity" : "-Infinity");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumber((long) value);
        } else {
            json.writeNumber(new BigDecimal(value).round(DIGITS).stripTrailingZeros());
        }
    }

    /** JSON's escapes plus {@code <}, {@code >} and {@code &} as unicode escapes. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes[0x7f] = CharacterEscapes.ESCAPE_STANDARD; // DEL: harmless, but keeps the JSON printable ASCII
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
