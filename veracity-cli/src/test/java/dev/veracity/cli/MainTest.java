package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.TemporaryFiles;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class MainTest {
    @Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Option(names = "--verbose")
        boolean verbose;

        Path temporary;

        @Override
        public Integer call() throws IOException {
            temporary = TemporaryFiles.register(Files.createTempFile("veracity-hungry", ".tmp"));
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Command(name = "deep")
    static final class Deep implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new StackOverflowError();
        }
    }

    @Command(name = "reader")
    static final class Reader implements Callable<Integer> {
        @Parameters(paramLabel = "INPUT")
        Path input;

        @Option(names = "--message")
        String message = "";

        @Override
        public Integer call() throws IOException {
            if (message.equals("garbage")) {
                throw new InputException(
                        ErrorCode.CSV_BAD_HEADER,
                        "x.csv:1:1: expected a header, found " + "\"\u001b]0;pwned\u0007\u001b[2J\nforged line\"");
            }
            throw new EOFException("Unexpected end of ZLIB input stream");
        }
    }

    @Test
    void outOfMemoryIsOneLineNamingTheKnobWithExitThreeAndTemporaryFilesGone() {
        Hungry hungry = new Hungry();
        CommandRun run = CommandRun.of(Main.configure(new CommandLine(hungry)));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("veracity: error: out of memory")
                .contains("VERACITY_HEAP")
                .contains("--max-slices");
        assertThat(hungry.temporary).doesNotExist();
    }

    @Command(name = "workers")
    static final class Workers implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            throw new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space"));
        }
    }

    @Test
    void outOfMemoryInAWorkerThreadIsTheSameLine() {
        CommandRun run = CommandRun.of(Main.configure(new CommandLine(new Workers())));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).singleElement().asString().startsWith("veracity: error: out of memory");
    }

    @Test
    void stackOverflowIsOneLineWithExitThree() {
        CommandRun run = CommandRun.of(Main.configure(new CommandLine(new Deep())));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("veracity: error: stack overflow")
                .contains("-Xss");
    }

    @Test
    void anIoErrorWithoutAPathNamesTheCommandsFile() {
        CommandRun run = CommandRun.of(Main.configure(new CommandLine(new Reader())), "logs.csv.gz");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("veracity: error: logs.csv.gz: Unexpected end of ZLIB input stream\n");
    }

    @Test
    void aFileSystemErrorNamesItsFile() {
        assertThat(Main.describe(new FileSystemException("out.pb", null, "No space left on device"), List.of()))
                .isEqualTo("out.pb: No space left on device");
        assertThat(Main.describe(new IOException("Is a directory"), List.of("a.csv", "b.csv")))
                .isEqualTo("one of a.csv, b.csv: Is a directory");
    }

    @Test
    void errorMessagesCannotDriveTheTerminalOrForgeLines() {
        CommandRun run = CommandRun.of(Main.configure(new CommandLine(new Reader())), "x.csv", "--message", "garbage");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("\\x1b]0;pwned\\x07\\x1b[2J\\nforged line")
                .doesNotContain("\u001b");
    }

    @Test
    void aUsageErrorIsOneLineThatPointsToHelp() {
        CommandRun run = CommandRun.of("stats", "a.csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .isEqualTo("veracity: error: Missing required option: '--output=FILE' (see 'veracity stats --help')");
    }

    @Command(name = "crash")
    static final class Crash implements Callable<Integer> {
        @Option(names = "--verbose")
        boolean verbose;

        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void anInternalErrorExitsWithThreeNotOne() {
        CommandRun run = CommandRun.of(Main.configure(new CommandLine(new Crash())));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("internal error").contains("boom").contains("please report");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void anInternalErrorShowsItsStackTraceWithVerbose() {
        CommandRun run = CommandRun.of(Main.configure(new CommandLine(new Crash())), "--verbose");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void helpListsCommandsExitCodesAndAnExample() {
        CommandRun run = CommandRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("stats")
                .contains("show")
                .contains("Exit codes:")
                .contains("Example");
    }

    @Test
    void everyCommandHasHelpWithAnExampleAndExitCodes() {
        for (String command : new String[] {"stats", "show"}) {
            CommandRun run = CommandRun.of(command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("Example")
                    .contains("veracity " + command)
                    .contains("Exit codes:");
        }
    }

    @Test
    void versionNamesTheProject() {
        CommandRun run = CommandRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("veracity ").doesNotContain("unknown");
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRun run = CommandRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected a command");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandRun run = CommandRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
