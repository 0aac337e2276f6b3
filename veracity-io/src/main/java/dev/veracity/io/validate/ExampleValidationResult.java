package dev.veracity.io.validate;

import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What per-example validation found in a dataset.
 *
 * <pre>{@code
 * ExampleValidationResult result = ExampleValidation.of(schema).run(files, ExampleSink.NONE);
 * StatisticsFiles.write(result.statistics(), Path.of("anomalous.pbtxt"));
 * }</pre>
 *
 * @param rows           the rows validated
 * @param anomalousRows  the rows with at least one reason
 * @param skippedRecords the malformed records skipped ({@code --bad-records skip})
 * @param counts         per TFDV slice key ({@code feature_TYPE}), the rows with that reason, sorted by key
 * @param statistics     TFDV's result: one dataset per slice key, named by it, with the statistics of its rows
 */
public record ExampleValidationResult(
        long rows,
        long anomalousRows,
        long skippedRecords,
        Map<String, Long> counts,
        DatasetFeatureStatisticsList statistics) {
    public ExampleValidationResult {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(counts, "counts is null")));
        Objects.requireNonNull(statistics, "statistics is null");
    }

    /** {@return whether no row broke the schema or a row-level rule} */
    public boolean isClean() {
        return anomalousRows == 0;
    }
}
