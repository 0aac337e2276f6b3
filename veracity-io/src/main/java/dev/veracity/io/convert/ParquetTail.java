package dev.veracity.io.convert;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * The end of a Parquet file (column and offset indexes, footer, footer length, magic) with its footer made
 * deterministic before it is written: parquet-java gathers a column chunk's encodings in a {@code HashSet} of enum
 * constants, whose iteration order follows identity hash codes, so two runs (or a run with and without the
 * class-data archive) could write the same pages with a differently ordered {@code encodings} list.
 * The lists are sorted by encoding number; the footer keeps its length, so the rest of the tail is unchanged.
 *
 * <p>Example: {@code byte[] fixed = ParquetTail.normalized(tailBytes); out.write(fixed);}
 */
final class ParquetTail {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetTail() {}

    /**
     * @param tail the bytes parquet-java wrote from the end of the last row group to the end of the file
     * @return the same bytes with each column chunk's encoding lists in a fixed order
     */
    static byte[] normalized(byte[] tail) throws IOException {
        int n = tail.length;
        if (n < 8 || !Arrays.equals(tail, n - 4, n, MAGIC, 0, 4)) {
            throw new IOException("Parquet writer: the file does not end with its magic number");
        }
        int footerLength =
                ByteBuffer.wrap(tail, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = n - 8 - footerLength;
        if (footerLength < 0 || footerStart < 0) {
            throw new IOException("Parquet writer: footer length " + footerLength + " outside the file's tail");
        }
        FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(tail, footerStart, footerLength));
        for (RowGroup group : footer.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                sort(chunk.getMeta_data());
            }
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(footerLength);
        Util.writeFileMetaData(footer, encoded);
        if (encoded.size() != footerLength) {
            throw new IOException("Parquet writer: footer changed length when its encodings were ordered ("
                    + footerLength + " -> " + encoded.size() + " bytes)");
        }
        byte[] result = tail.clone();
        System.arraycopy(encoded.toByteArray(), 0, result, footerStart, footerLength);
        return result;
    }

    private static void sort(ColumnMetaData meta) {
        if (meta == null) {
            return;
        }
        List<Encoding> encodings = meta.getEncodings();
        if (encodings != null) {
            encodings.sort(Comparator.comparingInt(Encoding::getValue));
        }
        List<PageEncodingStats> stats = meta.getEncoding_stats();
        if (stats != null) {
            stats.sort(Comparator.<PageEncodingStats>comparingInt(
                            s -> s.getPage_type().getValue())
                    .thenComparingInt(s -> s.getEncoding().getValue()));
        }
    }

    /** Passes writes through until {@link #startTail()}, then keeps them until {@link #finishTail()}. */
    static final class Capture {
        private final OutputStream out;
        private ByteArrayOutputStream tail;

        Capture(OutputStream out) {
            this.out = out;
        }

        void startTail() {
            tail = new ByteArrayOutputStream();
        }

        void write(int b) throws IOException {
            if (tail != null) {
                tail.write(b);
            } else {
                out.write(b);
            }
        }

        void write(byte[] b, int off, int len) throws IOException {
            if (tail != null) {
                tail.write(b, off, len);
            } else {
                out.write(b, off, len);
            }
        }

        void finishTail() throws IOException {
            if (tail != null) {
                out.write(normalized(tail.toByteArray()));
                tail = null;
            }
        }

        void flush() throws IOException {
            out.flush();
        }
    }
}
