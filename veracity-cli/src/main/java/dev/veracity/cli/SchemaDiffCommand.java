package dev.veracity.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.io.SchemaFiles;
import dev.veracity.schema.SchemaChange;
import dev.veracity.schema.SchemaDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity schema diff}: what changed between two schemas, and whether it can break validation. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists what changed between two schemas and whether it can break validation.",
            "Features added, removed and changed, aspect by aspect. A change is",
            "compatible if every dataset valid under OLD is still valid under NEW",
            "(relaxing: lower presence, more domain values, wider ranges, higher",
            "thresholds, a deprecated feature, an added optional feature), else breaking",
            "(tightening: a new required feature, removed domain values, a changed",
            "type...). A removed feature is breaking: TFDV reports data that still has it",
            "as a new column. What cannot be proven relaxing counts as breaking. Order",
            "alone is no change.",
            "",
            "Exit code 0 if no change is breaking, 1 if one is: a CI gate on a frozen",
            "schema.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity schema diff frozen/schema.pbtxt schema.pbtxt",
            "  veracity schema diff --json old.pbtxt new.pbtxt > changes.json"
        })
final class SchemaDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The schema before, e.g. the frozen one.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The schema after.")
    Path after;

    @Option(names = "--json", description = "Print the changes as JSON for machines instead of a table.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        List<SchemaChange> changes = SchemaDiff.between(SchemaFiles.read(before), SchemaFiles.read(after));
        boolean breaking = SchemaDiff.hasBreakingChange(changes);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(changes, breaking) : TerminalText.escapeKeepingLines(SchemaChangeTable.render(changes)));
        out.flush();
        return breaking ? ExitCodes.ANOMALIES : ExitCodes.OK;
    }

    /** {@code {"breaking": b, "changes": [{"feature", "aspect", "before", "after", "compatibility"}]}}; absent = null. */
    private static String json(List<SchemaChange> changes, boolean breaking) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(text)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeBooleanField("breaking", breaking);
            generator.writeArrayFieldStart("changes");
            for (SchemaChange change : changes) {
                generator.writeStartObject();
                generator.writeStringField("feature", change.feature());
                generator.writeStringField("aspect", change.aspect());
                generator.writeStringField("before", change.before().isEmpty() ? null : change.before());
                generator.writeStringField("after", change.after().isEmpty() ? null : change.after());
                generator.writeStringField(
                        "compatibility", change.compatibility().name());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        return text + System.lineSeparator();
    }
}
