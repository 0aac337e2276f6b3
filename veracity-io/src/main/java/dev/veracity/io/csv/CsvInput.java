package dev.veracity.io.csv;

import dev.veracity.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;

/**
 * One input file of a dataset: plain CSV, which can be read from any offset (and so split into chunks), or gzip,
 * which can only be read from its start.
 *
 * @param path the file
 * @param size its size in bytes (compressed size for gzip)
 * @param gzip whether it is gzip-compressed (by its {@code .gz} extension)
 */
record CsvInput(Path path, long size, boolean gzip) {
    CsvInput {
        Objects.requireNonNull(path, "path is null");
    }

    /** {@return the input for a file, checked to be a readable regular file} */
    static CsvInput of(Path path) throws IOException {
        try (InputStream checked = InputFiles.openRegularFile(path, "it is read twice")) {
            boolean gzip =
                    path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
            return new CsvInput(path, java.nio.file.Files.size(path), gzip);
        }
    }

    /** {@return the file as messages name it} */
    String name() {
        return path.toString();
    }

    /** {@return the file's bytes as stored (compressed, for gzip), from its start} */
    InputStream openCompressed() throws IOException {
        return InputFiles.openRegularFile(path, "it is read twice");
    }

    /** {@return the (decompressed) bytes from {@code offset} on; a gzip file only from offset 0} */
    InputStream openAt(long offset) throws IOException {
        if (gzip) {
            if (offset != 0) {
                throw new IllegalArgumentException("a gzip file is read from its start only");
            }
            return InputFiles.gunzip(InputFiles.openRegularFile(path, "it is read twice"), name());
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel); // the tokenizer reads in large blocks itself
    }
}
