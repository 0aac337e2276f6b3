package dev.veracity.io;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens input files with errors a user understands: a missing file, a directory, a special file where a regular one
 * is needed, or an unreadable file each becomes an {@link InputException} naming the path.
 *
 * <pre>{@code
 * try (InputStream in = InputFiles.open(Path.of("train.pb"))) { ... }
 * }</pre>
 */
public final class InputFiles {
    private InputFiles() {
    }

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
            throw new InputException(ErrorCode.NOT_A_REGULAR_FILE,
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
            throw new InputException(ErrorCode.FILE_UNREADABLE,
                    file + ": expected a readable file, found no read permission", e);
        }
    }
}
