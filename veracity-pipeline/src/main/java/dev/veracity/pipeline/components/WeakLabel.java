package dev.veracity.pipeline.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.veracity.ConfigException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.table.TableOptions;
import dev.veracity.labeling.weak.HumanVotes;
import dev.veracity.labeling.weak.LabelMatrix;
import dev.veracity.labeling.weak.LabelModel;
import dev.veracity.labeling.weak.LabelingFunctionFile;
import dev.veracity.labeling.weak.LabelingFunctions;
import dev.veracity.labeling.weak.MajorityLabelVoter;
import dev.veracity.labeling.weak.WeakLabelFiles;
import dev.veracity.labeling.weak.WeakLabels;
import dev.veracity.metadata.Artifact;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Weak supervision, as {@code veracity label weak}: applies the labeling functions of {@code labeling_functions} (an
 * external file: its digest, and those of the lookup lists it names, join the cache key) to every split of its
 * Examples, fits one label model (or majority vote) over all of them, and writes the examples with the label column,
 * its confidence, the posterior of each label and the functions that fired, in ExampleGen's layout
 * ({@code Split-NAME/data.jsonl}). {@code summary.weak_labels} counts the rows that got a label.
 *
 * <pre>{@code
 * weak: {component: WeakLabel, inputs: {examples: gen.examples}, parameters: {labeling_functions: lfs.yaml}}
 * }</pre>
 */
public final class WeakLabel implements Component {
    private static final ComponentSpec SPEC = new ComponentSpec(
            "WeakLabel",
            "1",
            List.of(InputPort.required("examples", ArtifactType.EXAMPLES)),
            List.of(new OutputPort("examples", ArtifactType.EXAMPLES)),
            List.of(
                    ParameterSpec.required(
                            "labeling_functions", ParameterType.STRING, "the labeling functions file (YAML)"),
                    ParameterSpec.optional("model", ParameterType.STRING, "label-model (default) or majority"),
                    ParameterSpec.optional(
                            "label_column", ParameterType.STRING, "the label column's name (default label)")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        if (parameters.string("labeling_functions").orElse("").isBlank()) {
            throw new ConfigException("parameter labeling_functions: expected a file, found an empty name");
        }
        majority(parameters);
        if (parameters.string("label_column").map(String::isBlank).orElse(false)) {
            throw new ConfigException("parameter label_column: expected a name, found an empty one");
        }
    }

    /** The functions file and the lookup lists it names (as {@link LabelingFunctionFile} resolves them). */
    @Override
    public List<ExternalFile> externalInputs(Parameters parameters) throws IOException {
        Path file = Path.of(parameters.string("labeling_functions").orElseThrow());
        List<ExternalFile> files = new ArrayList<>(List.of(ExternalFile.of(file)));
        if (!Files.isRegularFile(file)) {
            return files;
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            return files; // malformed: LabelingFunctionFile names the line when the node runs
        }
        for (JsonNode function : root == null ? List.<JsonNode>of() : listOf(root.path("functions"))) {
            JsonNode lookup = function.path("lookup");
            if (lookup.isTextual()) {
                Path parent = file.getParent();
                Path list = parent == null ? Path.of(lookup.asText()) : parent.resolve(lookup.asText());
                if (Files.isRegularFile(list)) {
                    files.add(ExternalFile.of(list));
                }
            }
        }
        return files;
    }

    private static List<JsonNode> listOf(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        node.forEach(list::add);
        return list;
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        String labelColumn = parameters.string("label_column").orElse("label");
        LabelingFunctions lfs =
                LabelingFunctionFile.read(context.externalInputs().get(0).path());
        List<Artifact> inputs = context.inputs("examples");
        Artifact source = inputs.get(inputs.size() - 1);
        List<String> splits = Splits.of(source);
        List<Path> files = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        for (String split : splits) {
            List<Path> splitFiles = LabelJoin.dataFiles(Splits.directory(Path.of(source.uri()), split));
            files.addAll(splitFiles);
            rows.add(count(splitFiles));
        }
        TableOptions options = TableOptions.DEFAULT;
        WeakLabelFiles.inputColumns(files, options, WeakLabelFiles.addedColumns(labelColumn, lfs.labels(), false));
        LabelMatrix matrix = LabelMatrix.apply(files, options, lfs);
        WeakLabels weak = majority(parameters)
                ? new MajorityLabelVoter().fit(matrix, lfs, HumanVotes.NONE)
                : new LabelModel().fit(matrix, lfs, HumanVotes.NONE);
        Path out = context.outputDirectory("examples");
        Path labeled = out.resolve(".weak_labels.csv");
        WeakLabelFiles.write(files, options, matrix, lfs, weak, labelColumn, new int[0], labeled);
        long[] written = split(labeled, out, splits, rows);
        Files.delete(labeled);
        long withLabel = 0;
        for (int i = 0; i < weak.rows(); i++) {
            withLabel += weak.label(i) >= 0 ? 1 : 0;
        }
        for (int i = 0; i < splits.size(); i++) {
            context.setOutputProperty("examples", "num_examples_" + splits.get(i), Value.of(written[i]));
        }
        context.setOutputProperty("examples", Splits.PROPERTY, Splits.property(splits));
        context.setOutputProperty("examples", "span", Value.of(Splits.span(inputs)));
        context.setOutputProperty("examples", "file_format", Value.of("jsonl"));
        context.setOutputProperty("examples", "summary.weak_labels", Value.of(withLabel));
    }

    /** Writes the labeled rows, in input order, back into their splits as JSON Lines. */
    private static long[] split(Path labeled, Path out, List<String> splits, List<Long> rows) throws IOException {
        long[] written = new long[splits.size()];
        int split = 0;
        ExampleWriter writer = null;
        try (BatchSource source = ExampleReaders.open(labeled)) {
            for (Optional<RecordBatch> next = source.next(); next.isPresent(); next = source.next()) {
                RecordBatch batch = next.get();
                for (int row = 0; row < batch.rowCount(); row++) {
                    while (written[split] == rows.get(split)) {
                        split++;
                        if (writer != null) {
                            writer.close();
                            writer = null;
                        }
                    }
                    if (writer == null) {
                        writer = ExampleWriter.create(
                                Splits.directory(out, splits.get(split)).resolve("data.jsonl"));
                    }
                    writer.write(batch, row);
                    written[split]++;
                }
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        for (int i = 0; i < splits.size(); i++) {
            if (written[i] == 0) {
                ExampleWriter.create(Splits.directory(out, splits.get(i)).resolve("data.jsonl"))
                        .close();
            }
        }
        return written;
    }

    private static long count(List<Path> files) throws IOException {
        long rows = 0;
        for (Path file : files) {
            try (BatchSource source = ExampleReaders.open(file)) {
                for (Optional<RecordBatch> next = source.next(); next.isPresent(); next = source.next()) {
                    rows += next.get().rowCount();
                }
            }
        }
        return rows;
    }

    private static boolean majority(Parameters parameters) {
        String model = parameters.string("model").orElse("label-model");
        return switch (model) {
            case "label-model" -> false;
            case "majority" -> true;
            default ->
                throw new ConfigException("parameter model: expected label-model or majority, found '" + model + "'");
        };
    }
}
