package dev.veracity.cli;

import dev.veracity.format.MessageFormat;
import dev.veracity.io.SchemaFiles;
import dev.veracity.proto.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a schema where a command's {@code -o} says: a file (atomically, format by extension) or stdout as text. */
final class SchemaOutput {
    private SchemaOutput() {}

    static void write(Schema schema, Path output, PrintWriter out) throws IOException {
        if (output != null) {
            SchemaFiles.write(schema, output);
            return;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        MessageFormat.TEXT.write(schema, text);
        out.print(text.toString(StandardCharsets.UTF_8));
        out.flush();
    }
}
