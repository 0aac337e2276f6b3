package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class Utf8Properties {
    @Property(tries = 2000)
    void agreesWithTheJdkStrictDecoder(@ForAll("bytes") byte[] bytes) {
        assertThat(Utf8.isValid(bytes, 0, bytes.length)).isEqualTo(BruteForceStatistics.isValidUtf8(bytes));
    }

    /** The JDK's encoder writes only valid UTF-8 (a lone surrogate becomes '?'). */
    @Property
    void acceptsEveryEncodedString(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.isValid(bytes, 0, bytes.length)).isTrue();
    }

    /** Bytes biased towards lead and continuation bytes, where the edge cases are. */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0,
                (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF,
                (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, (byte) 'a');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(Tuple.of(3, interesting), Tuple.of(1, any)).array(byte[].class).ofMaxSize(8);
    }
}
