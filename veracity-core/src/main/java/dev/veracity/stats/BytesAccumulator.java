package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.proto.BytesStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sizes of the values of bytes features (TFDV: STRING features the schema gives an {@code image_domain}), for
 * TFDV's {@code bytes_stats}: total, least and greatest number of bytes of a value. At the result, such a feature's
 * statistics become type BYTES with {@code bytes_stats} (its common statistics, {@code avg_num_bytes},
 * {@code min_num_bytes}, {@code max_num_bytes}, {@code max_num_bytes_int}, and {@code unique}) instead of
 * {@code string_stats}, as TFDV's {@code basic_stats_generator} writes them. Mergeable and serializable.
 */
final class BytesAccumulator {
    private final StatisticsOptions options;
    private final Map<String, long[]> sizes = new TreeMap<>();

    private static final int TOTAL = 0;
    private static final int MIN = 1;
    private static final int MAX = 2;

    BytesAccumulator(StatisticsOptions options) {
        this.options = options;
    }

    void add(RecordBatch batch) {
        if (options.bytesFeatures().isEmpty()) {
            return;
        }
        for (Column column : batch.columns()) {
            if (!(column instanceof StringColumn strings) || !options.isBytes(column.name())) {
                continue;
            }
            long[] state = sizes.computeIfAbsent(column.name(), n -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
            int[] offsets = strings.valueOffsets();
            for (int v = 0; v < strings.valueCount(); v++) {
                long size = offsets[v + 1] - offsets[v];
                state[TOTAL] += size;
                state[MIN] = Math.min(state[MIN], size);
                state[MAX] = Math.max(state[MAX], size);
            }
        }
    }

    void merge(BytesAccumulator other) {
        for (Map.Entry<String, long[]> theirs : other.sizes.entrySet()) {
            long[] state = sizes.computeIfAbsent(theirs.getKey(), n -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
            state[TOTAL] += theirs.getValue()[TOTAL];
            state[MIN] = Math.min(state[MIN], theirs.getValue()[MIN]);
            state[MAX] = Math.max(state[MAX], theirs.getValue()[MAX]);
        }
    }

    /** Turns the string statistics of the bytes features into TFDV's bytes statistics. */
    void decorate(DatasetFeatureStatistics.Builder dataset) {
        if (sizes.isEmpty()) {
            return;
        }
        for (FeatureNameStatistics.Builder feature : dataset.getFeaturesBuilderList()) {
            long[] state = feature.getPath().getStepCount() == 1
                    ? sizes.get(feature.getPath().getStep(0))
                    : null;
            if (state == null || !feature.hasStringStats()) {
                continue;
            }
            var strings = feature.getStringStats();
            BytesStatistics.Builder bytes = BytesStatistics.newBuilder()
                    .setCommonStats(strings.getCommonStats())
                    .setUnique(strings.getUnique());
            long values = strings.getCommonStats().getTotNumValues();
            if (values > 0) {
                bytes.setAvgNumBytes((float) ((double) state[TOTAL] / values))
                        .setMinNumBytes(state[MIN])
                        .setMaxNumBytes(state[MAX])
                        .setMaxNumBytesInt(state[MAX]);
            }
            feature.setType(FeatureNameStatistics.Type.BYTES).setBytesStats(bytes);
        }
    }

    long retainedBytes() {
        return 32 + sizes.size() * 64L;
    }

    void writeState(DataOutput out) throws IOException {
        out.writeInt(sizes.size());
        for (Map.Entry<String, long[]> entry : sizes.entrySet()) {
            out.writeUTF(entry.getKey());
            for (long value : entry.getValue()) {
                out.writeLong(value);
            }
        }
    }

    void readState(DataInput in) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            sizes.put(name, new long[] {in.readLong(), in.readLong(), in.readLong()});
        }
    }
}
