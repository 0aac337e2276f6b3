package dev.veracity.io;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands input arguments into files: a path is taken as it is; a directory becomes its part files
 * ({@link #partFiles}); a glob ({@code data/*.csv}, {@code logs/**.csv.gz},
 * {@code part-?.csv}), when no file has that literal name, becomes the matching regular files in sorted order. Shells
 * expand unquoted globs themselves; this serves quoted ones and the Java API.
 *
 * <pre>{@code
 * List<Path> files = InputPaths.expand(List.of("data/2024-*.csv"));
 * }</pre>
 */
public final class InputPaths {
    private InputPaths() {}

    /**
     * {@return the files the arguments name, in argument order, each glob's matches sorted}
     *
     * @throws InputException FILE_NOT_FOUND if a glob matches no file
     */
    public static List<Path> expand(List<String> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            Path literal = Path.of(argument);
            if (Files.isDirectory(literal)) {
                files.addAll(partFiles(literal));
                continue;
            }
            if (!isGlob(argument) || Files.exists(literal)) {
                files.add(literal);
                continue;
            }
            List<Path> matches = matches(argument);
            if (matches.isEmpty()) {
                throw new InputException(
                        ErrorCode.FILE_NOT_FOUND, argument + ": expected files matching this " + "pattern, found none");
            }
            files.addAll(matches);
        }
        return List.copyOf(files);
    }

    /**
     * {@return the data files of a directory, as Spark, Beam and TFX write them ({@code part-00000.parquet},
     * {@code data_tfrecord-00000-of-00004.gz}): its regular files in name order, without hidden files, names
     * starting with {@code _} ({@code _SUCCESS}, {@code _metadata}) and checksum files ({@code .crc})}
     *
     * @throws InputException FILE_NOT_FOUND if the directory holds no data file
     */
    public static List<Path> partFiles(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            List<Path> parts = list.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith(".") && !name.startsWith("_") && !name.endsWith(".crc");
                    })
                    .sorted()
                    .toList();
            if (parts.isEmpty()) {
                throw new InputException(
                        ErrorCode.FILE_NOT_FOUND,
                        directory + ": expected data files in this " + "directory, found none");
            }
            return parts;
        }
    }

    private static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> matches(String glob) throws IOException {
        String separator = FileSystems.getDefault().getSeparator();
        int firstGlob = 0;
        while (!isGlob(String.valueOf(glob.charAt(firstGlob)))) {
            firstGlob++;
        }
        int lastSeparator = glob.lastIndexOf(separator, firstGlob);
        Path base = lastSeparator < 0 ? Path.of("") : Path.of(glob.substring(0, lastSeparator + 1));
        String rest = glob.substring(lastSeparator + 1);
        int depth =
                rest.contains("**") ? Integer.MAX_VALUE : rest.split(java.util.regex.Pattern.quote(separator)).length;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        Path start = base.toString().isEmpty() ? Path.of(".") : base;
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(start.relativize(p)))
                    .map(p -> base.toString().isEmpty() ? start.relativize(p) : p)
                    .sorted()
                    .toList();
        }
    }
}
