package dev.veracity.io;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens input files with errors a user understands: a missing file, a directory or an unreadable file each becomes
 * an {@link InputException} naming the path.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * {@return a stream over the file's bytes}
     *
     * @throws InputException if the file is missing, a directory or unreadable
     */
    public static InputStream open(Path file) throws IOException {
        checkReadable(file);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorCode.FILE_NOT_FOUND, file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(ErrorCode.FILE_UNREADABLE, file + ": permission denied", e);
        }
    }

    /**
     * Checks that the path is an existing, readable regular file.
     *
     * @throws InputException if not
     */
    public static void checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(ErrorCode.NOT_A_REGULAR_FILE, file + ": expected a file, found a directory");
        }
        if (!Files.exists(file)) {
            throw new InputException(ErrorCode.FILE_NOT_FOUND, file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(ErrorCode.FILE_UNREADABLE, file + ": permission denied");
        }
    }
}
