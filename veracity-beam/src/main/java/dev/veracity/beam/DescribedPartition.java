package dev.veracity.beam;

import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * The statistics of one feature partition's merged state, with the rows its slicings left unsliced.
 *
 * @param statistics    the partition's datasets (all examples, then the slices), with its features only
 * @param rowsNotSliced per slicing, in order, the rows of slices past the cap
 */
record DescribedPartition(DatasetFeatureStatisticsList statistics, long[] rowsNotSliced) {
    DescribedPartition {
        Objects.requireNonNull(statistics, "statistics is null");
        rowsNotSliced = rowsNotSliced.clone();
    }

    /** Beam's coder: the statistics' wire format, then the counts. */
    static final class Coder extends CustomCoder<DescribedPartition> {
        private static final long serialVersionUID = 1L;
        private static final ProtoCoder<DatasetFeatureStatisticsList> STATISTICS = ProtoCoder.statistics();

        @Override
        public void encode(DescribedPartition value, OutputStream out) throws IOException {
            STATISTICS.encode(value.statistics(), out);
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(value.rowsNotSliced().length);
            for (long rows : value.rowsNotSliced()) {
                data.writeLong(rows);
            }
            data.flush();
        }

        @Override
        public DescribedPartition decode(InputStream in) throws IOException {
            DatasetFeatureStatisticsList statistics = STATISTICS.decode(in);
            DataInputStream data = new DataInputStream(in);
            long[] rows = new long[data.readInt()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = data.readLong();
            }
            return new DescribedPartition(statistics, rows);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Coder;
        }

        @Override
        public int hashCode() {
            return Coder.class.hashCode();
        }
    }
}
