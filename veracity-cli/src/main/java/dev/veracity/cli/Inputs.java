package dev.veracity.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The files a command reads, gathered for {@link dev.veracity.io.OutputPaths#refuseOverwrite}; absent options skipped. */
final class Inputs {
    private Inputs() {}

    /** {@return the command-line inputs that are paths (not {@code jdbc:} URLs), their expansion, and more files} */
    static List<Path> of(List<String> arguments, List<Path> expanded, Path... more) {
        List<Path> inputs = new ArrayList<>(expanded);
        for (String argument : arguments) {
            if (!argument.startsWith("jdbc:")) {
                try {
                    inputs.add(Path.of(argument));
                } catch (InvalidPathException e) {
                    // Not a path, so no file an output could be.
                }
            }
        }
        return of(inputs, more);
    }

    /** {@return {@code files} and the given options' files, without the options that were not given} */
    static List<Path> of(Collection<Path> files, Path... more) {
        List<Path> inputs = new ArrayList<>(files);
        for (Path path : more) {
            if (path != null) {
                inputs.add(path);
            }
        }
        return inputs;
    }
}
