package dev.veracity.labeling.weak;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes an {@link LfAnalysis} as JSON, atomically: {@code rows}, {@code gold_rows}, the dataset's
 * {@code label_coverage}, {@code label_overlap} and {@code label_conflict}, {@code functions} (each {@code name},
 * {@code polarity}, {@code coverage}, {@code overlaps}, {@code conflicts}; with gold {@code correct},
 * {@code incorrect}, {@code empirical_accuracy} (null when it voted on no gold row) and {@code incorrect_rows}
 * ({@code row}, 1-based in reading order, and {@code id}); with a label model {@code learned_accuracy}), human
 * {@code raters} with theirs, the {@code model} and the {@code pairwise} overlap and conflict matrices.
 *
 * <pre>{@code
 * LfAnalysisJson.write(analysis, Optional.of(weak), matrix.ids(), List.of(), Path.of("lf.json"));
 * }</pre>
 */
public final class LfAnalysisJson {
    private LfAnalysisJson() {}

    /**
     * Writes the analysis.
     *
     * @param weak   the labels of the model, for learned accuracies and the class balance, if one was fitted
     * @param ids    per row, its id; empty for none
     * @param raters the human raters, in the order of the model's accuracies after the functions
     */
    public static void write(
            LfAnalysis analysis, Optional<WeakLabels> weak, List<String> ids, List<String> raters, Path file)
            throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator json = new JsonFactory()
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .createGenerator(out, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeNumberField("rows", analysis.rows());
                json.writeNumberField("gold_rows", analysis.goldRows());
                json.writeNumberField("label_coverage", analysis.labelCoverage());
                json.writeNumberField("label_overlap", analysis.labelOverlap());
                json.writeNumberField("label_conflict", analysis.labelConflict());
                boolean gold = analysis.goldRows() > 0;
                double[] accuracies = weak.map(WeakLabels::accuracies).orElse(new double[0]);
                json.writeArrayFieldStart("functions");
                for (int j = 0; j < analysis.functions().size(); j++) {
                    FunctionSummary f = analysis.functions().get(j);
                    json.writeStartObject();
                    json.writeStringField("name", f.name());
                    json.writeArrayFieldStart("polarity");
                    for (String label : f.polarity()) {
                        json.writeString(label);
                    }
                    json.writeEndArray();
                    json.writeNumberField("coverage", f.coverage());
                    json.writeNumberField("overlaps", f.overlaps());
                    json.writeNumberField("conflicts", f.conflicts());
                    if (gold) {
                        json.writeNumberField("correct", f.correct());
                        json.writeNumberField("incorrect", f.incorrect());
                        double accuracy = f.empiricalAccuracy();
                        if (Double.isNaN(accuracy)) {
                            json.writeNullField("empirical_accuracy");
                        } else {
                            json.writeNumberField("empirical_accuracy", accuracy);
                        }
                    }
                    if (j < accuracies.length) {
                        json.writeNumberField("learned_accuracy", accuracies[j]);
                    }
                    if (gold) {
                        json.writeArrayFieldStart("incorrect_rows");
                        for (int row : f.incorrectRows()) {
                            json.writeStartObject();
                            json.writeNumberField("row", row + 1L);
                            if (!ids.isEmpty()) {
                                json.writeStringField("id", ids.get(row));
                            }
                            json.writeEndObject();
                        }
                        json.writeEndArray();
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                int m = analysis.functions().size();
                if (!raters.isEmpty()) {
                    json.writeArrayFieldStart("raters");
                    for (int r = 0; r < raters.size(); r++) {
                        json.writeStartObject();
                        json.writeStringField("name", raters.get(r));
                        if (m + r < accuracies.length) {
                            json.writeNumberField("learned_accuracy", accuracies[m + r]);
                        }
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                if (weak.isPresent()) {
                    WeakLabels w = weak.get();
                    json.writeObjectFieldStart("model");
                    json.writeStringField("method", w.method());
                    json.writeNumberField("iterations", w.iterations());
                    json.writeBooleanField("converged", w.converged());
                    json.writeObjectFieldStart("class_balance");
                    for (int k = 0; k < w.labels().size(); k++) {
                        json.writeNumberField(w.labels().get(k), w.classBalance()[k]);
                    }
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeObjectFieldStart("pairwise");
                json.writeArrayFieldStart("functions");
                for (FunctionSummary f : analysis.functions()) {
                    json.writeString(f.name());
                }
                json.writeEndArray();
                matrix(json, "overlaps", analysis.pairOverlaps());
                matrix(json, "conflicts", analysis.pairConflicts());
                json.writeEndObject();
                json.writeEndObject();
            }
            out.write('\n');
        });
    }

    private static void matrix(JsonGenerator json, String name, double[][] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (double[] row : values) {
            json.writeArray(row, 0, row.length);
        }
        json.writeEndArray();
    }
}
