package dev.veracity.beam;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.VeracityException;
import dev.veracity.io.BadRecords;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.SchemaTypes;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.proto.Schema;
import dev.veracity.stats.PiiProtection;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;

/**
 * The runnable statistics pipeline, for submitting to a runner as Beam pipelines are submitted:
 * <pre>{@code
 * java -cp 'veracity-beam/target/veracity-beam.jar:veracity-beam/target/lib/*' dev.veracity.beam.StatisticsPipeline \
 *     --runner=FlinkRunner --input='data/*.csv' --output=stats.pb --sliceBy='country;country,device'
 * }</pre>
 * Exit codes as the CLI's: 0 done, 2 bad input or options (one line on stderr, found among the causes of the
 * failure however the runner wrapped it), 3 anything else (a bug, with its stack trace).
 */
public final class StatisticsPipeline {
    private StatisticsPipeline() {}

    /** The options of the pipeline, on top of Beam's and the runner's. */
    public interface Options extends VeracityBeamOptions {
        @Description("CSV files or patterns (local, gs://, hdfs:// ...), comma-separated; one dataset.")
        @Validation.Required
        List<String> getInput();

        void setInput(List<String> input);

        @Description("Where to write the statistics: .pb, .pbtxt or .json.")
        @Validation.Required
        String getOutput();

        void setOutput(String output);

        @Description(
                "Slicings separated by ';', each a feature or features crossed with ',': 'country;country,device'.")
        @Default.String("")
        String getSliceBy();

        void setSliceBy(String sliceBy);

        @Description("Slices kept per slicing.")
        @Default.Integer(100)
        int getMaxSlices();

        void setMaxSlices(int maxSlices);

        @Description("Most frequent values kept per string feature.")
        @Default.Integer(20)
        int getTopK();

        void setTopK(int topK);

        @Description("Buckets of the numeric histograms.")
        @Default.Integer(10)
        int getHistogramBuckets();

        void setHistogramBuckets(int buckets);

        @Description("Distinct values per string feature counted exactly.")
        @Default.Integer(10_000)
        int getMaxExactDistinct();

        void setMaxExactDistinct(int max);

        @Description("Numeric feature whose value weighs each example; empty for none.")
        @Default.String("")
        String getWeight();

        void setWeight(String weight);

        @Description("Fraction of the rows to describe, in (0, 1].")
        @Default.Double(1.0)
        double getSampleRate();

        void setSampleRate(double rate);

        @Description("Chooses the sample.")
        @Default.Long(0)
        long getSeed();

        void setSeed(long seed);

        @Description("fail or skip malformed records.")
        @Default.String("fail")
        String getBadRecords();

        void setBadRecords(String policy);

        @Description("The field delimiter, one ASCII character (\\t for tab).")
        @Default.String(",")
        String getDelimiter();

        void setDelimiter(String delimiter);

        @Description("A schema file (.pbtxt, .pb, .json): CSV columns take its types, INT/FLOAT features with "
                + "categorical domains get string statistics, and features it marks veracity:pii keep no raw value.")
        @Default.String("")
        String getSchema();

        void setSchema(String schema);

        @Description("The dataset name recorded in the statistics.")
        @Default.String("")
        String getName();

        void setName(String name);
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.err));
    }

    /**
     * {@return the exit code of running the pipeline the arguments describe}: 0 done (a summary line on {@code err}),
     * 2 bad input or options, 3 a bug; the failure is classified by its causes as the CLI's {@code Main} does
     */
    static int execute(String[] args, PrintStream err) {
        try {
            ComputedStatistics computed = run(args);
            err.printf(
                    Locale.ROOT,
                    "veracity: %,d examples, %d features, %d skipped records%n",
                    computed.statistics().getDatasetsCount() == 0
                            ? 0
                            : computed.statistics().getDatasets(0).getNumExamples(),
                    computed.statistics().getDatasetsCount() == 0
                            ? 0
                            : computed.statistics().getDatasets(0).getFeaturesCount(),
                    computed.skippedRecords());
            return 0;
        } catch (IOException | RuntimeException e) {
            return report(e, err);
        }
    }

    /**
     * Prints one line for a failure and {@return its exit code}: 2 when an input error is among its causes (a
     * {@link VeracityException} of a user or external {@link ErrorCode.Category}, or an {@link IOException} such as a
     * missing file, however the runner wrapped it), else 3 with the stack trace, as anything else is a bug.
     */
    static int report(Throwable failure, PrintStream err) {
        Throwable input = inputErrorIn(failure);
        if (input != null) {
            err.println("veracity: error: " + describe(input));
            return 2;
        }
        err.println("veracity: internal error: " + failure + " (a bug: please report it with this stack trace)");
        failure.printStackTrace(err);
        return 3;
    }

    /** {@return the input error among the causes of {@code failure}, nearest first, or null if there is none} */
    static Throwable inputErrorIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof VeracityException veracity) {
                return veracity.errorCode().category() == ErrorCode.Category.INTERNAL ? null : veracity;
            }
            if (cause instanceof IOException) {
                return cause;
            }
        }
        return null;
    }

    private static String describe(Throwable input) {
        String message = input.getMessage() == null ? input.getClass().getSimpleName() : input.getMessage();
        return switch (input.getClass().getSimpleName()) {
            case "NoSuchFileException" -> message + ": no such file";
            case "AccessDeniedException" -> message + ": expected a readable file, found no read permission";
            default -> message;
        };
    }

    /** {@return the statistics of the pipeline the arguments describe, after running it} */
    public static ComputedStatistics run(String[] args) throws IOException {
        RunnerRegistry.prepare(BeamStatisticsEngine.runnerOf(Arrays.asList(args)));
        PipelineOptionsFactory.register(Options.class);
        Options options;
        try {
            options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
        } catch (IllegalArgumentException e) {
            // Beam reports unknown, malformed and missing options so: a usage error, unlike any later one.
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new ConfigException("pipeline options: expected the options of StatisticsPipeline and the runner, "
                    + "found: " + message);
        }
        StatisticsOptions statistics = StatisticsOptions.DEFAULT
                .withNumTopValues(options.getTopK())
                .withNumHistogramBuckets(options.getHistogramBuckets())
                .withMaxExactDistinct(options.getMaxExactDistinct())
                .withWeightFeature(options.getWeight());
        List<Slicing> slicings = new ArrayList<>();
        for (String slicing : options.getSliceBy().split(";")) {
            if (!slicing.isBlank()) {
                slicings.add(new Slicing(Arrays.asList(slicing.strip().split(",", -1))));
            }
        }
        Schema schema = options.getSchema().isEmpty()
                ? Schema.getDefaultInstance()
                : SchemaFiles.read(Path.of(options.getSchema()));
        StatisticsSpec spec = StatisticsSpec.of(SchemaTypes.describing(statistics, schema))
                .withSlicings(slicings, options.getMaxSlices())
                .named(options.getName())
                .withFeaturePartitions(options.getFeaturePartitions())
                .withPiiProtection(schema, PiiProtection.SUPPRESS);
        CsvOptions csv = BeamStatisticsEngine.typed(
                CsvOptions.DEFAULT
                        .withDelimiter(delimiter(options.getDelimiter()))
                        .withBadRecords(badRecords(options.getBadRecords())),
                schema);
        return BeamStatistics.run(
                options,
                options.getInput(),
                csv,
                new Sampling(options.getSampleRate(), options.getSeed()),
                spec,
                options.getOutput());
    }

    private static byte delimiter(String delimiter) {
        String d = delimiter.equals("\\t") ? "\t" : delimiter;
        if (d.length() != 1 || d.charAt(0) > 127) {
            throw new ConfigException("--delimiter: expected one ASCII character, found '" + delimiter + "'");
        }
        return (byte) d.charAt(0);
    }

    private static BadRecords badRecords(String policy) {
        return switch (policy) {
            case "fail" -> BadRecords.FAIL;
            case "skip" -> BadRecords.SKIP;
            default -> throw new ConfigException("--badRecords: expected fail or skip, found " + policy);
        };
    }
}
