package dev.veracity.cli;

import picocli.CommandLine.Option;

/** The {@code --verbose} flag every command takes; {@link Main}'s error handler reads it from the parse result. */
final class VerboseOption {
    @Option(names = "--verbose", description = "On an error, print the stack trace too.")
    boolean verbose;
}
