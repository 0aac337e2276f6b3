package dev.veracity.schema;

import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;

/**
 * Relaxes a schema so that statistics conform to it, with TFDV's {@code update_schema} semantics (tfdv.md section
 * 5.6): widen value counts, lower presence bounds, append unseen domain values, widen ranges, deprecate features of
 * the wrong type or required but absent, add new features as inference would. It is the validation engine with
 * the fixes kept: validating the statistics against the updated schema finds nothing.
 *
 * <pre>{@code
 * Schema schema = SchemaUpdater.update(SchemaInference.infer(train), eval);   // TFX SchemaGen over two splits
 * }</pre>
 */
public final class SchemaUpdater {
    private SchemaUpdater() {}

    /** {@return the schema relaxed to accept the statistics' only (or "All Examples") dataset} */
    public static Schema update(Schema schema, DatasetFeatureStatisticsList statistics) {
        return update(schema, DatasetView.of(statistics, null), InferenceOptions.defaults(), null);
    }

    /**
     * {@return the schema relaxed to accept one dataset of statistics}
     *
     * @param newColumns  how features the schema lacks are inferred (the shape option is ignored, as in TFDV)
     * @param environment the environment the data is from (features outside it are moved into it), or null
     */
    public static Schema update(Schema schema, DatasetView data, InferenceOptions newColumns, String environment) {
        return SchemaEngine.run(schema, data, newColumns.withShape(false), environment)
                .schema();
    }
}
