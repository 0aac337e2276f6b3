package dev.veracity.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Any string survives the script-safe JSON unchanged, and the JSON text can never end the script element. */
class ScriptJsonProperties {
    private static final String HOSTILE = "<>&/\\\"'! -=\u2028\u2029\u0000\n\r\tscriptSCRIPT\u00e9\u4e2d";

    @SeededProperty(tries = 300)
    void anyStringReadsBackAndLeavesNothingTheHtmlParserWouldSee(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String value = Gen.oneIn(random, 2) ? Gen.string(random, HOSTILE, 0, 40) : Gen.anyString(random, 40);
        String json = write(value);
        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(read(json)).isEqualTo(value);
    }

    @Test
    void theClassicPayloadsAreEscaped() throws IOException {
        assertThat(write("</script><script>alert(1)</script>"))
                .isEqualTo("\"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E\"");
        assertThat(write("<!--\u2028")).isEqualTo("\"\\u003C!--\\u2028\"");
    }

    @Test
    void numbersAreRoundedToSixDigitsAndNonFiniteOnesAreStrings() throws IOException {
        assertThat(number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(number(Math.PI)).isEqualTo("3.14159");
        assertThat(number(123456789.0)).isEqualTo("123456789");
        assertThat(number(1.0 / 3 * 1e20)).isEqualTo("3.33333E+19");
        assertThat(number(-2.5e-7)).isEqualTo("-2.5E-7");
        assertThat(number(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(number(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
    }

    private static String write(String value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = ScriptJson.generator(out)) {
            json.writeString(value);
        }
        return out.toString();
    }

    private static String number(double value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = ScriptJson.generator(out)) {
            ScriptJson.number(json, value);
        }
        return out.toString();
    }

    private static String read(String json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            return parser.getText();
        }
    }
}
