package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line {@link Main#main} builds registers only the command its arguments name, and it is the same. */
class MainCommandLineTest {
    @Test
    void aCommandRegistersOnlyItself() {
        CommandLine commandLine = Main.commandLine("stats", "in.csv", "-o", "out.pb");
        assertThat(commandLine.getSubcommands().keySet()).containsExactly("stats");
    }

    @Test
    void aLoneVersionRegistersNoCommandAndPrintsTheSameVersion() {
        assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Main.commandLine("-V").getSubcommands()).isEmpty();
        assertThat(run(Main.commandLine("--version"), "--version")).isEqualTo(run(Main.commandLine(), "--version"));
    }

    @Test
    void helpNoCommandAnUnknownOneOrAnArgumentFileRegisterAll() {
        var all = Main.commandLine().getSubcommands().keySet();
        assertThat(all).hasSize(VeracityCommand.SUBCOMMANDS.size());
        for (String[] args : new String[][] {{}, {"--help"}, {"-h"}, {"stat"}, {"@args.txt"}, {"--version", "stats"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet())
                    .as(String.join(" ", args))
                    .isEqualTo(all);
        }
        assertThat(run(Main.commandLine("--help"), "--help")).isEqualTo(run(Main.commandLine(), "--help"));
    }

    @Test
    void everyCommandAloneHasTheSameUsageAsInTheWholeTree() {
        Map<String, CommandLine> all = Main.commandLine().getSubcommands();
        for (Map.Entry<String, CommandLine> entry : all.entrySet()) {
            String name = entry.getKey();
            CommandLine alone =
                    Main.commandLine(name, "--help").getSubcommands().get(name);
            assertThat(alone).as(name).isNotNull();
            assertThat(alone.getUsageMessage())
                    .as(name)
                    .isEqualTo(entry.getValue().getUsageMessage());
            assertThat(alone.getSubcommands().keySet())
                    .as(name)
                    .isEqualTo(entry.getValue().getSubcommands().keySet());
        }
    }

    private static String run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.execute(args);
        return out.toString();
    }
}
