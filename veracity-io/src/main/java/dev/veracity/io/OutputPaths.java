package dev.veracity.io;

import dev.veracity.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Refuses a command's outputs that would destroy one of its inputs or each other: an output that is, after symbolic
 * links, the same file as an input ({@code stats d.json -o d.json}) or as another output of the same command.
 *
 * <pre>{@code
 * OutputPaths.refuseOverwrite(List.of(input), List.of(output));   // before reading anything
 * }</pre>
 */
public final class OutputPaths {
    private OutputPaths() {}

    /**
     * Checks that no output is an input or another output; paths that are {@code null} are ignored (an option that
     * was not given), and so are inputs that are not files (a {@code jdbc:} URL, a glob).
     *
     * @throws ConfigException (exit 2) naming the output and the input it would overwrite
     */
    public static void refuseOverwrite(Collection<Path> inputs, Collection<Path> outputs) {
        List<Path> seen = new ArrayList<>();
        List<Path> seenAs = new ArrayList<>();
        for (Path output : outputs) {
            if (output == null) {
                continue;
            }
            Path resolved = resolve(output);
            for (Path input : inputs) {
                if (input != null && same(resolved, input)) {
                    throw new ConfigException(output + ": expected an output file other than the input, found the "
                            + "input " + input + " (writing it would destroy the input)");
                }
            }
            for (int i = 0; i < seen.size(); i++) {
                if (seen.get(i).equals(resolved)) {
                    throw new ConfigException(output + ": expected a different file for each output, found it "
                            + "given twice (also as " + seenAs.get(i) + ")");
                }
            }
            seen.add(resolved);
            seenAs.add(output);
        }
    }

    /**
     * Like {@link #refuseOverwrite(Collection, Collection)} with inputs as given on the command line: a {@code jdbc:}
     * URL is not a file, and a glob only matches itself (pass the expanded files too when there are any).
     */
    public static void refuseOverwrite(List<String> inputs, Path... outputs) {
        List<Path> paths = new ArrayList<>();
        for (String input : inputs) {
            if (input != null && !input.startsWith("jdbc:")) {
                try {
                    paths.add(Path.of(input));
                } catch (InvalidPathException e) {
                    // Not a path: nothing it could be the same file as.
                }
            }
        }
        refuseOverwrite(paths, Arrays.asList(outputs));
    }

    private static boolean same(Path resolvedOutput, Path input) {
        Path resolvedInput = resolve(input);
        if (resolvedInput.equals(resolvedOutput)) {
            return true;
        }
        try {
            // Hard links, bind mounts: the same file under two names.
            return Files.exists(resolvedInput)
                    && Files.exists(resolvedOutput)
                    && Files.isSameFile(resolvedInput, resolvedOutput);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@return the absolute path with symbolic links resolved, also for a file that does not exist yet} */
    static Path resolve(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            // Missing (an output to be created) or a dangling link: resolve what exists, keep the rest as written.
        }
        try {
            if (Files.isSymbolicLink(absolute)) {
                Path link = Files.readSymbolicLink(absolute);
                Path parent = absolute.getParent();
                return resolve(parent == null ? link : parent.resolve(link));
            }
        } catch (IOException e) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent == null || Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return absolute;
        }
        return resolve(parent).resolve(absolute.getFileName());
    }
}
