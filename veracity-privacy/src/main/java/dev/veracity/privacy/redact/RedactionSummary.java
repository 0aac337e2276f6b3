package dev.veracity.privacy.redact;

import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.Map;

/**
 * What a redaction did (counts only, no values).
 *
 * @param rows           rows written
 * @param dropped        features left out of the output
 * @param valuesChanged  per feature with an operator, values it changed
 * @param spansRedacted  per entity, spans redacted inside other features
 */
public record RedactionSummary(
        long rows, List<String> dropped, Map<String, Long> valuesChanged, Map<PiiEntity, Long> spansRedacted) {
    public RedactionSummary {
        dropped = List.copyOf(dropped);
        valuesChanged = Map.copyOf(valuesChanged);
        spansRedacted = Map.copyOf(spansRedacted);
    }
}
