package dev.veracity.io.skew;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.skew.RecordBuffer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The partition files of one join, in a fresh temporary directory that {@link #close()} deletes with its content.
 * Each side writes {@code partitions} files of records {@code varint keyLength, key, varint bodyLength, body}.
 */
final class SpillFiles implements Closeable {
    /** Bytes of write buffer shared by all partitions of a side; each gets between 4 and 64 KiB. */
    private static final int WRITE_BUFFER_BYTES = 8 << 20;

    private final Path directory;
    private final int partitions;

    private SpillFiles(Path directory, int partitions) {
        this.directory = directory;
        this.partitions = partitions;
    }

    /** @throws InputException FILE_UNWRITABLE if no directory can be made under {@code parent} */
    static SpillFiles create(Path parent, int partitions) throws IOException {
        try {
            return new SpillFiles(Files.createTempDirectory(parent, "veracity-skew-"), partitions);
        } catch (IOException e) {
            throw new InputException(
                    ErrorCode.FILE_UNWRITABLE,
                    parent + ": expected a writable directory for the join's spill files (--tmp), found " + e,
                    e);
        }
    }

    int partitions() {
        return partitions;
    }

    /** {@return a writer of the partition files of side {@code side} ("base" or "test")} */
    Writer writer(String side) throws IOException {
        return new Writer(side);
    }

    /** Calls {@code consumer} for each record of partition {@code partition} of side {@code side}, in order. */
    void read(String side, int partition, RecordConsumer consumer) throws IOException {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file(side, partition)), 1 << 16))) {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                byte[] key = new byte[readVarint(in, first)];
                in.readFully(key);
                byte[] body = new byte[readVarint(in, in.read())];
                in.readFully(body);
                consumer.accept(key, body);
            }
        }
    }

    private static int readVarint(InputStream in, int first) throws IOException {
        int value = 0;
        int b = first;
        for (int shift = 0; ; shift += 7) {
            if (b < 0) {
                throw new EOFException("spill file ends inside a record");
            }
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            b = in.read();
        }
    }

    private Path file(String side, int partition) {
        return directory.resolve(side + "-" + partition + ".bin");
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Receives spilled records. */
    interface RecordConsumer {
        void accept(byte[] key, byte[] body);
    }

    /** Appends records to the partition files of one side. */
    final class Writer implements Closeable {
        private final OutputStream[] outputs;
        private final byte[] header = new byte[10];

        private Writer(String side) throws IOException {
            outputs = new OutputStream[partitions];
            int buffer = Math.max(4 << 10, Math.min(64 << 10, WRITE_BUFFER_BYTES / partitions));
            try {
                for (int p = 0; p < partitions; p++) {
                    outputs[p] = new BufferedOutputStream(Files.newOutputStream(file(side, p)), buffer);
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        void write(int partition, RecordBuffer key, RecordBuffer body) throws IOException {
            OutputStream out = outputs[partition];
            out.write(header, 0, varint(key.size()));
            out.write(key.array(), 0, key.size());
            out.write(header, 0, varint(body.size()));
            out.write(body.array(), 0, body.size());
        }

        private int varint(int value) {
            int n = 0;
            int v = value;
            while ((v & ~0x7F) != 0) {
                header[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            header[n++] = (byte) v;
            return n;
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (OutputStream out : outputs) {
                if (out == null) {
                    continue;
                }
                try {
                    out.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
