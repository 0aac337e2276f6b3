package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class MainTest {
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
        assertThat(run.out()).contains("stats").contains("show").contains("Exit codes:").contains("Example");
    }

    @Test
    void everyCommandHasHelpWithAnExampleAndExitCodes() {
        for (String command : new String[] {"stats", "show"}) {
            CommandRun run = CommandRun.of(command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Example").contains("veracity " + command).contains("Exit codes:");
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
