package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vocabularies, hashing, crosses, text and time against independent computations and published vectors. */
class CategoricalOpsTest {
    @TempDir
    Path dir;

    private Path words() throws IOException {
        // counts: b 4, a 3, c 3, d 1, e 1, "é" 1
        return Fitting.csv(dir, "w.csv", "w", List.of("a", "b", "c", "b", "a", "c", "b", "d", "b", "a", "c", "e", "é"));
    }

    @Test
    void vocabularyIsMostFrequentFirstWithTiesInDescendingBytes() throws IOException {
        TransformFn fn =
                Fitting.fit(dir, "transforms: [{name: i, op: compute_and_apply_vocabulary, input: w}]", words());
        assertThat(fn.constants().get(0).vocabulary()).containsExactly("b", "c", "a", "é", "e", "d");
        assertThat(fn.apply(Map.of("w", "a"))).containsEntry("i", 2L);
        assertThat(fn.apply(Map.of("w", "zzz"))).containsEntry("i", -1L);
        assertThat(fn.inverse("i", 2L)).contains("a");
        assertThat(fn.inverse("i", -1L)).isEmpty();
    }

    @Test
    void topKThresholdOovBucketsAndDefault() throws IOException {
        TransformFn fn = Fitting.fit(
                dir,
                "transforms:\n"
                        + "  - {name: k, op: compute_and_apply_vocabulary, input: w, top_k: 2, num_oov_buckets: 3}\n"
                        + "  - {name: t, op: compute_and_apply_vocabulary, input: w, frequency_threshold: 3,"
                        + " default_value: 99}\n",
                words());
        assertThat(fn.constants().get(0).vocabulary()).containsExactly("b", "c");
        assertThat(fn.constants().get(1).vocabulary()).containsExactly("b", "c", "a");
        long oov = (long) fn.apply(Map.of("w", "a")).get("k");
        assertThat(oov).isEqualTo(2 + Long.remainderUnsigned(fingerprint("a"), 3));
        assertThat(fn.apply(Map.of("w", "d"))).containsEntry("t", 99L);
    }

    private static long fingerprint(String s) {
        return Hashing.farmHashFingerprint64()
                .hashBytes(s.getBytes(StandardCharsets.UTF_8))
                .asLong();
    }

    @Test
    void farmHashMatchesPublishedVectors() {
        // FarmHash's Fingerprint64 of no bytes is its constant k2; TensorFlow's documented example of
        // tf.strings.to_hash_bucket_fast(["Hello", "TensorFlow", "2.x"], 3) is [0, 2, 2].
        assertThat(fingerprint("")).isEqualTo(0x9ae16a3b2f90404fL);
        assertThat(Text.bucket("Hello", 3)).isZero();
        assertThat(Text.bucket("TensorFlow", 3)).isEqualTo(2);
        assertThat(Text.bucket("2.x", 3)).isEqualTo(2);
    }

    @Test
    void hashStringsAndCrossesHashTheTextOfEachValue() throws IOException {
        Path csv = Fitting.csv(dir, "c.csv", "a,b", List.of("x,1", "y,2"));
        TransformFn fn = Fitting.fit(
                dir,
                "transforms:\n  - {name: h, op: hash_strings, input: a, hash_buckets: 1000}\n"
                        + "  - {name: x, op: cross, inputs: [a, b], hash_buckets: 50}\n",
                csv);
        assertThat(fn.apply(Map.of("a", "Hello", "b", 3L)))
                .containsEntry("h", Long.remainderUnsigned(fingerprint("Hello"), 1000))
                .containsEntry("x", Long.remainderUnsigned(fingerprint("Hello_X_3"), 50));
        Object cross =
                fn.apply(Map.of("a", List.of("p", "q"), "b", List.of(1L, 2L))).get("x");
        List<Long> expected = new ArrayList<>();
        for (String key : List.of("p_X_1", "p_X_2", "q_X_1", "q_X_2")) {
            expected.add(Long.remainderUnsigned(fingerprint(key), 50));
        }
        assertThat(cross).isEqualTo(expected);
        assertThat(fn.apply(Map.of("a", "p"))).doesNotContainKey("x");
    }

    @Test
    void oneHotHasOneAtTheVocabularyIndex() throws IOException {
        TransformFn fn = Fitting.fit(dir, "transforms: [{name: o, op: one_hot, input: w, top_k: 3}]", words());
        assertThat(fn.apply(Map.of("w", "c"))).containsEntry("o", List.of(0L, 1L, 0L));
        assertThat(fn.apply(Map.of("w", "nope"))).containsEntry("o", List.of(0L, 0L, 0L));
    }

    @Test
    void ngramsAndBagOfWordsFollowTftsOrder() throws IOException {
        Path csv = Fitting.csv(dir, "t.csv", "t", List.of("One was Johnny"));
        TransformFn fn = Fitting.fit(
                dir,
                "transforms:\n  - {name: g, op: ngrams, input: t, ngram_range: [1, 3]}\n"
                        + "  - {name: b, op: bag_of_words, input: t, ngram_range: [1, 1]}\n",
                csv);
        assertThat(fn.apply(Map.of("t", "One was Johnny")).get("g"))
                .isEqualTo(List.of("One", "One was", "One was Johnny", "was", "was Johnny", "Johnny"));
        assertThat(fn.apply(Map.of("t", "Two  was a rat was a")).get("b")).isEqualTo(List.of("Two", "was", "a", "rat"));
    }

    @Test
    void tfidfMatchesTftsDocumentedExample() throws IOException {
        // TFT's tfidf docstring: documents "I like pie pie pie" and "yum yum pie" give
        // [0.6, 0.28109303, 0.28109303] and [0.33333334, 0.9369768].
        Path csv = Fitting.csv(dir, "d.csv", "doc", List.of("I like pie pie pie", "yum yum pie"));
        TransformFn fn = Fitting.fit(dir, "transforms: [{name: t, op: tfidf, input: doc}]", csv);
        assertThat(fn.constants().get(0).vocabulary()).containsExactly("pie", "yum", "like", "I");
        Map<String, Object> first = fn.apply(Map.of("doc", "I like pie pie pie"));
        assertThat(first.get("t")).isEqualTo(List.of(0L, 2L, 3L));
        @SuppressWarnings("unchecked")
        List<Double> w1 = (List<Double>) first.get("t_weight");
        assertThat(w1.get(0)).isCloseTo(0.6, within(1e-7));
        assertThat(w1.get(1)).isCloseTo(0.28109303, within(1e-7));
        assertThat(w1.get(2)).isCloseTo(0.28109303, within(1e-7));
        Map<String, Object> second = fn.apply(Map.of("doc", "yum yum pie"));
        @SuppressWarnings("unchecked")
        List<Double> w2 = (List<Double>) second.get("t_weight");
        assertThat(second.get("t")).isEqualTo(List.of(0L, 1L));
        assertThat(w2.get(0)).isCloseTo(0.33333334, within(1e-7));
        assertThat(w2.get(1)).isCloseTo(0.9369768, within(1e-6));
    }

    @Test
    void timePartsInUtcFromIsoTextOrEpochNumbers() throws IOException {
        Path csv = Fitting.csv(dir, "t.csv", "t", List.of("2024-03-05T10:30:00Z"));
        TransformFn fn = Fitting.fit(
                dir,
                "transforms:\n  - {name: h, op: hour, input: t}\n  - {name: d, op: day_of_week, input: t}\n"
                        + "  - {name: m, op: month, input: t}\n"
                        + "  - {name: s, op: cyclic, input: t, part: day, function: sin}\n"
                        + "  - {name: c, op: cyclic, input: t, part: week, function: cos}\n",
                csv);
        long epoch = 1_709_634_600L; // 2024-03-05T10:30:00Z, a Tuesday
        assertThat(Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC).getDayOfWeek())
                .isEqualTo(DayOfWeek.TUESDAY);
        for (Object value : List.of("2024-03-05T10:30:00Z", "2024-03-05T12:30:00+02:00", "2024-03-05T10:30", epoch)) {
            Map<String, Object> out = fn.apply(Map.of("t", value));
            assertThat(out).containsEntry("h", 10L).containsEntry("d", 1L).containsEntry("m", 3L);
            assertThat((double) out.get("s")).isCloseTo(Math.sin(2 * Math.PI * 10.5 / 24), within(1e-12));
            assertThat((double) out.get("c")).isCloseTo(Math.cos(2 * Math.PI * (1 + 10.5 / 24) / 7), within(1e-12));
        }
        assertThat(fn.apply(Map.of("t", "2024-03-05"))).containsEntry("h", 0L);
    }
}
