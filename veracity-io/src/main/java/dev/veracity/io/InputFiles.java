package dev.veracity.io;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens input files with errors a user understands: a missing file, a directory, a special file where a regular one
 * is needed, or an unreadable file each becomes an {@link InputException} naming the path.
 *
 * <pre>{@code
 * try (InputStream in = InputFiles.open(Path.of("train.pb"))) { ... }
 * }</pre>
 */
public final class InputFiles {
    private InputFiles() {}

    /**
     * {@return a stream over the bytes of a file that is not a directory (a pipe is fine)}
     *
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE (a directory) or FILE_UNREADABLE
     */
    public static InputStream open(Path file) throws IOException {
        return open(file, attributes(file));
    }

    /**
     * {@return a stream over the bytes of a regular file, for readers that need to read it more than once}
     *
     * @param why why a regular file is needed, for the message (e.g. "it is read twice")
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE or FILE_UNREADABLE
     */
    public static InputStream openRegularFile(Path file, String why) throws IOException {
        BasicFileAttributes attributes = attributes(file);
        if (!attributes.isRegularFile()) {
            throw new InputException(
                    ErrorCode.NOT_A_REGULAR_FILE,
                    file + ": expected a regular file, found a special file (" + why + ")");
        }
        return open(file, attributes);
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorCode.FILE_NOT_FOUND, file + ": no such file", e);
        }
        if (attributes.isDirectory()) {
            throw new InputException(ErrorCode.NOT_A_REGULAR_FILE, file + ": expected a file, found a directory");
        }
        return attributes;
    }

    private static InputStream open(Path file, BasicFileAttributes attributes) throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new InputException(
                    ErrorCode.FILE_UNREADABLE, file + ": expected a readable file, found no read permission", e);
        }
    }

    /**
     * {@return the inflated bytes of a gzip stream, whose corrupt or truncated data is an {@link InputException}
     * naming the file} ({@code Not in GZIP format}, {@code Unexpected end of ZLIB input stream} and an
     * {@link EOFException} name no file themselves). Closing it closes {@code compressed}.
     *
     * @param name the file's name for messages
     * @throws InputException FILE_UNREADABLE if the stream does not start with a gzip header
     */
    public static InputStream gunzip(InputStream compressed, String name) throws IOException {
        try {
            return new Gunzip(new GZIPInputStream(compressed, 1 << 16), name);
        } catch (ZipException | EOFException e) {
            compressed.close();
            throw corruptGzip(name, e);
        }
    }

    private static InputException corruptGzip(String name, IOException e) {
        String found = e instanceof EOFException
                ? "a truncated file (" + e.getMessage() + ")"
                : "corrupt compressed data (" + e.getMessage() + ")";
        return new InputException(
                ErrorCode.FILE_UNREADABLE, name + ": expected a complete gzip stream, found " + found, e);
    }

    /** Inflated bytes whose gzip errors name the file. */
    private static final class Gunzip extends FilterInputStream {
        private final String name;

        Gunzip(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (ZipException | EOFException e) {
                throw corruptGzip(name, e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return in.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw corruptGzip(name, e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (ZipException | EOFException e) {
                throw corruptGzip(name, e);
            }
        }
    }
}
