package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** TFX's hash-bucket split: SHA-256 of the key as an unsigned integer, mod the total, by cumulative buckets. */
class SplitConfigTest {
    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static StringColumn strings(String... values) {
        int rows = values.length;
        int[] rowOffsets = new int[rows + 1];
        int[] valueOffsets = new int[rows + 1];
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            all.append(values[i]);
            rowOffsets[i + 1] = i + 1;
            valueOffsets[i + 1] = all.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        boolean[] present = new boolean[rows];
        java.util.Arrays.fill(present, true);
        return new StringColumn(
                "user", rows, present, rowOffsets, valueOffsets, all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Expected values from Python: {@code int(hashlib.sha256(key).hexdigest(), 16) % n}, key as TFX serializes it. */
    @Test
    void bucketsMatchPythonsHashOfTheSerializedFeature() throws Exception {
        StringColumn users = strings("r0001", "r0214", "alice", "");
        String[] keys = {"0a070a057230303031", "0a070a057230323134", "0a070a05616c696365", "0a020a00"};
        long[] mod3 = {2, 0, 1, 1};
        long[] mod100 = {69, 33, 38, 32};
        int[] split21 = {1, 0, 0, 0};
        SplitConfig twoToOne = SplitConfig.DEFAULT;
        SplitConfig hundred = SplitConfig.of(Map.of("all", "100"));
        for (int row = 0; row < 4; row++) {
            byte[] key = PartitionKeys.feature(users, row);
            assertThat(HexFormat.of().formatHex(key)).isEqualTo(keys[row]);
            assertThat(twoToOne.bucketOf(sha256(key))).isEqualTo(mod3[row]);
            assertThat(hundred.bucketOf(sha256(key))).isEqualTo(mod100[row]);
            assertThat(twoToOne.splitOf(sha256(key))).isEqualTo(split21[row]);
        }
        IntColumn ints = new IntColumn(
                "n", 4, new boolean[] {true, true, true, true}, new int[] {0, 1, 2, 3, 4}, new long[] {0, 7, 300, -1});
        String[] intKeys = {"1a030a0100", "1a030a0107", "1a040a02ac02", "1a0c0a0affffffffffffffffff01"};
        long[] intMod100 = {43, 33, 0, 41};
        for (int row = 0; row < 4; row++) {
            byte[] key = PartitionKeys.feature(ints, row);
            assertThat(HexFormat.of().formatHex(key)).isEqualTo(intKeys[row]);
            assertThat(hundred.bucketOf(sha256(key))).isEqualTo(intMod100[row]);
        }
    }

    @SeededProperty(tries = 20)
    void theSplitDependsOnlyOnTheKeyAndFollowsTheRatios(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int train = Gen.between(random, 1, 9);
        int eval = Gen.between(random, 1, 9);
        Map<String, String> buckets = new LinkedHashMap<>();
        buckets.put("train", Integer.toString(train));
        buckets.put("eval", Integer.toString(eval));
        SplitConfig splits = SplitConfig.of(buckets);
        int n = 3000;
        int inTrain = 0;
        for (int i = 0; i < n; i++) {
            byte[] digest = sha256(Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8));
            int split = splits.splitOf(digest);
            assertThat(splits.splitOf(digest.clone())).isEqualTo(split);
            inTrain += split == 0 ? 1 : 0;
            // Refining the later split (eval into eval + test) never moves a train example.
            Map<String, String> refined = new LinkedHashMap<>(buckets);
            refined.put("eval", "1");
            refined.put("test", Integer.toString(eval - 1 == 0 ? 1 : eval - 1));
            if (eval > 1) {
                assertThat(SplitConfig.of(refined).splitOf(digest) == 0).isEqualTo(split == 0);
            }
        }
        double p = (double) train / (train + eval);
        double sd = Math.sqrt(n * p * (1 - p));
        assertThat((double) inTrain).isBetween(n * p - 6 * sd, n * p + 6 * sd);
    }

    @Test
    void badSplitsAreRefused() {
        assertThatThrownBy(() -> SplitConfig.of(Map.of("train", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("splits: train: expected a positive number of hash buckets, found 0");
        assertThatThrownBy(() -> SplitConfig.of(Map.of("a b", "1"))).hasMessageContaining("found \"a b\"");
        assertThat(SplitConfig.of(Map.of()).names()).containsExactly("train", "eval");
    }
}
