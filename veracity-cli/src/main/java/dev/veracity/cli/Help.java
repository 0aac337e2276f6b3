package dev.veracity.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's {@code --help} is laid out: the command list shows each command's whole first sentence
 * (picocli shows only the first line of a description written over several lines), and examples longer than the
 * usage width are continued at a space with {@code \}, as a shell reads them, never cut inside a word.
 */
final class Help {
    private static final String CONTINUATION = "    ";

    private Help() {}

    /** Installs the command-list and footer renderers on {@code commandLine} and all its subcommands. */
    static void configure(CommandLine commandLine) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = commandLine.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Help::commandList);
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, Help::footer);
        commandLine.setHelpSectionMap(sections);
        for (CommandLine sub : distinct(commandLine)) {
            configure(sub);
        }
    }

    /** {@return the first sentence of the command's header, or else of its description, on one logical line} */
    static String firstSentence(CommandSpec spec) {
        UsageMessageSpec usage = spec.usageMessage();
        String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
        String text = unformat(String.join(" ", lines))
                .replace('\n', ' ')
                .replaceAll("\\s+", " ")
                .strip();
        for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
            boolean end = i == text.length() - 1 || text.charAt(i + 1) == ' ';
            boolean abbreviation =
                    text.startsWith("e.g", Math.max(0, i - 3)) || text.startsWith("i.e", Math.max(0, i - 3));
            if (end && !abbreviation) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }

    private static String commandList(CommandLine.Help help) {
        List<CommandLine> subs = distinct(help.commandSpec().commandLine());
        if (subs.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        int nameWidth = 0;
        for (CommandLine sub : subs) {
            CommandSpec spec = sub.getCommandSpec();
            String name = spec.name() + (spec.aliases().length > 0 ? ", " + String.join(", ", spec.aliases()) : "");
            names.add(name);
            nameWidth = Math.max(nameWidth, name.length());
        }
        int width = help.commandSpec().usageMessage().width();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < subs.size(); i++) {
            String indent = " ".repeat(2 + nameWidth + 2);
            String first =
                    "  " + names.get(i) + " ".repeat(nameWidth - names.get(i).length() + 2);
            wrap(text, first, indent + "  ", firstSentence(subs.get(i).getCommandSpec()), width);
        }
        return text.toString();
    }

    private static String footer(CommandLine.Help help) {
        String[] footer = help.commandSpec().usageMessage().footer();
        if (footer.length == 0) {
            return "";
        }
        int width = help.commandSpec().usageMessage().width();
        StringBuilder text = new StringBuilder();
        for (String element : footer) {
            for (String line : unformat(element).split("\n", -1)) {
                continueLongLine(text, line, width);
            }
        }
        return text.toString();
    }

    /** Appends {@code line}; over {@code width}, it is cut at a space outside quotes and continued with {@code \}. */
    static void continueLongLine(StringBuilder text, String line, int width) {
        String rest = line;
        String indent = rest.substring(0, rest.length() - rest.stripLeading().length());
        // A line that is itself a continuation keeps its indent; a first line's continuation is indented deeper.
        String next = indent.length() > 2 ? indent : indent + CONTINUATION;
        while (rest.length() > width) {
            int cut = lastSpaceOutsideQuotes(rest, width - 2, indent.length());
            if (cut < 0) {
                break;
            }
            text.append(rest, 0, cut).append(" \\\n");
            rest = next + rest.substring(cut + 1).stripLeading();
        }
        text.append(rest).append('\n');
    }

    private static int lastSpaceOutsideQuotes(String line, int limit, int from) {
        int best = -1;
        char quote = 0;
        for (int i = from; i < line.length() && i < limit; i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ' ' && i > from) {
                best = i;
            }
        }
        return best;
    }

    private static void wrap(StringBuilder text, String first, String indent, String words, int width) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : words.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                text.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static String unformat(String text) {
        return text.replace("%n", "\n").replace("%%", "%");
    }

    private static List<CommandLine> distinct(CommandLine commandLine) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> subs = new ArrayList<>();
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (seen.put(sub, Boolean.TRUE) == null
                    && !sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub);
            }
        }
        return subs;
    }
}
