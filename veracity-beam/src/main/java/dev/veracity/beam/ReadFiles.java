package dev.veracity.beam;

import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import dev.veracity.io.DataFormat;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads local files of any format veracity-io reads (Parquet, Avro, TFRecord of tf.Example, JSON Lines, CSV) into
 * record batches, one file per worker task, with the very readers the local engine uses; so the Beam engine describes
 * every format the local one does. The files must be visible to every worker (a local or shared file system).
 *
 * <pre>{@code
 * PCollection<RecordBatch> batches = pipeline.apply(ReadFiles.of(List.of(Path.of("part-0.parquet")),
 *         ReadOptions.DEFAULT));
 * }</pre>
 */
public final class ReadFiles extends PTransform<PBegin, PCollection<RecordBatch>> {
    private final List<String> files;
    private final String format;
    private final List<String> columns;
    private final String avroReaderSchema;
    private final BadRecords badRecords;

    private ReadFiles(
            List<String> files, String format, List<String> columns, String avroReaderSchema, BadRecords badRecords) {
        this.files = List.copyOf(files);
        this.format = format;
        this.columns = List.copyOf(columns);
        this.avroReaderSchema = avroReaderSchema;
        this.badRecords = badRecords;
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
    }

    /** {@return the transform reading these files, detected or read as {@code options} says, as one dataset} */
    public static ReadFiles of(List<Path> files, ReadOptions options) {
        Objects.requireNonNull(options, "options is null");
        return new ReadFiles(
                files.stream().map(Path::toString).toList(),
                options.format(),
                options.columns(),
                options.avroReaderSchema(),
                options.badRecords());
    }

    @Override
    public PCollection<RecordBatch> expand(PBegin begin) {
        return begin.apply("Files", Create.of(files).withCoder(StringUtf8Coder.of()))
                .apply("Spread", Reshuffle.viaRandomKey())
                .apply("Read", ParDo.of(new ReadFile(format, columns, avroReaderSchema, badRecords)))
                .setCoder(RecordBatchCoder.of());
    }

    /** Reads one file per element with veracity-io's reader of its format. */
    private static final class ReadFile extends DoFn<String, RecordBatch> {
        private final String format;
        private final ArrayList<String> columns;
        private final String avroReaderSchema;
        private final BadRecords badRecords;
        private final Counter skipped = Metrics.counter(GenerateStatistics.METRICS_NAMESPACE, ReadCsv.SKIPPED_RECORDS);

        ReadFile(String format, List<String> columns, String avroReaderSchema, BadRecords badRecords) {
            this.format = format;
            this.columns = new ArrayList<>(columns);
            this.avroReaderSchema = avroReaderSchema;
            this.badRecords = badRecords;
        }

        @ProcessElement
        public void process(@Element String file, OutputReceiver<RecordBatch> out) throws IOException {
            ReadOptions options = ReadOptions.DEFAULT
                    .withColumns(columns)
                    .withAvroReaderSchema(avroReaderSchema)
                    .withBadRecords(badRecords);
            if (!format.isEmpty()) {
                options = options.withFormat(DataFormat.named(format));
            }
            try (BatchSource source = Readers.open(Path.of(file), options)) {
                for (Optional<RecordBatch> batch = source.next(); batch.isPresent(); batch = source.next()) {
                    out.output(batch.get());
                }
                skipped.inc(source.skippedRecords());
            }
        }
    }
}
