package dev.veracity.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files and directories this process is writing, removed when the JVM shuts down (normal exit,
 * SIGTERM, SIGINT) or when the CLI gives up after an {@link OutOfMemoryError}; a file is registered while it is
 * written and unregistered once moved into place.
 *
 * <pre>{@code
 * Path spill = TemporaryFiles.register(Files.createTempDirectory(parent, "veracity-skew-"));
 * try { ... } finally { TemporaryFiles.delete(spill); }
 * }</pre>
 *
 * <p>The registry is process-wide state on purpose: a shutdown hook belongs to the JVM, not to one command.
 */
public final class TemporaryFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll, "veracity-temporary-files"));
    }

    private TemporaryFiles() {}

    /** {@return {@code path}, now removed at shutdown unless {@link #unregister} or {@link #delete} is called first} */
    public static Path register(Path path) {
        LIVE.add(path.toAbsolutePath());
        return path;
    }

    /** Forgets {@code path} (it was moved into place, or its owner removed it). */
    public static void unregister(Path path) {
        LIVE.remove(path.toAbsolutePath());
    }

    /** Removes {@code path} (a directory with its content) and forgets it. */
    public static void delete(Path path) throws IOException {
        unregister(path);
        deleteTree(path);
    }

    /** {@return the registered paths, for tests and diagnostics} */
    public static List<Path> live() {
        return List.copyOf(LIVE);
    }

    /** Removes every registered path, ignoring failures: called at shutdown and after a fatal error. */
    public static void deleteAll() {
        for (Path path : new ArrayList<>(LIVE)) {
            try {
                delete(path);
            } catch (IOException | RuntimeException e) {
                // Best effort: the process is ending and has no one left to tell.
                LIVE.remove(path);
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
