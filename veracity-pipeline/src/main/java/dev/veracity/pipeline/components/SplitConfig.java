package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Named splits with hash buckets, TFX's {@code output_config.split_config}: an example goes to the split whose
 * cumulative bucket range holds {@code int(sha256(key)) mod total buckets}, so the assignment depends only on the
 * key. Order matters: {@code train:60, eval:5, test:5, holdout:20} keeps train fixed while later splits are refined.
 *
 * <pre>{@code
 * SplitConfig splits = SplitConfig.of(Map.of("train", "2", "eval", "1"));   // TFX's default 2:1
 * int split = splits.splitOf(keyBytes);
 * }</pre>
 */
public final class SplitConfig {
    /** TFX's default when a pipeline sets no splits. */
    public static final SplitConfig DEFAULT = new SplitConfig(List.of("train", "eval"), new long[] {2, 3});

    private final List<String> names;
    private final long[] cumulative;

    private SplitConfig(List<String> names, long[] cumulative) {
        this.names = List.copyOf(names);
        this.cumulative = cumulative;
    }

    /**
     * {@return the splits in map order, each with its number of buckets}
     *
     * @throws ConfigException if a count is not a positive integer or a name is not a word
     */
    public static SplitConfig of(Map<String, String> buckets) {
        if (buckets.isEmpty()) {
            return DEFAULT;
        }
        List<String> names = new ArrayList<>();
        long[] cumulative = new long[buckets.size()];
        long total = 0;
        int i = 0;
        for (Map.Entry<String, String> entry : buckets.entrySet()) {
            if (!entry.getKey().matches("[A-Za-z0-9_-]+")) {
                throw new ConfigException("splits: expected a split name of letters, digits, '_' and '-', found \""
                        + entry.getKey() + "\"");
            }
            long count;
            try {
                count = Long.parseLong(entry.getValue().strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count <= 0 || count > Integer.MAX_VALUE) {
                throw new ConfigException("splits: " + entry.getKey() + ": expected a positive number of hash "
                        + "buckets, found " + entry.getValue());
            }
            total += count;
            names.add(entry.getKey());
            cumulative[i++] = total;
        }
        return new SplitConfig(names, cumulative);
    }

    /** {@return the split names in order} */
    public List<String> names() {
        return names;
    }

    /** {@return the total number of buckets} */
    public long totalBuckets() {
        return cumulative[cumulative.length - 1];
    }

    /** {@return the bucket of a key: the SHA-256 digest read as an unsigned big-endian integer, mod the total} */
    public long bucketOf(byte[] sha256) {
        long total = totalBuckets();
        long remainder = 0;
        for (byte b : sha256) {
            remainder = (remainder * 256 + (b & 0xFF)) % total;
        }
        return remainder;
    }

    /** {@return the index of the split of a key's digest: the first whose cumulative bucket count exceeds its bucket} */
    public int splitOf(byte[] sha256) {
        long bucket = bucketOf(sha256);
        for (int i = 0; i < cumulative.length; i++) {
            if (bucket < cumulative[i]) {
                return i;
            }
        }
        throw new AssertionError("bucket " + bucket + " beyond " + totalBuckets());
    }
}
