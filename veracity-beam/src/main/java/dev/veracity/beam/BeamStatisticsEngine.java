package dev.veracity.beam;

import dev.veracity.ConfigException;
import dev.veracity.data.FeatureType;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.DataFormat;
import dev.veracity.io.EngineRun;
import dev.veracity.io.InputPaths;
import dev.veracity.io.Readers;
import dev.veracity.io.SchemaTypes;
import dev.veracity.io.StatisticsEngine;
import dev.veracity.io.Veracity;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.proto.Schema;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code veracity stats --engine beam}: the request the CLI built, run as a Beam pipeline on {@code --runner}
 * (FlinkRunner by default: an embedded Flink cluster on this machine, or {@code --flinkMaster=HOST:PORT}; SparkRunner:
 * Spark's local mode with {@code --threads} cores, or {@code --sparkMaster=spark://HOST:PORT}). Found by
 * the CLI through {@link java.util.ServiceLoader}. Features the request's schema marks as PII lose their raw values
 * inside the pipeline, before the statistics are written, as on the local engine.
 */
public final class BeamStatisticsEngine implements StatisticsEngine {
    /** The runner unless {@code --runner} names another. */
    static final String DEFAULT_RUNNER = "FlinkRunner";
    /** The runners' short names ({@code --runner direct}); any other name is passed to Beam as it is. */
    private static final Map<String, String> RUNNERS =
            Map.of("direct", "DirectRunner", "flink", "FlinkRunner", "spark", "SparkRunner");

    @Override
    public String name() {
        return "beam";
    }

    @Override
    public ComputedStatistics compute(Veracity.StatisticsRequest request, EngineRun run) throws IOException {
        StatisticsOptions options = SchemaTypes.describing(request.options(), request.schema());
        CsvOptions csv = typed(request.csvOptions(), request.schema());
        VeracityBeamOptions pipelineOptions = pipelineOptions(run);
        StatisticsSpec spec = StatisticsSpec.of(options)
                .withSlicings(request.slicings(), request.maxSlices())
                .named(request.name())
                .withFeaturePartitions(pipelineOptions.getFeaturePartitions())
                .withPiiProtection(request.schema(), request.piiProtection());
        boolean remote = run.inputs().stream().anyMatch(input -> input.contains("://"));
        List<Path> files = remote ? List.of() : InputPaths.expand(run.inputs());
        if (remote || Readers.formatOf(files, request.read()) == DataFormat.CSV) {
            return BeamStatistics.run(pipelineOptions, run.inputs(), csv, request.sampling(), spec);
        }
        if (!request.sampling().equals(Sampling.ALL)) {
            throw new ConfigException("--engine beam --sample-rate: expected CSV inputs, found "
                    + Readers.formatOf(files, request.read()).displayName() + " (" + run.inputs()
                    + "); the Beam engine samples CSV only: use --engine local");
        }
        return BeamStatistics.run(pipelineOptions, ReadFiles.of(files, request.read()), spec);
    }

    /** {@return the CSV options reading the columns the schema names with its types} */
    static CsvOptions typed(CsvOptions csv, Schema schema) {
        if (schema.getFeatureCount() == 0) {
            return csv;
        }
        Map<String, FeatureType> types = new HashMap<>(csv.columnTypes());
        types.putAll(SchemaTypes.columnTypes(schema));
        return csv.withColumnTypes(types);
    }

    /**
     * {@return the pipeline options of the run}: the runner, the parallelism from {@code --threads} unless an engine
     * argument sets it, and the engine arguments
     *
     * @throws ConfigException if Beam rejects an option
     */
    public static VeracityBeamOptions pipelineOptions(EngineRun run) {
        String runner = run.runner().isEmpty() ? DEFAULT_RUNNER : RUNNERS.getOrDefault(run.runner(), run.runner());
        List<String> args = new ArrayList<>();
        args.add("--runner=" + runner);
        boolean flink = runner.equals("FlinkRunner");
        if (flink && run.engineArgs().stream().noneMatch(arg -> arg.startsWith("--parallelism"))) {
            args.add("--parallelism=" + run.threads());
        }
        if (flink && run.engineArgs().stream().noneMatch(arg -> arg.startsWith("--objectReuse"))) {
            args.add("--objectReuse=true"); // our functions never change their inputs: skip Flink's defensive copies
        }
        if (flink && run.engineArgs().stream().noneMatch(arg -> arg.startsWith("--fasterCopy"))) {
            args.add("--fasterCopy=true"); // nor their outputs once emitted: no coder round trip to copy an element
        }
        if (runner.equals("SparkRunner") && run.engineArgs().stream().noneMatch(a -> a.startsWith("--sparkMaster"))) {
            args.add("--sparkMaster=local[" + run.threads() + "]"); // Spark's local mode: in-process, --threads cores
        }
        if (runner.equals("DirectRunner")
                && run.engineArgs().stream().noneMatch(a -> a.startsWith("--targetParallelism"))) {
            args.add("--targetParallelism=" + run.threads());
        }
        args.addAll(run.engineArgs());
        RunnerRegistry.prepare(runnerOf(args));
        try {
            return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
                    .withValidation()
                    .as(VeracityBeamOptions.class);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--engine beam " + String.join(" ", args) + ": expected Beam pipeline options "
                    + "of the runners on the class path (DirectRunner, FlinkRunner, SparkRunner), found: "
                    + e.getMessage());
        }
    }

    /** {@return the runner the last {@code --runner=} among the arguments names (Beam's rule), or ""} */
    static String runnerOf(List<String> args) {
        String runner = "";
        for (String arg : args) {
            if (arg.startsWith("--runner=")) {
                runner = arg.substring("--runner=".length());
            }
        }
        return runner;
    }
}
