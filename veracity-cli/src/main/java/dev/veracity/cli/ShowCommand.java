package dev.veracity.cli;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.AnomaliesFiles;
import dev.veracity.io.SchemaFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity show}: prints a statistics, schema or anomalies file as aligned tables, like TFDV's display. */
@Command(
        name = "show",
        header = "Prints a statistics, schema or anomalies file as tables.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints a statistics file (ours or TFDV's) as a numeric and a categorical table per",
            "dataset, a schema as TFDV's display_schema does, or anomalies as validate does,",
            "within 100 columns. Files ending in .pbtxt or .json are read as text or JSON;",
            "any other name as binary protobuf (as TFX's FeatureStats.pb). What the file holds",
            "is told by --as, else by its name (schema, anomalies or SchemaDiff), else by",
            "trying statistics, schema and anomalies in turn for text and JSON files.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity show train.pb",
            "  veracity show statistics/train/FeatureStats.pb",
            "  veracity show schema.pbtxt",
            "  veracity show --as anomalies eval-check.json"
        })
final class ShowCommand implements Callable<Integer> {
    /** What a file can hold. */
    enum Kind {
        STATISTICS,
        SCHEMA,
        ANOMALIES
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to show.")
    Path file;

    @Option(
            names = "--as",
            paramLabel = "KIND",
            description = "What the file holds: ${COMPLETION-CANDIDATES} (default: from its name or content).")
    Kind kind;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == 0) {
            throw new InputException(
                    ErrorCode.STATISTICS_NOT_USABLE,
                    file + ": expected statistics, a schema or anomalies, found an empty file");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalText.escapeKeepingLines(render(kind != null ? kind : kindByName())));
        out.flush();
        return ExitCodes.OK;
    }

    private String render(Kind chosen) throws IOException {
        if (chosen != null) {
            return render(chosen, file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".pbtxt") && !name.endsWith(".json")) {
            return render(Kind.STATISTICS, file);
        }
        InputException first = null;
        for (Kind candidate : Kind.values()) {
            try {
                return render(candidate, file);
            } catch (InputException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static String render(Kind kind, Path file) throws IOException {
        return switch (kind) {
            case STATISTICS -> new StatisticsTable().render(StatisticsInputs.read(file));
            case SCHEMA -> new SchemaTable().render(SchemaFiles.read(file));
            case ANOMALIES -> new AnomaliesTable().render(AnomaliesFiles.read(file), file.toString());
        };
    }

    private Kind kindByName() {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("anomal") || name.contains("schemadiff")) {
            return Kind.ANOMALIES;
        }
        return name.contains("schema") ? Kind.SCHEMA : null;
    }
}
