package dev.veracity.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of running the CLI in-process: exit code, stdout and stderr. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun of(String... args) {
        return of(Main.commandLine(), args);
    }

    static CommandRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
