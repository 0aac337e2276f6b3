package dev.veracity.cli;

import dev.veracity.VeracityException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the {@code veracity} command. Only {@link #main} exits the JVM; tests call {@link #commandLine()}.
 *
 * <pre>{@code
 * int code = Main.commandLine().execute("stats", "train.csv", "-o", "train.pb");
 * }</pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@return the configured command line: exit codes 0-3, one-line errors, stack traces only with --verbose} */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new VeracityCommand()));
    }

    /** Installs Veracity's error handling and help on any command line (package-private for tests). */
    static CommandLine configure(CommandLine commandLine) {
        commandLine.setExecutionExceptionHandler(Main::handleExecutionException);
        commandLine.setParameterExceptionHandler(Main::handleParameterException);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        addExitCodes(commandLine);
        return commandLine;
    }

    private static void addExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.helpList());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            addExitCodes(sub);
        }
    }

    private static int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = isVerbose(parsed);
        Throwable cause = exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
        int code;
        if (cause instanceof VeracityException user) {
            err.println("veracity: error: " + user.getMessage());
            code = ExitCodes.USER_ERROR;
        } else if (cause instanceof IOException io) {
            err.println("veracity: error: " + describe(io));
            code = ExitCodes.USER_ERROR;
        } else {
            err.println("veracity: internal error: " + cause + " (a bug: please report it with the output of --verbose)");
            code = ExitCodes.INTERNAL_ERROR;
        }
        if (verbose) {
            cause.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static int handleParameterException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("veracity: error: " + exception.getMessage());
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USER_ERROR;
    }

    private static String describe(IOException io) {
        String message = io.getMessage();
        return switch (io.getClass().getSimpleName()) {
            case "NoSuchFileException" -> message + ": no such file";
            case "AccessDeniedException" -> message + ": expected a readable file, found no read permission";
            case "FileSystemException" -> message;
            default -> message == null ? io.getClass().getSimpleName() : message;
        };
    }

    private static boolean isVerbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
