package dev.veracity.cli;

import dev.veracity.io.InputPaths;
import dev.veracity.labeling.ratings.RatingFiles;
import dev.veracity.labeling.ratings.RatingTable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The ratings files of {@code label consensus} and {@code label agreement}, and their column names. */
final class RatingInputOptions {
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Ratings: CSV or JSON Lines, one rating per row (quoted globs work).")
    List<String> files;

    @Option(names = "--item", paramLabel = "COLUMN", defaultValue = "item",
            description = "Item id column (default: ${DEFAULT-VALUE}).")
    String item;

    @Option(names = "--rater", paramLabel = "COLUMN", defaultValue = "rater",
            description = "Rater id column (default: ${DEFAULT-VALUE}).")
    String rater;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "label",
            description = "Label column (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--version-column", paramLabel = "COLUMN", defaultValue = "instruction_version",
            description = "Instruction version column, used when present (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--order", paramLabel = "LABELS", split = ",",
            description = "Label order, e.g. low,mid,high (ordinal alpha; output columns); default: sorted, "
                    + "numerically when all labels are numbers.")
    List<String> order = List.of();

    RatingTable read() throws IOException {
        return RatingTable.of(RatingFiles.read(InputPaths.expand(files),
                new RatingFiles.Columns(item, rater, label, version)), order);
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
