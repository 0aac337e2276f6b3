package dev.veracity.cli;

import dev.veracity.io.SchemaFiles;
import dev.veracity.io.TemporaryFiles;
import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaCanonicalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veracity schema canonicalize}: rewrites a schema in canonical order, or checks that it is. */
@Command(
        name = "canonicalize",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Rewrites a schema in canonical order, or checks that it is in it.",
            "Features (and struct children), sparse and weighted features and top-level",
            "domains are sorted by name; repeated environment names are dropped. Domain",
            "values, value counts, shape dimensions and all else keep their order, so a",
            "schema changes under version control only where someone changed it.",
            "--check writes nothing and exits 1 if the file differs from its canonical",
            "form (a CI check).",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity schema canonicalize --schema schema.pbtxt",
            "  veracity schema canonicalize --schema schema.pbtxt --check   # in CI"
        })
final class CanonicalizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SchemaFileOptions schema;

    @Option(
            names = "--check",
            description = "Write nothing; exit 1 if the file is not byte for byte in canonical form.")
    boolean check;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (!check) {
            return schema.edit(spec.commandLine().getErr(), before -> before);
        }
        Schema canonical = SchemaCanonicalizer.canonicalize(schema.read());
        Path directory = TemporaryFiles.register(Files.createTempDirectory("veracity-canonical"));
        Path rendered = directory.resolve(schema.schema.getFileName().toString());
        try {
            SchemaFiles.write(canonical, rendered);
            boolean same = Arrays.equals(Files.readAllBytes(rendered), Files.readAllBytes(schema.schema));
            PrintWriter err = spec.commandLine().getErr();
            err.println("veracity: " + schema.schema
                    + (same
                            ? " is in canonical form"
                            : " is not in canonical form; rewrite it with: veracity schema canonicalize --schema "
                                    + schema.schema));
            err.flush();
            return same ? ExitCodes.OK : ExitCodes.ANOMALIES;
        } finally {
            TemporaryFiles.delete(directory);
        }
    }
}
