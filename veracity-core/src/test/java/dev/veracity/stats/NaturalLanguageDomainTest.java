package dev.veracity.stats;

import static dev.veracity.stats.DomainBatches.bytes;
import static dev.veracity.stats.DomainBatches.ints;
import static dev.veracity.stats.DomainBatches.missing;
import static dev.veracity.stats.DomainBatches.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.proto.CustomStatistic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Natural-language detection in the situations of TFDV's
 * {@code natural_language_domain_inferring_stats_generator_test.py}. Where TFDV's test plugs in a fake classifier
 * ("MATCH" is text, anything else is not), the same situations use values the real heuristic classifies the same way:
 * {@value #TEXT} is text, {@value #NOPE} is not.
 */
class NaturalLanguageDomainTest {
    private static final String TEXT = "this is text";
    private static final String NOPE = "Nope";

    private static List<CustomStatistic> result(double matchRatio, long valuesThreshold, Column... batches) {
        NaturalLanguageDomainAccumulator all =
                new NaturalLanguageDomainAccumulator(DomainBatches.NAME, matchRatio, valuesThreshold);
        for (Column batch : batches) {
            NaturalLanguageDomainAccumulator part =
                    new NaturalLanguageDomainAccumulator(DomainBatches.NAME, matchRatio, valuesThreshold);
            part.add(batch);
            all.merge(part);
        }
        return all.result().getCustomStatsList();
    }

    private static boolean looksLikeText(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return NaturalLanguageDomainAccumulator.looksLikeText(bytes, 0, bytes.length);
    }

    private static void assertText(List<CustomStatistic> result, double rate) {
        assertThat(result).hasSize(2);
        assertThat(result.get(0).getName()).isEqualTo("domain_info");
        assertThat(result.get(0).getStr()).isEqualTo("natural_language_domain {}");
        assertThat(result.get(1).getName()).isEqualTo("natural_language_match_rate");
        assertThat(result.get(1).getNum()).isCloseTo(rate, within(1e-7));
    }

    @Test
    void emptyAndBlankValuesAreNoText() {
        assertThat(looksLikeText("")).isFalse();
        assertThat(looksLikeText("  ")).isFalse();
    }

    @Test
    void averageWordLengthAndWordCount() {
        // "Hello this is some text": 5 words, 19 letters, 3.8 on average; TFDV's bounds are [2.5, 8] and 3 words
        assertThat(looksLikeText("Hello this is some text")).isTrue();
        assertThat(looksLikeText("is a a")).isFalse(); // 4 / 3 letters per word
        assertThat(looksLikeText("two words")).isFalse();
        assertThat(looksLikeText("abc".repeat(10))).isFalse();
        assertThat(looksLikeText("elephant dinosaur tortoise")).isTrue(); // 8 on average: the bound is inclusive
        assertThat(looksLikeText("elephant dinosaur crocodile")).isFalse(); // 8.33
    }

    @Test
    void onlyTheFirstHundredBytesAreRead() {
        // three short words, then a word that would pull the average above 8 were it read
        String value = "one two six " + "x".repeat(200);
        assertThat(looksLikeText(value)).isFalse();
        String cropped = "one two six " + " ".repeat(100) + "x".repeat(200);
        assertThat(looksLikeText(cropped)).isTrue();
    }

    @Test
    void badInitialization() {
        assertThatThrownBy(() -> new NaturalLanguageDomainAccumulator("f", 0.8, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NaturalLanguageDomainAccumulator("f", 1.1, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyInput() {
        assertThat(result(0.8, 100)).isEmpty();
    }

    @Test
    void valuesThreshold() {
        Column[] batches = {strings(List.of(TEXT, TEXT, TEXT), List.of(TEXT)), strings(List.of(TEXT, TEXT)), missing(2)
        };
        assertThat(result(0.8, 7, batches)).isEmpty();
        assertText(result(0.8, 6, batches), 1.0);
    }

    @Test
    void aValueThatIsNotUtf8RulesTheFeatureOut() {
        assertThat(result(
                        0.8,
                        1,
                        strings(List.of(TEXT, TEXT, TEXT), List.of(TEXT)),
                        strings(List.of(TEXT, TEXT)),
                        bytes(new byte[] {(byte) 0xf0})))
                .isEmpty();
    }

    @Test
    void anotherTypeRulesTheFeatureOut() {
        assertThat(result(
                        0.8,
                        1,
                        strings(List.of(TEXT, TEXT, TEXT), List.of(TEXT)),
                        strings(List.of(TEXT, TEXT)),
                        ints(42)))
                .isEmpty();
    }

    @Test
    void matchRatio() {
        Column[] batches = {
            strings(List.of(TEXT, TEXT, TEXT), List.of(TEXT, NOPE)),
            strings(List.of(TEXT, TEXT, TEXT)),
            strings(List.of("12345", "No"))
        };
        assertThat(result(0.71, 5, batches)).isEmpty();
        assertText(result(0.69, 5, batches), 0.7);
    }

    @Test
    void averageWordHeuristicMatch() {
        assertText(
                result(
                        0.8,
                        2,
                        strings(
                                List.of("This looks correct.", "This one too, it should be text."),
                                List.of("xosuhddsofuhg123fdgosh")),
                        strings(List.of("This should be text as well", "Here is another text")),
                        strings(List.of("This should also be considered good."))),
                0.8333333);
    }

    @Test
    void averageWordHeuristicNonMatch() {
        assertThat(result(
                        0.8,
                        2,
                        strings(List.of("abc".repeat(10), "xxxxxxxxx"), List.of("xosuhddsofuhg123fdgosh")),
                        strings(List.of("Only one valid text?"))))
                .isEmpty();
    }

    @Test
    void onlyTheFirstHundredValuesOfAnExampleAreConsidered() {
        ColumnBuilder column = ColumnBuilder.of(DomainBatches.NAME, FeatureType.STRING);
        column.startList();
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] nope = NOPE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 150; i++) {
            byte[] value = i < 100 ? text : nope;
            column.addString(value, 0, value.length);
        }
        column.endList();
        assertText(result(0.8, 100, column.build()), 1.0);
    }
}
