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
 * @param name   the file as messages name it
 * @param size   its size in bytes (compressed size for gzip)
 * @param gzip   whether it is gzip-compressed (by its {@code .gz} extension)
 * @param opener its stored bytes (compressed, for gzip) from an offset
 */
record CsvInput(String name, long size, boolean gzip, CsvSplits.Opener opener) {
    CsvInput {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(opener, "opener is null");
    }

    /** {@return the input for a file, checked to be a readable regular file} */
    static CsvInput of(Path path) throws IOException {
        try (InputStream checked = InputFiles.openRegularFile(path, "it is read twice")) {
            return new CsvInput(path.toString(), java.nio.file.Files.size(path), gzip(path.toString()), offset -> {
                if (offset == 0) {
                    return InputFiles.openRegularFile(path, "it is read twice");
                }
                FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
                channel.position(offset);
                return Channels.newInputStream(channel); // the tokenizer reads in large blocks itself
            });
        }
    }

    /** {@return whether a file of this name is gzip-compressed} */
    static boolean gzip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** {@return the file's bytes as stored (compressed, for gzip), from its start} */
    InputStream openCompressed() throws IOException {
        return opener.openAt(0);
    }

    /** {@return the (decompressed) bytes from {@code offset} on; a gzip file only from offset 0} */
    InputStream openAt(long offset) throws IOException {
        if (gzip) {
            if (offset != 0) {
                throw new IllegalArgumentException("a gzip file is read from its start only");
            }
            return InputFiles.gunzip(opener.openAt(0), name);
        }
        return opener.openAt(offset);
    }
}
