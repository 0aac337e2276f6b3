package dev.veracity.cli;

import dev.veracity.VeracityException;
import dev.veracity.io.TemporaryFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the {@code veracity} command. Only {@link #main} exits the JVM; tests call {@link #commandLine()}.
 *
 * <pre>{@code
 * int code = Main.commandLine().execute("stats", "train.csv", "-o", "train.pb");
 * }</pre>
 *
 * <p>Every error is one line on stderr, {@code veracity: error: ...}, with control characters escaped
 * ({@link TerminalText}); a usage error names the command's {@code --help} on that same line.
 */
public final class Main {
    private static final int USAGE_WIDTH = 100;

    private Main() {}

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(args);
        if (System.console() != null) {
            // On a terminal, no command may forward an escape sequence from the data; files and pipes stay exact.
            String encoding = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
            Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
            commandLine.setOut(new PrintWriter(TerminalText.safe(new OutputStreamWriter(System.out, charset)), true));
        }
        System.exit(commandLine.execute(args));
    }

    /** {@return the configured command line: exit codes 0-3, one-line errors, stack traces only with --verbose} */
    public static CommandLine commandLine() {
        return configure(withSubcommands(VeracityCommand.SUBCOMMANDS));
    }

    /**
     * {@return the command line for {@code args}, with only what they need: the command they name (its objects are
     * the only ones created, so a run loads one command's classes, not all of them), none for a lone
     * {@code --version}, and all of them otherwise (help, no command, an unknown one, an {@code @file})}
     */
    static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configure(withSubcommands(List.of()));
        }
        if (args.length > 0) {
            for (Class<?> command : VeracityCommand.SUBCOMMANDS) {
                if (names(command).contains(args[0])) {
                    return configure(withSubcommands(List.of(command)));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine withSubcommands(List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new VeracityCommand());
        for (Class<?> command : subcommands) {
            commandLine.addSubcommand(command);
        }
        return commandLine;
    }

    /** {@return the name and aliases of a command class, read from its annotation without initializing it} */
    private static List<String> names(Class<?> command) {
        CommandLine.Command annotation = command.getAnnotation(CommandLine.Command.class);
        List<String> names = new ArrayList<>(List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    /** Installs Veracity's error handling and help on any command line (package-private for tests). */
    static CommandLine configure(CommandLine commandLine) {
        commandLine.setExecutionExceptionHandler(Main::handleExecutionException);
        commandLine.setParameterExceptionHandler(Main::handleParameterException);
        commandLine.setExecutionStrategy(Main::executeGuarded);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        commandLine.setUsageHelpLongOptionsMaxWidth(30);
        Help.configure(commandLine);
        addExitCodes(commandLine);
        return commandLine;
    }

    private static void addExitCodes(CommandLine commandLine) {
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.helpList());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            addExitCodes(sub);
        }
    }

    /** Runs the command; a JVM error that is not a bug of ours but of sizes (heap, stack) is one line and exit 3. */
    private static int executeGuarded(ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError | StackOverflowError error) {
            TemporaryFiles.deleteAll();
            CommandLine last = last(parsed).commandSpec().commandLine();
            PrintWriter err = last.getErr();
            err.println("veracity: error: " + resourceMessage(error));
            if (isVerbose(parsed)) {
                error.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    /** {@return what ran out, the likely cause, and the knob that gives more of it} */
    static String resourceMessage(Error error) {
        if (error instanceof StackOverflowError) {
            return "stack overflow: the input is nested too deeply to follow (a deeply nested JSON, YAML or "
                    + "protobuf file?); simplify it, or raise the stack with VERACITY_JAVA_OPTS=-Xss64m";
        }
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory (" + error.getMessage() + ", heap " + heapMiB + " MiB): the data or the options need "
                + "more memory; raise VERACITY_HEAP (e.g. VERACITY_HEAP=8g) or lower --max-slices, --top-k, "
                + "--histogram-buckets, --max-exact-distinct or --threads";
    }

    private static int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = isVerbose(parsed);
        Throwable cause = exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
        Error resource = resourceError(cause);
        int code;
        if (resource != null) {
            // Out of memory in a worker thread arrives wrapped (ExecutionException, CompletionException).
            TemporaryFiles.deleteAll();
            err.println("veracity: error: " + resourceMessage(resource));
            code = ExitCodes.INTERNAL_ERROR;
        } else if (cause instanceof VeracityException user) {
            err.println("veracity: error: " + TerminalText.escape(String.valueOf(user.getMessage())));
            code = ExitCodes.USER_ERROR;
        } else if (cause instanceof IOException io) {
            err.println("veracity: error: " + TerminalText.escape(describe(io, files(parsed))));
            code = ExitCodes.USER_ERROR;
        } else {
            err.println("veracity: internal error: " + TerminalText.escape(String.valueOf(cause))
                    + " (a bug: please report it with the output of --verbose)");
            code = ExitCodes.INTERNAL_ERROR;
        }
        if (verbose) {
            cause.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static Error resourceError(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                return (Error) t;
            }
        }
        return null;
    }

    private static int handleParameterException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = String.valueOf(exception.getMessage()).strip();
        err.println("veracity: error: " + TerminalText.escape(message) + " (see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USER_ERROR;
    }

    /** {@return the I/O error as one line that names a file: the one the JDK names, else the command's files} */
    static String describe(IOException io, List<String> files) {
        String message = io.getMessage();
        if (io instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason();
            return switch (io.getClass().getSimpleName()) {
                case "NoSuchFileException" -> fs.getFile() + ": no such file";
                case "AccessDeniedException" -> fs.getFile() + ": expected a readable file, found no read permission";
                case "FileAlreadyExistsException" -> fs.getFile() + ": already exists";
                default ->
                    fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": "
                            + (reason == null ? io.getClass().getSimpleName() : reason);
            };
        }
        String text = message == null || message.isBlank() ? io.getClass().getSimpleName() : message;
        for (String file : files) {
            if (text.contains(file)) {
                return text;
            }
        }
        if (files.isEmpty()) {
            return text;
        }
        String named = files.size() == 1
                ? files.get(0)
                : "one of " + String.join(", ", files.subList(0, Math.min(3, files.size())))
                        + (files.size() > 3 ? ", ..." : "");
        return named + ": " + text;
    }

    /** {@return the files the command was given (Path options and parameters, and string INPUT parameters)} */
    private static List<String> files(ParseResult parsed) {
        List<String> files = new ArrayList<>();
        ParseResult last = last(parsed);
        for (ArgSpec arg : last.matchedArgs()) {
            boolean input = arg.isPositional()
                    && arg.paramLabel().toUpperCase(Locale.ROOT).contains("INPUT");
            if (arg.type() == Path.class
                    || input
                    || arg.auxiliaryTypes().length > 0 && arg.auxiliaryTypes()[0] == Path.class) {
                Object value = arg.getValue();
                if (value instanceof Collection<?> values) {
                    values.forEach(v -> files.add(String.valueOf(v)));
                } else if (value != null) {
                    files.add(String.valueOf(value));
                }
            }
        }
        return files;
    }

    private static ParseResult last(ParseResult parsed) {
        ParseResult p = parsed;
        while (p.subcommand() != null) {
            p = p.subcommand();
        }
        return p;
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
