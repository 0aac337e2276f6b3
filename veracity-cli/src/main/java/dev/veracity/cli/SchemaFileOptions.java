package dev.veracity.cli;

import dev.veracity.io.SchemaFiles;
import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaCanonicalizer;
import dev.veracity.schema.SchemaChange;
import dev.veracity.schema.SchemaDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** The schema an edit reads ({@code --schema}) and where it writes it ({@code -o}, by default the same file). */
final class SchemaFileOptions {
    @Option(
            names = "--schema",
            required = true,
            paramLabel = "FILE",
            description = "The schema: text (.pbtxt, the default), binary (.pb) or JSON (.json).")
    Path schema;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write the edited schema, in canonical order (default: rewrite --schema in "
                    + "place, atomically).")
    Path output;

    @Option(
            names = "--allow-empty-schema",
            description = "Accept a --schema without any feature (an empty file); refused otherwise, as it is "
                    + "almost always a mistake.")
    boolean allowEmpty;

    /** {@return the schema of --schema, refusing one without features unless --allow-empty-schema} */
    Schema read() throws IOException {
        return SchemaFiles.read(schema, allowEmpty);
    }

    /** Reads the schema, applies the edit, writes the canonical result and lists the changes on stderr. */
    int edit(PrintWriter err, UnaryOperator<Schema> edit) throws IOException {
        Schema before = read();
        Schema after = SchemaCanonicalizer.canonicalize(edit.apply(before));
        Path target = output == null ? schema : output;
        SchemaFiles.write(after, target);
        List<SchemaChange> changes = SchemaDiff.between(before, after);
        err.println("veracity: wrote " + TerminalText.escape(target.toString())
                + (changes.isEmpty() ? " (no change)" : ":"));
        for (SchemaChange change : changes) {
            err.println("  " + TerminalText.escape(SchemaChangeTable.line(change)));
        }
        err.flush();
        return ExitCodes.OK;
    }
}
