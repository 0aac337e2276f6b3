package dev.veracity.pipeline.components;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The file work of {@link Export}: copying a tree, swapping a directory into place, deleting one. */
final class ExportCopy {
    private ExportCopy() {}

    /** Copies a file or a directory tree (regular files and directories; links are followed) to {@code target}. */
    static void tree(Path source, Path target) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            Path to = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(to);
            } else {
                Files.copy(path, to);
            }
        }
    }

    /** Renames {@code temporary} to {@code destination}, replacing (then deleting) what was there. */
    static void replace(Path temporary, Path destination) throws IOException {
        Path old = null;
        if (Files.exists(destination)) {
            old = destination.resolveSibling("." + destination.getFileName() + ".old-" + System.nanoTime());
            move(destination, old);
        }
        move(temporary, destination);
        if (old != null) {
            delete(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a directory tree if it exists. */
    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
