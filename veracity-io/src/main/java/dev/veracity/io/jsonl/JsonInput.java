package dev.veracity.io.jsonl;

import dev.veracity.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;

/**
 * One JSON Lines file of a dataset: plain, which can be read from any line start (and so split into ranges), or gzip
 * ({@code .gz}), which can only be read from its start.
 *
 * @param path the file
 * @param size its size in bytes (compressed size for gzip)
 * @param gzip whether it is gzip-compressed
 */
record JsonInput(Path path, long size, boolean gzip) {
    static final String READ_TWICE = "it is read twice";

    JsonInput {
        Objects.requireNonNull(path, "path is null");
    }

    /**
     * {@return the input for a file, checked to be a readable regular file}
     *
     * @throws dev.veracity.InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE or FILE_UNREADABLE
     */
    static JsonInput of(Path path) throws IOException {
        try (InputStream checked = InputFiles.openRegularFile(path, READ_TWICE)) {
            boolean gzip =
                    path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
            return new JsonInput(path, Files.size(path), gzip);
        }
    }

    /** {@return the file as messages name it} */
    String name() {
        return path.toString();
    }

    /**
     * {@return the (decompressed) bytes from {@code start} to {@code end}, or to the end of the file if {@code end} is
     * {@link Long#MAX_VALUE}; a gzip file only from 0 to its end}
     */
    InputStream open(long start, long end) throws IOException {
        if (gzip) {
            if (start != 0 || end != Long.MAX_VALUE) {
                throw new IllegalArgumentException("a gzip file is read whole");
            }
            return InputFiles.gunzip(InputFiles.openRegularFile(path, READ_TWICE), name());
        }
        if (start == 0 && end == Long.MAX_VALUE) {
            return InputFiles.openRegularFile(path, READ_TWICE);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        channel.position(start);
        InputStream in = Channels.newInputStream(channel); // the splitter reads in large blocks itself
        return end == Long.MAX_VALUE ? in : new BoundedInputStream(in, end - start);
    }

    /** The first {@code remaining} bytes of a stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(bytes, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
