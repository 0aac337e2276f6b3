package dev.veracity.labeling.feedback;

import dev.veracity.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes labeled rows to a stream in one format: CSV with a header row, or JSON Lines. */
interface LabeledWriter {
    /** Starts the output; {@code predictionColumns} are the union of the prediction files' columns. */
    void start(List<String> predictionColumns, List<String> addedColumns) throws IOException;

    void write(LabeledRow row, String asOf) throws IOException;

    void finish() throws IOException;

    /**
     * {@return a writer for the format the file name says: {@code .csv}, or {@code .jsonl}/{@code .ndjson}}
     *
     * @throws ConfigException for any other extension
     */
    static LabeledWriter forFile(Path file, OutputStream out) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvLabeledWriter(out);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return new JsonLinesLabeledWriter(out);
        }
        throw new ConfigException(
                file + ": expected an output file ending in .csv, .jsonl or .ndjson, found " + file.getFileName());
    }

    /** {@return a delay in ms as seconds text: whole seconds without a fraction, else with milliseconds} */
    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
