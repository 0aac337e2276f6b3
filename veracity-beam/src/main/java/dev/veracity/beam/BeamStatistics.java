package dev.veracity.beam;

import dev.veracity.ConfigException;
import dev.veracity.VeracityException;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.Slicing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Builds and runs the statistics pipeline: CSV files through {@link ReadCsv} (or files of any format through
 * {@link ReadFiles}) and {@link GenerateStatistics} to an output file, on the runner the options name; then reads the
 * counters of skipped records and rows not sliced. The statistics of the spec's PII features lose their raw values
 * before they are written ({@link StatisticsSpec#withPiiProtection}).
 *
 * <pre>{@code
 * ComputedStatistics stats = BeamStatistics.run(options, List.of("data/*.csv"), CsvOptions.DEFAULT, Sampling.ALL,
 *         StatisticsSpec.of(StatisticsOptions.DEFAULT), "out.pb");
 * }</pre>
 */
public final class BeamStatistics {
    private BeamStatistics() {}

    /**
     * Runs the pipeline to its end and writes the statistics to {@code output}.
     *
     * @return the statistics (read back from {@code output} when it is a local file; else only the counts, with empty
     *         statistics) and what reading left out
     * @throws VeracityException the user error a worker raised (a malformed record, a bad weight, a slicing feature
     *                           the data lacks), as it was raised
     */
    public static ComputedStatistics run(
            PipelineOptions options,
            List<String> inputs,
            CsvOptions csv,
            Sampling sampling,
            StatisticsSpec spec,
            String output)
            throws IOException {
        return run(options, ReadCsv.from(inputs, csv).withSampling(sampling), spec, output);
    }

    /**
     * Runs the pipeline from any source of record batches (e.g. {@link ReadFiles}) to its end and writes the
     * statistics to {@code output}; otherwise as {@link #run(PipelineOptions, List, CsvOptions, Sampling,
     * StatisticsSpec, String)}.
     */
    public static ComputedStatistics run(
            PipelineOptions options,
            PTransform<PBegin, PCollection<RecordBatch>> source,
            StatisticsSpec spec,
            String output)
            throws IOException {
        Objects.requireNonNull(output, "output is null");
        Pipeline pipeline = Pipeline.create(options);
        pipeline.apply("Read", source)
                .apply("GenerateStatistics", GenerateStatistics.of(spec))
                .apply("ProtectPii", ParDo.of(new ProtectStatistics(spec)))
                .setCoder(ProtoCoder.statistics())
                .apply("Write", ParDo.of(new WriteStatistics(output)));
        PipelineResult result;
        try {
            result = pipeline.run();
            result.waitUntilFinish();
        } catch (RuntimeException e) {
            throw userErrorIn(e);
        }
        if (result.getState() != PipelineResult.State.DONE) {
            throw new IllegalStateException("the pipeline ended in state " + result.getState());
        }
        Map<String, Long> counters = counters(result);
        Map<Slicing, Long> rowsNotSliced = new HashMap<>();
        for (Slicing slicing : spec.coreSlicings()) {
            rowsNotSliced.put(slicing, counters.getOrDefault(GenerateStatistics.ROWS_NOT_SLICED + slicing, 0L));
        }
        DatasetFeatureStatisticsList statistics = output.contains("://")
                ? DatasetFeatureStatisticsList.getDefaultInstance()
                : StatisticsFiles.read(Path.of(output));
        return new ComputedStatistics(statistics, counters.getOrDefault(ReadCsv.SKIPPED_RECORDS, 0L), rowsNotSliced);
    }

    /** As {@link #run}, through a temporary local file that is deleted afterwards. */
    public static ComputedStatistics run(
            PipelineOptions options, List<String> inputs, CsvOptions csv, Sampling sampling, StatisticsSpec spec)
            throws IOException {
        return run(options, ReadCsv.from(inputs, csv).withSampling(sampling), spec);
    }

    /** As {@link #run(PipelineOptions, PTransform, StatisticsSpec, String)}, through a temporary local file. */
    public static ComputedStatistics run(
            PipelineOptions options, PTransform<PBegin, PCollection<RecordBatch>> source, StatisticsSpec spec)
            throws IOException {
        Path temporary = Files.createTempFile("veracity-beam-", ".pb");
        try {
            return run(options, source, spec, temporary.toString());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes or hashes the raw values of the spec's PII features, before anything is written. */
    private static final class ProtectStatistics
            extends DoFn<DatasetFeatureStatisticsList, DatasetFeatureStatisticsList> {
        private static final long serialVersionUID = 1L;
        private final StatisticsSpec spec;

        ProtectStatistics(StatisticsSpec spec) {
            this.spec = spec;
        }

        @ProcessElement
        public void processElement(
                @Element DatasetFeatureStatisticsList statistics, OutputReceiver<DatasetFeatureStatisticsList> out) {
            out.output(spec.protect(statistics));
        }
    }

    private static Map<String, Long> counters(PipelineResult result) {
        Map<String, Long> counters = new HashMap<>();
        MetricQueryResults metrics = result.metrics()
                .queryMetrics(MetricsFilter.builder()
                        .addNameFilter(MetricNameFilter.inNamespace(GenerateStatistics.METRICS_NAMESPACE))
                        .build());
        for (MetricResult<Long> counter : metrics.getCounters()) {
            counters.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
        }
        return counters;
    }

    /**
     * {@return the Veracity error that a worker raised, found in the runner's wrapping of it, or the exception itself}
     * Runners wrap user exceptions in their own (Beam's PipelineExecutionException, Flink's JobExecutionException);
     * the user error is what the user must see, with its own message and exit code.
     */
    public static RuntimeException userErrorIn(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof VeracityException veracity) {
                return veracity;
            }
            if (cause instanceof IOException io) {
                return new UncheckedIOException(io.getMessage(), io); // the CLI's Main reports it as an input error
            }
            if (cause instanceof IllegalArgumentException
                    && cause.getMessage() != null
                    && cause.getMessage().startsWith("Class interface")) {
                return new ConfigException("Beam pipeline options: " + cause.getMessage());
            }
        }
        return e;
    }
}
