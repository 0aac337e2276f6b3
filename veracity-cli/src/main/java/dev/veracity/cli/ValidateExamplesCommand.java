package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.data.FeatureType;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.DataFormat;
import dev.veracity.io.InputPaths;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.checks.ChecksFile;
import dev.veracity.io.convert.Converter;
import dev.veracity.io.convert.ParquetColumn;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.validate.AnomalousExamplesWriter;
import dev.veracity.io.validate.ExampleSink;
import dev.veracity.io.validate.ExampleValidation;
import dev.veracity.io.validate.ExampleValidationResult;
import dev.veracity.io.validate.Quarantine;
import dev.veracity.proto.Schema;
import dev.veracity.stats.PiiProtection;
import dev.veracity.validate.checks.CheckSet;
import dev.veracity.validate.example.RowCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity validate-examples}: finds which rows break a schema, as TFDV's per-example validation. */
@Command(
        name = "validate-examples",
        header = "Finds which rows break a schema (TFDV's per-example validation), and quarantines them.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks every row against --schema as TFDV's validate_examples_in_csv does: each",
            "row is validated as a dataset of one, with the reasons validate gives that",
            "dataset (types, int/float ranges, NaN and infinity rules, string domains, value",
            "counts, a required feature missing: FEATURE_TYPE_NOT_PRESENT, a feature outside",
            "--environment: SCHEMA_NEW_COLUMN). CSV cells are typed by the schema: a cell that",
            "is not a number of its INT or FLOAT feature is UNEXPECTED_DATA_TYPE.",
            "The result (-o) is TFDV's: statistics of the anomalous rows, one dataset per",
            "reason, named feature_REASON. stdout gets the rows per reason. Exit code 1 when",
            "a row is anomalous, 0 when none is.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity validate-examples --schema examples/runs/schema.pbtxt examples/runs/eval.csv \\",
            "      -o anomalous.pbtxt --examples-out bad.jsonl",
            "  veracity validate-examples --schema schema.pbtxt --environment SERVING requests.jsonl \\",
            "      -o anomalous.pb --quarantine out/   # out/clean.jsonl, out/quarantine.jsonl"
        })
final class ValidateExamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "DATA",
            description = "Data files, directories of part files or quoted globs, all of one format: CSV (header "
                    + "row, the same in every file), JSON Lines, Parquet, Avro or TFRecord.")
    List<String> inputs;

    @Option(names = "--schema", required = true, paramLabel = "FILE", description = "The schema (.pbtxt or .pb).")
    Path schema;

    @Option(
            names = "--checks",
            paramLabel = "FILE",
            description = "A checks file (as validate --checks reads): its row-level rules (regex, compare) run on "
                    + "every row and a broken one is reported as CUSTOM_VALIDATION on its feature, named; its "
                    + "checks on statistics are validate's and are skipped here.")
    Path checks;

    @Option(
            names = "--environment",
            paramLabel = "ENV",
            description = "Validate as data of this environment, one of the schema's default_environment values: "
                    + "a feature not_in_environment ENV is not required, and present it is anomalous.")
    String environment;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the statistics of the anomalous rows, one dataset per reason: a .pb, "
                    + ".pbtxt or .json file, written atomically.")
    Path output;

    @Option(
            names = "--examples-out",
            paramLabel = "FILE",
            description = "Write the anomalous rows as JSON Lines, in input order: row, line, file, reasons, "
                    + "features (reasons per feature) and values (without features the schema marks PII).")
    Path examplesOut;

    @Option(
            names = "--max-examples",
            paramLabel = "N",
            description = "Write at most N rows to --examples-out (default: all).")
    long maxExamples = Long.MAX_VALUE;

    @Option(
            names = "--quarantine",
            paramLabel = "DIR",
            description = "Split the rows into DIR/clean.EXT and DIR/quarantine.EXT in the input's format (CSV, "
                    + "JSON Lines, Parquet or TFRecord), written atomically; counts on stderr.")
    Path quarantine;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads that validate (default: all cores, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        StatisticsFiles.formatOf(output);
        if (maxExamples < 0) {
            throw new ConfigException(
                    ErrorCode.INVALID_OPTION, "--max-examples: expected a count >= 0, found " + maxExamples);
        }
        List<Path> files = InputPaths.expand(inputs);
        ReadOptions read = input.tableOptions().read();
        DataFormat format = Readers.formatOf(files, read);
        List<Path> outputs = new ArrayList<>();
        Path clean = null;
        Path quarantined = null;
        List<ParquetColumn> columns = List.of();
        if (quarantine != null) {
            String extension = Quarantine.extension(format);
            clean = quarantine.resolve("clean." + extension);
            quarantined = quarantine.resolve("quarantine." + extension);
            if (format == DataFormat.CSV) {
                columns = commonHeader(files, read).stream()
                        .map(name -> new ParquetColumn(name, FeatureType.STRING, false))
                        .toList();
            } else if (format == DataFormat.PARQUET) {
                columns = Converter.columns(files, read);
            }
        }
        OutputPaths.refuseOverwrite(
                Inputs.of(inputs, files, schema, checks), Arrays.asList(output, examplesOut, clean, quarantined));
        Schema read1 = SchemaFiles.read(schema);
        ExampleValidation validation = ExampleValidation.of(read1).read(read).threads(threads);
        PrintWriter err = spec.commandLine().getErr();
        if (checks != null) {
            CheckSet checkSet = ChecksFile.read(checks);
            validation.checks(List.<RowCheck>copyOf(checkSet.rowRules()));
            if (!checkSet.checks().isEmpty()) {
                err.println("note: " + checkSet.checks().size() + " check"
                        + (checkSet.checks().size() == 1 ? "" : "s")
                        + " on statistics in " + TerminalText.escape(checks.toString())
                        + " skipped: validate-examples checks rows; validate --checks checks statistics");
            }
        }
        if (environment != null) {
            validation.environment(environment);
        }
        TerminalProgress progress = TerminalProgress.forTerminal(err);
        validation.progress(progress);
        if (quarantine != null) {
            Files.createDirectories(quarantine);
        }
        List<Path> targets = new ArrayList<>();
        if (examplesOut != null) {
            targets.add(examplesOut);
        }
        if (quarantine != null) {
            targets.add(clean);
            targets.add(quarantined);
        }
        long start = System.nanoTime();
        ExampleValidationResult[] result = new ExampleValidationResult[1];
        Quarantine[] split = new Quarantine[1];
        List<ParquetColumn> quarantineColumns = columns;
        try {
            writeAll(targets, List.of(), streams -> {
                List<ExampleSink> sinks = new ArrayList<>();
                AnomalousExamplesWriter examples = null;
                int next = 0;
                if (examplesOut != null) {
                    examples = new AnomalousExamplesWriter(
                            streams.get(next++), PiiProtection.features(read1), maxExamples);
                    sinks.add(examples);
                }
                if (quarantine != null) {
                    split[0] = Quarantine.of(format, quarantineColumns, streams.get(next), streams.get(next + 1));
                    sinks.add(split[0]);
                }
                result[0] = validation.run(files, ExampleSink.all(sinks));
                if (examples != null) {
                    examples.finish();
                }
                if (split[0] != null) {
                    split[0].finish();
                }
            });
        } finally {
            progress.finish();
        }
        StatisticsFiles.write(result[0].statistics(), output);
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(ValidateExamplesTable.render(result[0])));
        out.flush();
        if (result[0].skippedRecords() > 0) {
            err.printf("veracity: skipped %,d malformed record(s)%n", result[0].skippedRecords());
        }
        if (split[0] != null) {
            err.printf(
                    "veracity: quarantine: %,d clean rows -> %s, %,d anomalous rows -> %s%n",
                    split[0].cleanRows(),
                    TerminalText.escape(clean.toString()),
                    split[0].quarantinedRows(),
                    TerminalText.escape(quarantined.toString()));
        }
        err.printf(
                "veracity: %,d of %,d rows anomalous -> %s (%.1f s)%n",
                result[0].anomalousRows(),
                result[0].rows(),
                TerminalText.escape(output.toString()),
                (System.nanoTime() - start) / 1e9);
        err.flush();
        return result[0].isClean() ? ExitCodes.OK : ExitCodes.ANOMALIES;
    }

    /** What runs with every output stream open. */
    private interface Body {
        void run(List<OutputStream> streams) throws IOException;
    }

    /** Opens each target atomically, nested, and runs the body with all streams; a failure writes none of them. */
    private static void writeAll(List<Path> targets, List<OutputStream> opened, Body body) throws IOException {
        if (opened.size() == targets.size()) {
            body.run(opened);
            return;
        }
        AtomicFiles.write(targets.get(opened.size()), out -> {
            List<OutputStream> more = new ArrayList<>(opened);
            more.add(out);
            writeAll(targets, more, body);
        });
    }

    private static List<String> commonHeader(List<Path> files, ReadOptions read) throws IOException {
        List<String> header = CsvReader.header(files.get(0), read.csv());
        for (Path file : files.subList(1, files.size())) {
            List<String> other = CsvReader.header(file, read.csv());
            if (!other.equals(header)) {
                throw new ConfigException(
                        ErrorCode.INVALID_OPTION,
                        "--quarantine: expected CSV files with one header, found " + header + " in " + files.get(0)
                                + " and " + other + " in " + file);
            }
        }
        return header;
    }
}
