package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting by bytes against counting by text in a HashMap, on random keys (invalid UTF-8 included). */
class ByteCountsTest {
    @Test
    void countsAsAMapOfTextDoes() {
        Random random = new Random(19);
        for (int round = 0; round < 20; round++) {
            int distinct = 1 + random.nextInt(round < 10 ? 30 : 5_000);
            byte[][] keys = new byte[distinct][];
            for (int k = 0; k < distinct; k++) {
                keys[k] = new byte[random.nextInt(round % 2 == 0 ? 12 : 30)];
                random.nextBytes(keys[k]);
                if (random.nextBoolean()) {
                    for (int i = 0; i < keys[k].length; i++) {
                        keys[k][i] &= 0x7F; // ASCII
                    }
                }
            }
            ByteCounts first = new ByteCounts();
            ByteCounts second = new ByteCounts();
            Map<String, long[]> expected = new HashMap<>();
            byte[] buffer = new byte[64];
            for (int i = 0; i < 3 * distinct + random.nextInt(100); i++) {
                byte[] key = keys[random.nextInt(distinct)];
                int at = random.nextInt(30);
                System.arraycopy(key, 0, buffer, at, key.length);
                (random.nextBoolean() ? first : second).add(buffer, at, key.length, 1);
                expected.computeIfAbsent(new String(key, StandardCharsets.UTF_8), t -> new long[2])[0]++;
            }
            first.addAll(second);
            Map<String, long[]> actual = new HashMap<>();
            actual.put("already", new long[] {5, 7});
            expected.computeIfAbsent("already", t -> new long[2])[0] += 5;
            expected.get("already")[1] += 7;
            first.drainInto(actual);
            assertThat(first.size()).isZero();
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach(
                    (text, counts) -> assertThat(actual.get(text)).as(text).containsExactly(counts));
        }
    }
}
