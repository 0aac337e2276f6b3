package dev.veracity.io;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a part: the content goes
 * to a temporary file in the same directory, which is then moved over the target.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("train.pb"), out -> stats.writeTo(out));
 * }</pre>
 *
 * <p>A symbolic link is written through (its target is replaced, the link stays). A new file gets the mode the
 * umask gives ({@code 0666 & ~umask}); an existing file keeps its mode. The temporary file,
 * {@code .NAME.PID.RANDOM.tmp}, is removed on failure and at JVM shutdown ({@link TemporaryFiles}); one left by a
 * killed process ({@code kill -9}) is removed by the next write of the same target once that process is gone.
 */
public final class AtomicFiles {
    private static final String SUFFIX = ".tmp";

    private AtomicFiles() {}

    /** Something that writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to {@code target} atomically; on any failure the target is untouched and the temporary
     * file removed. An I/O error of the output (a full disk) names {@code target}.
     *
     * @throws InputException if the directory does not exist or cannot be written
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = throughLinks(target.toAbsolutePath());
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new InputException(
                    ErrorCode.FILE_UNWRITABLE, target + ": expected a file to write, found a directory");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new InputException(ErrorCode.FILE_UNWRITABLE, target + ": no such directory " + directory);
        }
        removeStaleTemporaries(absolute);
        Path temporary = createTemporary(target, absolute);
        boolean moved = false;
        try {
            try (OutputStream out =
                    new BufferedOutputStream(new Named(Files.newOutputStream(temporary), target), 1 << 16)) {
                content.writeTo(out);
            }
            keepMode(absolute, temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            TemporaryFiles.unregister(temporary);
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** {@return the prefix of the temporary files of {@code target}: {@code .NAME.}} */
    static String temporaryPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    private static Path throughLinks(Path target) throws IOException {
        Path path = target;
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(path); hops++) {
            Path parent = path.getParent();
            Path link = Files.readSymbolicLink(path);
            path = (parent == null ? link : parent.resolve(link)).normalize();
        }
        return path;
    }

    private static Path createTemporary(Path target, Path absolute) throws IOException {
        Path directory = absolute.getParent();
        String prefix = temporaryPrefix(absolute) + ProcessHandle.current().pid() + ".";
        for (int attempt = 0; ; attempt++) {
            Path temporary = directory.resolve(
                    prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + SUFFIX);
            try {
                // createFile, unlike createTempFile (always 0600), lets the umask decide the mode, as for any new file.
                Files.createFile(TemporaryFiles.register(temporary));
                return temporary;
            } catch (FileAlreadyExistsException e) {
                TemporaryFiles.unregister(temporary);
                if (attempt > 100) {
                    throw e;
                }
            } catch (AccessDeniedException | NoSuchFileException e) {
                TemporaryFiles.unregister(temporary);
                throw new InputException(ErrorCode.FILE_UNWRITABLE, target + ": cannot write in " + directory, e);
            } catch (IOException e) {
                TemporaryFiles.unregister(temporary);
                throw e;
            }
        }
    }

    private static void keepMode(Path target, Path temporary) throws IOException {
        PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView written = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (existing == null || written == null || !Files.exists(target)) {
            return;
        }
        try {
            written.setPermissions(existing.readAttributes().permissions());
        } catch (NoSuchFileException e) {
            // The target vanished meanwhile: the new file keeps the umask's mode.
        }
    }

    /** Removes {@code .NAME.PID.*.tmp} files of {@code target} whose process is no longer running. */
    private static void removeStaleTemporaries(Path target) {
        String prefix = temporaryPrefix(target);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent(), prefix + "*" + SUFFIX)) {
            for (Path entry : entries) {
                String middle = entry.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - SUFFIX.length());
                int dot = middle.indexOf('.');
                if (dot <= 0 || middle.indexOf('.', dot + 1) >= 0) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(middle.substring(0, dot));
                    if (ProcessHandle.of(pid).isEmpty()) {
                        Files.deleteIfExists(entry);
                    }
                } catch (NumberFormatException | IOException e) {
                    // Not ours, or not removable: leave it.
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up after another process is a courtesy; the write itself must not fail over it.
        }
    }

    /** The output file's stream, whose I/O errors ("No space left on device") name the file being written. */
    static final class Named extends FilterOutputStream {
        private final Path target;

        Named(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw named(e);
            }
        }

        private IOException named(IOException e) {
            if (e instanceof FileSystemException) {
                return e;
            }
            FileSystemException named = new FileSystemException(
                    target.toString(),
                    null,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            named.initCause(e);
            return named;
        }
    }
}
