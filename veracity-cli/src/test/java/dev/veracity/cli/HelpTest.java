package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --help} of every command in the tree: no picocli warning, nothing wider than 100 columns, an example. */
class HelpTest {
    private static List<String> allCommands() {
        List<String> names = new ArrayList<>();
        names.add("");
        collect(Main.commandLine(), "", names, new IdentityHashMap<>());
        return names;
    }

    private static void collect(
            CommandLine commandLine, String prefix, List<String> names, Map<CommandLine, Boolean> seen) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (seen.put(sub, Boolean.TRUE) == null) {
                names.add(prefix + sub.getCommandName());
                collect(sub, prefix + sub.getCommandName() + " ", names, seen);
            }
        }
    }

    private static CommandRun help(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        return CommandRun.of(args.toArray(String[]::new));
    }

    @TestFactory
    Stream<DynamicTest> everyHelpIsCleanNarrowAndHasAnExample() {
        return allCommands().stream()
                .map(command -> DynamicTest.dynamicTest("veracity " + command + " --help", () -> {
                    java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
                    java.io.PrintStream original = System.err;
                    CommandRun run;
                    // picocli prints its format WARN lines to System.err, not to the command line's writer.
                    System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
                    try {
                        run = help(command);
                    } finally {
                        System.setErr(original);
                    }
                    assertThat(run.exitCode()).isZero();
                    assertThat(run.err()).isEmpty();
                    assertThat(stderr.toString(java.nio.charset.StandardCharsets.UTF_8))
                            .doesNotContain("picocli WARN");
                    assertThat(run.out())
                            .doesNotContain("picocli WARN")
                            .contains("Example")
                            .contains("Exit codes:");
                    assertThat(run.out()
                                    .lines()
                                    .filter(line -> line.length() > 100)
                                    .toList())
                            .isEmpty();
                }));
    }

    @Test
    void commandListsShowWholeFirstSentences() {
        assertThat(help("label").out()).contains("Merges raters' labels into one label per item.");
        assertThat(help("").out().replaceAll("\\s+", " "))
                .contains("merges raters' labels into one per item (consensus)");
        assertThat(help("label project").out().replaceAll("\\s+", " ")).contains("versioned instructions, raters");
    }

    @Test
    void longExamplesAreContinuedAtASpaceOutsideQuotes() {
        StringBuilder text = new StringBuilder();
        Help.continueLongLine(
                text,
                "  veracity stats jdbc:sqlite:runs.db --query \"SELECT a, b, c FROM runs WHERE "
                        + "x > 1\" -o runs.pb --threads 8",
                60);
        assertThat(text.toString())
                .isEqualTo("  veracity stats jdbc:sqlite:runs.db --query \\\n"
                        + "      \"SELECT a, b, c FROM runs WHERE x > 1\" -o runs.pb \\\n      --threads 8\n");
        assertThat(text.toString().lines()).allMatch(line -> line.length() <= 60);
    }

    @Test
    void exampleLinesAreNeverCutInsideAWord() {
        String out = help("label join").out();
        assertThat(out).doesNotContain("labeled.\ncsv").contains("-o labeled.csv");
    }

    @Test
    void firstSentenceSkipsAbbreviations() {
        CommandSpec spec = CommandSpec.create();
        spec.usageMessage().description("Reads files, e.g. CSV", "and more. Then more.");
        assertThat(Help.firstSentence(spec)).isEqualTo("Reads files, e.g. CSV and more.");
    }
}
