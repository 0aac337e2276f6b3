package dev.veracity.validate.example;

import java.util.List;
import java.util.Map;

/**
 * A row-level rule beyond the schema (a regex every value must match, {@code a <= b} across columns), run on every
 * record by per-example validation after the schema's checks. Implementations are immutable values and thread-safe:
 * one instance checks the rows of many threads.
 *
 * <pre>{@code
 * RowCheck positive = record -> record.get("fare") instanceof Double d && d < 0
 *         ? List.of(new RowViolation("fare", "fare >= 0: found " + d)) : List.of();
 * }</pre>
 */
public interface RowCheck {
    /**
     * {@return the violations of this rule by one record, empty if it holds}
     *
     * @param record the record as {@link RecordValidator#check} takes it: values by feature name, {@code Long},
     *               {@code Double}, {@code String} or a {@code List} of them, no key or {@code null} when missing;
     *               the batch run reuses the map for the next row, so copy what must outlive the call
     */
    List<RowViolation> violations(Map<String, Object> record);
}
