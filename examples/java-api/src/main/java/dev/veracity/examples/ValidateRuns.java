package dev.veracity.examples;

import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.Veracity;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaInference;
import dev.veracity.schema.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Veracity as a library, in three steps: statistics of a training file and an evaluation file, a schema inferred
 * from training, and the evaluation statistics validated against it.
 *
 * <pre>{@code
 * java dev.veracity.examples.ValidateRuns train.csv eval.csv out/
 * }</pre>
 */
public final class ValidateRuns {
    private ValidateRuns() {
    }

    /**
     * Runs the three steps and writes {@code train.pb}, {@code eval.pb} and {@code schema.pbtxt} into the output
     * directory.
     *
     * @param args the training file, the evaluation file and the output directory
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ValidateRuns TRAIN EVAL OUTPUT_DIRECTORY");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[2]));

        // 1. Statistics (TFDV's DatasetFeatureStatisticsList), on all cores.
        DatasetFeatureStatisticsList train = Veracity.statistics(Path.of(args[0])).compute().statistics();
        DatasetFeatureStatisticsList eval = Veracity.statistics(Path.of(args[1])).compute().statistics();
        StatisticsFiles.write(train, out.resolve("train.pb"));
        StatisticsFiles.write(eval, out.resolve("eval.pb"));
        System.out.printf("train: %d examples, %d features%n", train.getDatasets(0).getNumExamples(),
                train.getDatasets(0).getFeaturesCount());

        // 2. A schema inferred from training, with TFDV's rules.
        Schema schema = SchemaInference.infer(train);
        SchemaFiles.write(schema, out.resolve("schema.pbtxt"));
        System.out.printf("schema: %d features -> %s%n", schema.getFeatureCount(), out.resolve("schema.pbtxt"));

        // 3. The evaluation statistics validated against the schema: TFDV's anomaly types.
        Anomalies anomalies = Validator.validate(eval, schema).run();
        System.out.printf("eval: %d anomalies%n", anomalies.getAnomalyInfoCount());
        for (Map.Entry<String, AnomalyInfo> entry : anomalies.getAnomalyInfoMap().entrySet()) {
            for (AnomalyInfo.Reason reason : entry.getValue().getReasonList()) {
                System.out.printf("  %s: %s (%s)%n", entry.getKey(), reason.getShortDescription(), reason.getType());
            }
        }
        if (schema.getFeatureCount() == 0) {
            System.err.println("expected a schema with features, found none");
            System.exit(1);
        }
    }
}
