package dev.veracity.cli;

import dev.veracity.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The options of every command that prints a report as a table and can give it as JSON: {@code --json} prints the
 * JSON instead of the table, {@code -o FILE} also writes the JSON to a file, atomically.
 *
 * <pre>{@code
 * @Mixin JsonReportOptions report;   // then: report.print(out, stream -> ShiftJson.write(r, stream), () -> table(r));
 * }</pre>
 */
final class JsonReportOptions {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Also write the report as JSON to FILE, atomically.")
    Path file;

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    boolean json;

    /** {@return the file -o names, or nothing: for {@code OutputPaths.refuseOverwrite}} */
    List<Path> outputs() {
        return Arrays.asList(file);
    }

    /**
     * Prints the report: its JSON with {@code --json}, else the table; then writes the JSON to {@code -o FILE}, if
     * given.
     *
     * @param json  writes the report as JSON (to standard output as to the file)
     * @param table the report as a table, as printed (text from the data already escaped for the terminal)
     */
    void print(PrintWriter out, AtomicFiles.Content json, Supplier<String> table) throws IOException {
        if (this.json) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            json.writeTo(bytes);
            out.print(bytes.toString(StandardCharsets.UTF_8));
        } else {
            out.print(table.get());
        }
        out.flush();
        if (file != null) {
            AtomicFiles.write(file, json);
        }
    }
}
