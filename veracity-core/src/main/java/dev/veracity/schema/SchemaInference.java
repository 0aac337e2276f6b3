package dev.veracity.schema;

import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;

/**
 * Infers a schema from statistics with TFDV's rules (tfdv.md section 5.5): for every feature its type, presence,
 * valency (or shape), and a domain for bool-like, int-like and low-cardinality strings. Opt-in extensions: numeric
 * ranges and categorical INT value sets ({@link InferenceOptions}).
 *
 * <pre>{@code
 * Schema schema = SchemaInference.infer(trainStats);
 * Schema ranged = SchemaInference.infer(trainStats, InferenceOptions.defaults().withRanges(0.1));
 * }</pre>
 */
public final class SchemaInference {
    private SchemaInference() {}

    /** {@return the schema TFDV's SchemaGen infers from the statistics' only (or "All Examples") dataset} */
    public static Schema infer(DatasetFeatureStatisticsList statistics) {
        return infer(statistics, InferenceOptions.defaults());
    }

    /** {@return the schema inferred from the statistics' only (or "All Examples") dataset with {@code options}} */
    public static Schema infer(DatasetFeatureStatisticsList statistics, InferenceOptions options) {
        return infer(DatasetView.of(statistics, null), options);
    }

    /** {@return the schema inferred from one dataset of statistics} */
    public static Schema infer(DatasetView data, InferenceOptions options) {
        return SchemaEngine.run(Schema.getDefaultInstance(), data, options, null)
                .schema();
    }
}
