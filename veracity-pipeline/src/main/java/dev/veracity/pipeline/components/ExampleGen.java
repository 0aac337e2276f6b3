package dev.veracity.pipeline.components;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.convert.Converter;
import dev.veracity.io.convert.ParquetColumn;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.ExternalFile;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import dev.veracity.pipeline.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TFX's ExampleGen: reads the input files of the latest (or a given) span through {@link ExampleReaders} and splits
 * their examples into {@code Split-<name>/} by hash buckets of a partition feature or of the whole example, as JSON
 * Lines ({@code data.jsonl}, the default), TFRecord of tf.Example in TFX's layout
 * ({@code data_tfrecord-00000-of-00001.gz}) or Parquet ({@code output_format}). Its output says how many examples
 * it wrote ({@code summary.examples}).
 *
 * <pre>{@code
 * gen: {component: ExampleGen, parameters: {input: "data/span-{SPAN}/*.csv", splits: {train: 2, eval: 1}, partition_feature: user}}
 * }</pre>
 */
public final class ExampleGen implements Component {
    private static final ComponentSpec SPEC = new ComponentSpec(
            "ExampleGen",
            "2",
            List.of(),
            List.of(new OutputPort("examples", ArtifactType.EXAMPLES)),
            List.of(
                    ParameterSpec.required(
                            "input",
                            ParameterType.STRING,
                            "input files: a path or pattern with {SPAN}, {VERSION}, {YYYY}{MM}{DD}, *, **"),
                    ParameterSpec.optional(
                            "splits",
                            ParameterType.MAP,
                            "split name to hash buckets, in order (default train: 2, eval: 1)"),
                    ParameterSpec.optional(
                            "partition_feature",
                            ParameterType.STRING,
                            "a STRING or INT feature whose value decides the split (default: the whole example)"),
                    ParameterSpec.optional("span", ParameterType.INT, "the span to read (default: the latest)"),
                    ParameterSpec.optional(
                            "output_format",
                            ParameterType.STRING,
                            "jsonl (default), tfrecord (tf.Example, gzip, TFX's layout) or parquet")));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void validate(Parameters parameters) {
        SplitConfig.of(parameters.map("splits"));
        SpanPattern.parse(parameters.string("input").orElseThrow());
        format(parameters);
    }

    private static ExampleWriter.Format format(Parameters parameters) {
        String name = parameters.string("output_format").orElse("jsonl");
        return ExampleWriter.Format.named(name)
                .orElseThrow(() -> new dev.veracity.ConfigException(
                        "parameter output_format: expected jsonl, tfrecord or parquet, found " + name));
    }

    @Override
    public List<ExternalFile> externalInputs(Parameters parameters) throws IOException {
        OptionalLong span = parameters.integer("span").map(OptionalLong::of).orElse(OptionalLong.empty());
        return SpanPattern.parse(parameters.string("input").orElseThrow()).resolve(span);
    }

    @Override
    public void execute(ExecutionContext context) throws IOException {
        Parameters parameters = context.parameters();
        SplitConfig splits = SplitConfig.of(parameters.map("splits"));
        Optional<String> partitionFeature = parameters.string("partition_feature");
        Path out = context.outputDirectory("examples");
        ExampleWriter.Format format = format(parameters);
        List<ParquetColumn> columns = format == ExampleWriter.Format.PARQUET
                ? Converter.columns(
                        context.externalInputs().stream()
                                .map(ExternalFile::path)
                                .toList(),
                        ReadOptions.DEFAULT)
                : List.of();
        List<ExampleWriter> writers = new ArrayList<>();
        try {
            for (String split : splits.names()) {
                writers.add(ExampleWriter.create(Splits.directory(out, split), format, columns));
            }
            MessageDigest sha256 = sha256();
            for (ExternalFile file : context.externalInputs()) {
                split(file.path(), splits, partitionFeature, writers, sha256);
            }
        } finally {
            for (ExampleWriter writer : writers) {
                writer.close();
            }
        }
        List<ExternalFile> files = context.externalInputs();
        context.setOutputProperty(
                "examples",
                "span",
                Value.of(files.get(0).span() < 0 ? 0 : files.get(0).span()));
        context.setOutputProperty("examples", "version", Value.of(files.get(0).version()));
        if (SpanPattern.parse(parameters.string("input").orElseThrow()).isDate()) {
            context.setOutputProperty(
                    "examples",
                    "span_date",
                    Value.of(SpanPattern.label(Math.max(0, files.get(0).span()), true)));
        }
        context.setOutputProperty("examples", Splits.PROPERTY, Splits.property(splits.names()));
        context.setOutputProperty("examples", "file_format", Value.of(format.property()));
        if (format == ExampleWriter.Format.TFRECORD) {
            context.setOutputProperty("examples", "payload_format", Value.of("FORMAT_TF_EXAMPLE"));
        }
        long examples = 0;
        for (int i = 0; i < writers.size(); i++) {
            context.setOutputProperty(
                    "examples",
                    "num_examples_" + splits.names().get(i),
                    Value.of(writers.get(i).count()));
            examples += writers.get(i).count();
        }
        context.setOutputProperty("examples", "summary.examples", Value.of(examples));
    }

    /**
     * {@return whether the pipeline's spans are dates: an ExampleGen of it reads a {@code {YYYY}{MM}{DD}} pattern (a
     * span is then shown as its date)}
     */
    public static boolean usesDates(dev.veracity.pipeline.Pipeline pipeline) {
        return pipeline.nodes().stream()
                .filter(n -> n.component() instanceof ExampleGen)
                .anyMatch(n -> SpanPattern.parse(n.parameters().string("input").orElseThrow())
                        .isDate());
    }

    private static void split(
            Path file,
            SplitConfig splits,
            Optional<String> partitionFeature,
            List<ExampleWriter> writers,
            MessageDigest sha256)
            throws IOException {
        long record = 0;
        try (BatchSource source = ExampleReaders.open(file)) {
            for (Optional<RecordBatch> next = source.next(); next.isPresent(); next = source.next()) {
                RecordBatch batch = next.get();
                int[][] rows = new int[writers.size()][batch.rowCount()];
                int[] counts = new int[writers.size()];
                Column key =
                        partitionFeature.map(name -> column(batch, name, file)).orElse(null);
                for (int row = 0; row < batch.rowCount(); row++) {
                    record++;
                    byte[] bytes;
                    if (key == null) {
                        bytes = PartitionKeys.example(batch, row);
                    } else if (!key.present()[row] || key.rowOffsets()[row] == key.rowOffsets()[row + 1]) {
                        throw new InputException(
                                ErrorCode.INVALID_OPTION,
                                file + ": record " + record + ": expected a value of partition feature " + key.name()
                                        + ", found none");
                    } else {
                        bytes = PartitionKeys.feature(key, row);
                    }
                    int split = splits.splitOf(sha256.digest(bytes));
                    rows[split][counts[split]++] = row;
                }
                for (int split = 0; split < writers.size(); split++) {
                    writers.get(split).write(batch, rows[split], counts[split]);
                }
            }
        }
    }

    private static Column column(RecordBatch batch, String name, Path file) {
        for (Column column : batch.columns()) {
            if (column.name().equals(name)) {
                if (column.type() == dev.veracity.data.FeatureType.FLOAT) {
                    throw new InputException(
                            ErrorCode.INVALID_OPTION,
                            file + ": column " + name + ": expected a "
                                    + "STRING or INT partition feature (as TFX), found FLOAT");
                }
                return column;
            }
        }
        throw new InputException(
                ErrorCode.INVALID_OPTION,
                file + ": expected partition feature " + name + " among its columns, found "
                        + batch.columns().stream().map(Column::name).toList());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
