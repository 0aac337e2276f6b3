package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command and subcommand, found in picocli's command tree (so a new command gets a row by default), run through
 * hostile inputs: each must exit 2 with exactly one line {@code veracity: error: ...} on stderr that names the hostile
 * file (for the input cases), no stack trace, no output file and no temporary file left behind, and must leave its
 * input as it was.
 */
class CommandContractTest {
    /** How a command is called: {@code {IN}} is the hostile input, {@code {OUT}} the output (if it writes one). */
    record Row(String inputName, Fixture valid, boolean writesOutput, boolean inPlaceAllowed, String... template) {}

    /** A valid input of the kind a command reads, for the output cases. */
    enum Fixture {
        CSV,
        JSONL,
        STATS,
        SCHEMA,
        PROJECT,
        PREDICTIONS,
        EMPTY_DIRECTORY,
        NONE
    }

    /** The hostile cases. */
    enum Case {
        MISSING_FILE,
        EMPTY_FILE,
        DIRECTORY,
        BINARY_GARBAGE,
        OUTPUT_IS_INPUT,
        UNWRITABLE_OUTPUT
    }

    /** A command with no row here is called as {@code COMMAND {IN}}: it reads one file and writes none. */
    private static final Map<String, Row> ROWS = new TreeMap<>();

    static {
        row("stats", "data.json", Fixture.JSONL, true, false, "{IN}", "-o", "{OUT}.pb");
        row("convert", "data.csv", Fixture.CSV, true, false, "{IN}", "-o", "{OUT}.jsonl");
        row("show", "stats.pb", Fixture.STATS, false, false, "{IN}");
        row("infer-schema", "stats.pb", Fixture.STATS, true, false, "{IN}", "-o", "{OUT}.pbtxt");
        row(
                "validate",
                "stats.pb",
                Fixture.STATS,
                true,
                false,
                "--stats",
                "{IN}",
                "--schema",
                "{SCHEMA}",
                "-o",
                "{OUT}.pb");
        row(
                "update-schema",
                "stats.pb",
                Fixture.STATS,
                true,
                false,
                "--schema",
                "{SCHEMA}",
                "--stats",
                "{IN}",
                "-o",
                "{OUT}.pb");
        row("suggest-checks", "stats.pb", Fixture.STATS, true, false, "{IN}", "-o", "{OUT}.yaml");
        row("report", "stats.pb", Fixture.STATS, true, false, "{IN}", "-o", "{OUT}.pb");
        row("schema canonicalize", "schema.pbtxt", Fixture.SCHEMA, true, true, "--schema", "{IN}", "-o", "{OUT}.pbtxt");
        row(
                "schema deprecate",
                "schema.pbtxt",
                Fixture.SCHEMA,
                true,
                true,
                "--schema",
                "{IN}",
                "a",
                "-o",
                "{OUT}.pbtxt");
        row(
                "schema environment",
                "schema.pbtxt",
                Fixture.SCHEMA,
                true,
                true,
                "--schema",
                "{IN}",
                "--default",
                "SERVING",
                "-o",
                "{OUT}.pbtxt");
        row(
                "schema extend-domain",
                "schema.pbtxt",
                Fixture.SCHEMA,
                true,
                true,
                "--schema",
                "{IN}",
                "b",
                "z",
                "-o",
                "{OUT}.pbtxt");
        row(
                "schema set-comparator",
                "schema.pbtxt",
                Fixture.SCHEMA,
                true,
                true,
                "--schema",
                "{IN}",
                "--drift",
                "--infinity-norm",
                "0.1",
                "b",
                "-o",
                "{OUT}.pbtxt");
        row(
                "schema set-domain",
                "schema.pbtxt",
                Fixture.SCHEMA,
                true,
                true,
                "--schema",
                "{IN}",
                "b",
                "x",
                "y",
                "-o",
                "{OUT}.pbtxt");
        row(
                "schema set-presence",
                "schema.pbtxt",
                Fixture.SCHEMA,
                true,
                true,
                "--schema",
                "{IN}",
                "--min-fraction",
                "1",
                "a",
                "-o",
                "{OUT}.pbtxt");
        row("schema diff", "schema.pbtxt", Fixture.SCHEMA, false, false, "{IN}", "{SCHEMA}");
        row("drift", "stats.pb", Fixture.STATS, true, false, "{STATS}", "{IN}", "-o", "{OUT}.json");
        row(
                "skew",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "--training",
                "{IN}",
                "--serving",
                "{CSV}",
                "--key",
                "a",
                "-o",
                "{OUT}.json");
        row("pipeline run", "pipeline.yaml", Fixture.NONE, false, false, "{IN}");
        row("pipeline backfill", "pipeline.yaml", Fixture.NONE, false, false, "{IN}", "--from", "1", "--to", "2");
        row("pipeline status", "pipeline.yaml", Fixture.NONE, false, false, "{IN}");
        row("history show", "pipeline.yaml", Fixture.NONE, false, false, "--pipeline", "{IN}", "a", "mean");
        row("history check", "pipeline.yaml", Fixture.NONE, false, false, "--pipeline", "{IN}");
        row("metadata runs", "pipeline.yaml", Fixture.NONE, false, false, "--pipeline", "{IN}");
        row("metadata artifacts", "pipeline.yaml", Fixture.NONE, false, false, "--pipeline", "{IN}");
        row("metadata lineage", "pipeline.yaml", Fixture.NONE, false, false, "--pipeline", "{IN}", "1");
        row("metadata schema-history", "pipeline.yaml", Fixture.NONE, false, false, "--pipeline", "{IN}");
        row("pipeline why-not-cached", "pipeline.yaml", Fixture.NONE, false, false, "{IN}", "stats");
        row("pii scan", "data.csv", Fixture.CSV, true, false, "{IN}", "-o", "{OUT}.json");
        row("pii redact", "data.csv", Fixture.CSV, true, false, "{IN}", "-o", "{OUT}.csv");
        row("pii mark", "schema.pbtxt", Fixture.SCHEMA, true, true, "--schema", "{IN}", "b", "-o", "{OUT}.pbtxt");
        row("pii kanon", "data.csv", Fixture.CSV, true, false, "{IN}", "--k", "2", "--quasi", "a", "-o", "{OUT}.csv");
        row(
                "fairness",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "{IN}",
                "--label",
                "b",
                "--group-by",
                "a",
                "-o",
                "{OUT}.json");
        row(
                "label join",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "--predictions",
                "{IN}",
                "--outcomes",
                "{CSV}",
                "--key",
                "a",
                "--prediction-time",
                "t",
                "--outcome-time",
                "t",
                "--window",
                "1h",
                "--label-column",
                "outcome",
                "-o",
                "{OUT}.csv");
        row("select", "data.csv", Fixture.CSV, true, false, "{IN}", "--label", "b", "-o", "{OUT}.json");
        row(
                "performance",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "{IN}",
                "--label",
                "b",
                "--prediction",
                "rater",
                "-o",
                "{OUT}.json");
        row(
                "shift",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "--baseline",
                "{IN}",
                "--current",
                "{CSV}",
                "--label",
                "b",
                "-o",
                "{OUT}.json");
        row(
                "validate-examples",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "--schema",
                "{SCHEMA}",
                "{IN}",
                "-o",
                "{OUT}.pbtxt");
        row("label consensus", "data.csv", Fixture.CSV, true, false, "{IN}", "-o", "{OUT}.csv");
        row("transform fit", "data.csv", Fixture.CSV, true, false, "--spec", "{SPEC}", "{IN}", "-o", "{OUT}");
        row(
                "transform apply",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "--transform",
                "{TRANSFORM}",
                "{IN}",
                "-o",
                "{OUT}.csv");
        row("transform verify", "data.csv", Fixture.CSV, false, false, "--transform", "{TRANSFORM}", "{IN}");
        row(
                "transform inverse",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "--transform",
                "{TRANSFORM}",
                "{IN}",
                "-o",
                "{OUT}.csv");
        row("label agreement", "data.csv", Fixture.CSV, true, false, "{IN}", "-o", "{OUT}.json");
        row("label project init", "project", Fixture.NONE, false, false, "--labels", "yes,no", "{IN}");
        row("label project instructions", "project", Fixture.PROJECT, false, false, "{IN}", "{CSV}");
        row("label project add-raters", "project", Fixture.PROJECT, false, false, "{IN}", "ann");
        row("label project add-tasks", "project", Fixture.PROJECT, false, false, "{IN}", "{CSV}");
        row("label project assign", "project", Fixture.PROJECT, false, false, "{IN}");
        row("label project queue", "project", Fixture.PROJECT, false, false, "--rater", "ann", "{IN}");
        row(
                "label project annotate",
                "project",
                Fixture.NONE,
                false,
                false,
                "--label",
                "yes",
                "--rater",
                "ann",
                "--task",
                "1",
                "{IN}");
        row("label project status", "project", Fixture.PROJECT, false, false, "{IN}");
        row("label project export", "project", Fixture.PROJECT, true, false, "{IN}", "-o", "{OUT}.json");
        row("label project import", "project", Fixture.NONE, false, false, "{IN}", "{CSV}");
        row(
                "label weak",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "--functions",
                "{LFS}",
                "{IN}",
                "--label-column",
                "weak_label",
                "-o",
                "{OUT}.csv");
        row(
                "label query",
                "predictions.csv",
                Fixture.PREDICTIONS,
                true,
                false,
                "--predictions",
                "{IN}",
                "--id",
                "id",
                "--strategy",
                "random",
                "--budget",
                "1",
                "-o",
                "{OUT}.csv");
        row(
                "label propagate",
                "data.csv",
                Fixture.CSV,
                true,
                false,
                "{IN}",
                "--label",
                "label",
                "--features",
                "a",
                "--neighbors",
                "1",
                "-o",
                "{OUT}.csv");
    }

    /** Cases that are valid calls for a command, not hostile ones: {@code init} creates its missing directory. */
    private static final Map<String, Set<Case>> NOT_HOSTILE =
            Map.of("label project init", Set.of(Case.MISSING_FILE, Case.DIRECTORY));

    private static void row(
            String command,
            String inputName,
            Fixture valid,
            boolean writesOutput,
            boolean inPlaceAllowed,
            String... template) {
        ROWS.put(command, new Row(inputName, valid, writesOutput, inPlaceAllowed, template));
    }

    /** Valid inputs shared by all cases (read only: each case copies what it may overwrite). */
    @TempDir
    static Path shared;

    private static Fixtures fixtures;

    @BeforeAll
    static void makeFixtures() throws IOException {
        fixtures = new Fixtures(shared);
    }

    /** {@return every runnable command of the tree ("schema set-domain"), groups excluded} */
    static List<String> leafCommands() {
        List<String> names = new ArrayList<>();
        collect(Main.commandLine(), "", names, new IdentityHashMap<>());
        return names;
    }

    private static void collect(
            CommandLine commandLine, String prefix, List<String> names, Map<CommandLine, Boolean> seen) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (seen.put(sub, Boolean.TRUE) != null) {
                continue;
            }
            String name = prefix + sub.getCommandName();
            if (sub.getSubcommands().isEmpty()) {
                names.add(name);
            } else {
                collect(sub, name + " ", names, seen);
            }
        }
    }

    @Test
    void theTreeHasAllCommandsAndEveryRowIsACommand() {
        List<String> commands = leafCommands();
        assertThat(commands).hasSizeGreaterThan(40).contains("stats", "schema set-domain", "label project import");
        assertThat(commands).containsAll(ROWS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRefusesHostileInputsCleanly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String command : leafCommands()) {
            Row row = ROWS.getOrDefault(command, new Row("input", Fixture.NONE, false, false, "{IN}"));
            for (Case hostile : Case.values()) {
                boolean outputCase = hostile == Case.OUTPUT_IS_INPUT || hostile == Case.UNWRITABLE_OUTPUT;
                if (outputCase && (!row.writesOutput() || row.valid() == Fixture.NONE)
                        || hostile == Case.OUTPUT_IS_INPUT && row.inPlaceAllowed()) {
                    continue;
                }
                String name = command + " / " + hostile;
                if (NOT_HOSTILE.getOrDefault(command, Set.of()).contains(hostile)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(name, () -> check(command, row, hostile, !outputCase)));
            }
        }
        return tests.stream();
    }

    /**
     * A file named by an option rather than as the input, and the hostile cases that apply to it (an empty file is a
     * valid empty vocabulary, a missing cache directory is made).
     */
    record OptionFile(Row row, Set<Case> cases) {}

    private static final Set<Case> FILE_CASES =
            EnumSet.of(Case.MISSING_FILE, Case.EMPTY_FILE, Case.DIRECTORY, Case.BINARY_GARBAGE);

    /** Files named by options, found by listing the options of type Path: the same hostile cases, the same contract. */
    private static final Map<String, OptionFile> OPTION_FILES = new TreeMap<>();

    static {
        option("report --performance", "perf.json", "{STATS}", "--performance", "{IN}", "-o", "{OUT}.html");
        option("report --history", "history.sqlite", "{STATS}", "--history", "{IN}", "-o", "{OUT}.html");
        option("report --schema", "schema.pbtxt", "{STATS}", "--schema", "{IN}", "-o", "{OUT}.html");
        option(
                "report --anomalies",
                EnumSet.of(Case.MISSING_FILE, Case.DIRECTORY, Case.BINARY_GARBAGE), // empty: no anomalies
                new Row(
                        "anomalies.pbtxt",
                        Fixture.NONE,
                        true,
                        false,
                        "{STATS}",
                        "--anomalies",
                        "{IN}",
                        "-o",
                        "{OUT}.html"));
        option("suggest-checks --schema", "schema.pbtxt", "{STATS}", "--schema", "{IN}", "-o", "{OUT}.yaml");
        option(
                "stats --vocab",
                EnumSet.of(Case.MISSING_FILE, Case.DIRECTORY, Case.BINARY_GARBAGE, Case.OUTPUT_IS_INPUT),
                new Row(
                        "vocab.pb",
                        Fixture.CSV,
                        true,
                        false,
                        "{CSV}",
                        "--semantic-domain-stats",
                        "--schema",
                        "{SCHEMA}",
                        "--vocab",
                        "b={IN}",
                        "-o",
                        "{OUT}.pb"));
        option("stats --schema", "schema.pbtxt", "{CSV}", "--schema", "{IN}", "-o", "{OUT}.pb");
        option("stats --pii-secret-file", "secret", "{CSV}", "--pii-secret-file", "{IN}", "-o", "{OUT}.pb");
        option(
                "transform fit --cache",
                EnumSet.of(Case.EMPTY_FILE, Case.BINARY_GARBAGE, Case.OUTPUT_IS_INPUT), // missing or empty: made
                new Row(
                        "cache",
                        Fixture.EMPTY_DIRECTORY,
                        true,
                        false,
                        "--spec",
                        "{SPEC}",
                        "{CSV}",
                        "--cache",
                        "{IN}",
                        "-o",
                        "{OUT}"));
        option("transform fit --spec", "spec.yaml", "--spec", "{IN}", "{CSV}", "-o", "{OUT}");
        option("transform apply --transform", "transform", "--transform", "{IN}", "{CSV}", "-o", "{OUT}.csv");
        option("transform inverse --transform", "transform", "--transform", "{IN}", "{CSV}", "-o", "{OUT}.csv");
        option("transform verify --transform", "transform", "--transform", "{IN}", "{CSV}");
        option("drift --schema", "schema.pbtxt", "{STATS}", "{STATS}", "--schema", "{IN}", "-o", "{OUT}.json");
        option("select --schema", "schema.pbtxt", "{CSV}", "--label", "b", "--schema", "{IN}", "-o", "{OUT}.json");
        option(
                "select --serving-stats",
                "stats.pb",
                "{CSV}",
                "--label",
                "b",
                "--serving-stats",
                "{IN}",
                "-o",
                "{OUT}.json");
        option(
                "shift --current",
                "data.csv",
                "--baseline",
                "{CSV}",
                "--current",
                "{IN}",
                "--label",
                "b",
                "-o",
                "{OUT}.json");
        option(
                "skew --serving",
                "data.csv",
                "--training",
                "{CSV}",
                "--serving",
                "{IN}",
                "--key",
                "a",
                "-o",
                "{OUT}.json");
        option("pii scan --schema", "schema.pbtxt", "{CSV}", "--schema", "{IN}", "-o", "{OUT}.json");
        option("pii redact --schema", "schema.pbtxt", "{CSV}", "--schema", "{IN}", "-o", "{OUT}.csv");
        option("pii redact --secret-file", "secret", "{CSV}", "--secret-file", "{IN}", "-o", "{OUT}.csv");
        option(
                "label weak --functions",
                "lfs.yaml",
                "--functions",
                "{IN}",
                "{CSV}",
                "--label-column",
                "w",
                "-o",
                "{OUT}.csv");
        option(
                "label weak --gold",
                "gold.csv",
                "--functions",
                "{LFS}",
                "{CSV}",
                "--id",
                "a",
                "--gold",
                "{IN}",
                "--label-column",
                "w",
                "-o",
                "{OUT}.csv");
        option(
                "label query --data",
                "data.csv",
                "--predictions",
                "{PREDICTIONS}",
                "--data",
                "{IN}",
                "--features",
                "a",
                "--id",
                "id",
                "--strategy",
                "random",
                "--budget",
                "1",
                "-o",
                "{OUT}.csv");
        option(
                "label consensus --weights-from-project",
                "project",
                "{CSV}",
                "--method",
                "weighted",
                "--weights-from-project",
                "{IN}",
                "-o",
                "{OUT}.csv");
        option(
                "label project init --instructions",
                EnumSet.of(Case.MISSING_FILE, Case.DIRECTORY), // any bytes are instructions
                new Row(
                        "instructions.txt",
                        Fixture.NONE,
                        true,
                        false,
                        "--labels",
                        "yes,no",
                        "--instructions",
                        "{IN}",
                        "{OUT}"));
        option(
                "validate --checks",
                "checks.yaml",
                "--stats",
                "{STATS}",
                "--schema",
                "{SCHEMA}",
                "--checks",
                "{IN}",
                "-o",
                "{OUT}.pb");
        option(
                "validate --serving",
                "stats.pb",
                "--stats",
                "{STATS}",
                "--schema",
                "{SCHEMA}",
                "--serving",
                "{IN}",
                "-o",
                "{OUT}.pb");
        option(
                "validate --previous",
                "stats.pb",
                "--stats",
                "{STATS}",
                "--schema",
                "{SCHEMA}",
                "--previous",
                "{IN}",
                "-o",
                "{OUT}.pb");
        option(
                "validate --previous-version",
                "stats.pb",
                "--stats",
                "{STATS}",
                "--schema",
                "{SCHEMA}",
                "--previous-version",
                "{IN}",
                "-o",
                "{OUT}.pb");
        option(
                "validate --config",
                EnumSet.of(Case.MISSING_FILE, Case.DIRECTORY, Case.BINARY_GARBAGE), // empty: the default config
                new Row(
                        "config.pbtxt",
                        Fixture.NONE,
                        true,
                        false,
                        "--stats",
                        "{STATS}",
                        "--schema",
                        "{SCHEMA}",
                        "--config",
                        "{IN}",
                        "-o",
                        "{OUT}.pb"));
        option(
                "label weak --ratings",
                "ratings.csv",
                "--functions",
                "{LFS}",
                "{CSV}",
                "--id",
                "a",
                "--ratings",
                "{IN}",
                "--label-column",
                "w",
                "-o",
                "{OUT}.csv");
        option(
                "validate-examples --checks",
                "checks.yaml",
                "--schema",
                "{SCHEMA}",
                "{CSV}",
                "--checks",
                "{IN}",
                "-o",
                "{OUT}.pbtxt");
    }

    /** Option cases whose one-line message does not name the file: none (keep it so). */
    private static final Set<String> UNNAMED = Set.of();

    /** A file named by an option, under all of {@link #FILE_CASES}. */
    private static void option(String key, String inputName, String... template) {
        option(key, FILE_CASES, new Row(inputName, Fixture.NONE, true, false, template));
    }

    private static void option(String key, Set<Case> cases, Row row) {
        OPTION_FILES.put(key, new OptionFile(row, cases));
    }

    @Test
    void everyOptionFileRowIsACommandWithThatOption() {
        for (String key : OPTION_FILES.keySet()) {
            String command = key.substring(0, key.indexOf(" --"));
            String option = key.substring(key.indexOf(" --") + 1);
            assertThat(leafCommands()).as(key).contains(command);
            assertThat(OPTION_FILES.get(key).row().template()).as(key).contains(option);
        }
    }

    @TestFactory
    Stream<DynamicTest> filesNamedByOptionsKeepTheContract() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, OptionFile> e : OPTION_FILES.entrySet()) {
            String command = e.getKey().substring(0, e.getKey().indexOf(" --"));
            for (Case hostile : e.getValue().cases()) {
                String name = e.getKey() + " / " + hostile;
                // The message names the file, which also shows the call reached it (not a usage error before).
                boolean namesIt = !UNNAMED.contains(name);
                tests.add(DynamicTest.dynamicTest(
                        name, () -> check(command, e.getValue().row(), hostile, namesIt)));
            }
        }
        return tests.stream();
    }

    /** A row that does not call its command correctly would pass every case with a usage error: check it can. */
    @TestFactory
    Stream<DynamicTest> everyRowWithAValidInputRunsTheCommand() {
        return ROWS.entrySet().stream()
                .filter(e -> e.getValue().valid() != Fixture.NONE)
                .map(e -> DynamicTest.dynamicTest(e.getKey() + " / VALID", () -> {
                    Path dir = Files.createTempDirectory("veracity-contract");
                    try {
                        Path input = dir.resolve("in").resolve(e.getValue().inputName());
                        Files.createDirectories(input.getParent());
                        fixtures.copy(e.getValue().valid(), input);
                        List<String> args = arguments(
                                e.getKey(),
                                e.getValue(),
                                fixtures,
                                input,
                                dir.resolve("result").toString(),
                                false);
                        CommandRun run = CommandRun.of(args.toArray(String[]::new));
                        assertThat(run.exitCode())
                                .as(String.join(" ", args) + "\n" + run.err())
                                .isIn(0, 1);
                    } finally {
                        delete(dir);
                    }
                }));
    }

    private static List<String> arguments(
            String command, Row row, Fixtures fixtures, Path input, String out, boolean outputIsInput) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        for (String part : row.template()) {
            String arg = part.replace("{IN}", input.toString())
                    .replace("{CSV}", fixtures.csv().toString())
                    .replace("{STATS}", fixtures.stats().toString())
                    .replace("{SCHEMA}", fixtures.schema().toString())
                    .replace("{LFS}", fixtures.functions().toString())
                    .replace("{SPEC}", fixtures.spec().toString())
                    .replace("{TRANSFORM}", fixtures.transform().toString())
                    .replace("{PREDICTIONS}", fixtures.predictions().toString());
            if (arg.startsWith("{OUT}")) {
                arg = outputIsInput ? input.toString() : out + arg.substring("{OUT}".length());
            }
            args.add(arg);
        }
        return args;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void check(String command, Row row, Case hostile) throws IOException {
        check(command, row, hostile, false);
    }

    private static void check(String command, Row row, Case hostile, boolean namesInput) throws IOException {
        Path dir = Files.createTempDirectory("veracity-contract");
        try {
            Path input = dir.resolve("in").resolve(row.inputName());
            Files.createDirectories(input.getParent());
            Path outputs = Files.createDirectory(dir.resolve("out"));
            String out = outputs.resolve("result").toString();
            switch (hostile) {
                case MISSING_FILE -> {}
                case EMPTY_FILE -> Files.createFile(input);
                case DIRECTORY -> Files.createDirectory(input);
                case BINARY_GARBAGE -> {
                    byte[] garbage = new byte[4096];
                    new Random(17).nextBytes(garbage);
                    Files.write(input, garbage);
                }
                case OUTPUT_IS_INPUT -> fixtures.copy(row.valid(), input);
                case UNWRITABLE_OUTPUT -> {
                    fixtures.copy(row.valid(), input);
                    out = outputs.resolve("no-such-directory").resolve("result").toString();
                }
            }
            byte[] before = Files.isRegularFile(input) ? Files.readAllBytes(input) : null;
            List<String> args = arguments(command, row, fixtures, input, out, hostile == Case.OUTPUT_IS_INPUT);
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            List<String> lines = run.err().lines().toList();
            String where = String.join(" ", args) + "\nstderr:\n" + run.err();
            assertThat(run.exitCode()).as(where).isEqualTo(2);
            assertThat(lines).as(where).hasSize(1);
            assertThat(lines.get(0)).as(where).startsWith("veracity: error: ");
            assertThat(run.err()).as(where).doesNotContain("\tat ").doesNotContain("Exception");
            if (namesInput) {
                // "in/NAME": a word such as "input" in the message must not pass for the file's name.
                assertThat(lines.get(0)).as(where).contains(input.getParent().getFileName() + "/" + row.inputName());
            }
            try (Stream<Path> written = Files.walk(outputs)) {
                assertThat(written.filter(p -> !p.equals(outputs)).toList())
                        .as(where)
                        .isEmpty();
            }
            try (Stream<Path> all = Files.walk(dir)) {
                assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                                .toList())
                        .as(where)
                        .isEmpty();
            }
            if (before != null) {
                assertThat(Files.readAllBytes(input))
                        .as(where + "\nthe input changed")
                        .isEqualTo(before);
            }
        } finally {
            delete(dir);
        }
    }

    private static final String PREDICTIONS_CSV = "id,p_yes,p_no\ni1,0.25,0.75\ni2,1,0\n";

    /** Valid inputs, made with the CLI itself. */
    private static final class Fixtures {
        private final Path csv;
        private final Path jsonl;
        private final Path stats;
        private final Path schema;
        private final Path functions;
        private final Path spec;
        private final Path transform;
        private final Path predictions;

        Fixtures(Path dir) throws IOException {
            Path valid = Files.createDirectory(dir.resolve("valid"));
            predictions = Files.writeString(valid.resolve("predictions.csv"), PREDICTIONS_CSV);
            csv = Files.writeString(
                    valid.resolve("data.csv"),
                    "a,b,t,item,rater,label\n"
                            + "1,x,2024-01-01T00:00:00Z,i1,r1,yes\n2,y,2024-01-01T01:00:00Z,i1,r2,yes\n",
                    StandardCharsets.UTF_8);
            jsonl = Files.writeString(valid.resolve("data.jsonl"), "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n");
            functions = Files.writeString(
                    valid.resolve("lfs.yaml"),
                    "labels: [pos, neg]\nfunctions:\n  - {name: x, column: b, label: pos, values: [x]}\n");
            stats = valid.resolve("stats.pb");
            schema = valid.resolve("schema.pbtxt");
            assertThat(CommandRun.of("stats", csv.toString(), "-o", stats.toString())
                            .exitCode())
                    .isZero();
            assertThat(CommandRun.of("infer-schema", stats.toString(), "-o", schema.toString())
                            .exitCode())
                    .isZero();
            spec = Files.writeString(
                    valid.resolve("transform.yaml"),
                    "transforms:\n  - {name: a_z, op: scale_to_z_score, input: a}\n"
                            + "  - {name: b_id, op: compute_and_apply_vocabulary, input: b}\n");
            transform = valid.resolve("transform");
            assertThat(CommandRun.of(
                                    "transform",
                                    "fit",
                                    "--spec",
                                    spec.toString(),
                                    csv.toString(),
                                    "-o",
                                    transform.toString())
                            .exitCode())
                    .isZero();
        }

        Path spec() {
            return spec;
        }

        Path predictions() {
            return predictions;
        }

        Path transform() {
            return transform;
        }

        Path csv() {
            return csv;
        }

        Path stats() {
            return stats;
        }

        Path schema() {
            return schema;
        }

        Path functions() {
            return functions;
        }

        void copy(Fixture fixture, Path target) throws IOException {
            switch (fixture) {
                case CSV -> Files.copy(csv, target);
                case JSONL -> Files.copy(jsonl, target);
                case STATS -> Files.copy(stats, target);
                case SCHEMA -> Files.copy(schema, target);
                case PROJECT -> {
                    assertThat(CommandRun.of("label", "project", "init", "--labels", "yes,no", target.toString())
                                    .exitCode())
                            .isZero();
                    assertThat(CommandRun.of("label", "project", "add-raters", target.toString(), "ann")
                                    .exitCode())
                            .isZero();
                }
                case PREDICTIONS -> Files.writeString(target, PREDICTIONS_CSV);
                case EMPTY_DIRECTORY -> Files.createDirectory(target);
                case NONE -> throw new IllegalArgumentException("no valid input for the output cases");
            }
        }
    }
}
