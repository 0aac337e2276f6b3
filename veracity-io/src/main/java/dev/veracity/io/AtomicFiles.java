package dev.veracity.io;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a part: the content goes
 * to a temporary file in the same directory, which is then moved over the target.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("train.pb"), out -> stats.writeTo(out));
 * }</pre>
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to {@code target} atomically; on any failure the target is untouched and the temporary
     * file removed.
     *
     * @throws InputException if the directory does not exist or cannot be written
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new InputException(ErrorCode.FILE_UNWRITABLE, target + ": expected a file to write, found a directory");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new InputException(ErrorCode.FILE_UNWRITABLE, target + ": no such directory " + directory);
        }
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        } catch (AccessDeniedException | NoSuchFileException e) {
            throw new InputException(ErrorCode.FILE_UNWRITABLE, target + ": cannot write in " + directory, e);
        }
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
