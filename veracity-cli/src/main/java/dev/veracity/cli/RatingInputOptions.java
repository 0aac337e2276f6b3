package dev.veracity.cli;

import dev.veracity.ErrorCode;
import dev.veracity.data.ValueText;
import dev.veracity.io.InputPaths;
import dev.veracity.io.table.Table;
import dev.veracity.labeling.ratings.RatingFiles;
import dev.veracity.labeling.ratings.RatingTable;
import dev.veracity.labeling.ratings.RepeatedRatings;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The ratings files of {@code label consensus} and {@code label agreement}, and their column names. */
final class RatingInputOptions {
    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Ratings: CSV, JSON Lines, Parquet, Avro or TFRecord, one rating per row (quoted globs " + "work).")
    List<String> files;

    @Option(
            names = "--item",
            paramLabel = "COLUMN",
            defaultValue = "item",
            description = "Item id column (default: ${DEFAULT-VALUE}).")
    String item;

    @Option(
            names = "--rater",
            paramLabel = "COLUMN",
            defaultValue = "rater",
            description = "Rater id column (default: ${DEFAULT-VALUE}).")
    String rater;

    @Option(
            names = "--label",
            paramLabel = "COLUMN",
            defaultValue = "label",
            description = "Label column (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(
            names = "--version-column",
            paramLabel = "COLUMN",
            defaultValue = "instruction_version",
            description = "Instruction version column, used when present (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(
            names = "--order",
            paramLabel = "LABELS",
            split = ",",
            description = "Label order, e.g. low,mid,high (ordinal alpha; output columns); default: sorted, "
                    + "numerically when all labels are numbers.")
    List<String> order = List.of();

    @Mixin
    TableInputOptions input;

    RatingTable read(RepeatedRatings repeated) throws IOException {
        return RatingTable.of(
                RatingFiles.read(
                        InputPaths.expand(files),
                        new RatingFiles.Columns(item, rater, label, version),
                        input.tableOptions(),
                        repeated),
                order);
    }

    /** {@return the non-empty values of one column of a data file, in order} */
    static List<String> column(java.nio.file.Path file, String name, TableInputOptions input) throws IOException {
        List<String> values = new java.util.ArrayList<>();
        try (Table table = Table.open(file, input.tableOptions())) {
            int c = table.require(name, "the item id", ErrorCode.LABEL_EVENT_INVALID);
            for (var b = table.next(); b.isPresent(); b = table.next()) {
                for (int row = 0; row < b.get().rowCount(); row++) {
                    String value = ValueText.first(b.get().columns().get(c), row);
                    if (!value.isEmpty()) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }
}
