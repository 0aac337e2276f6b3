package dev.veracity.privacy.scan;

import dev.veracity.privacy.PiiEntity;
import java.util.Objects;

/**
 * How much of a feature's scanned values look like one entity.
 *
 * @param entity    the entity
 * @param values    scanned values with at least one finding of it
 * @param fraction  {@code values} over the values scanned
 * @param meanScore the mean confidence of its findings
 */
public record EntityShare(PiiEntity entity, long values, double fraction, double meanScore) {
    public EntityShare {
        Objects.requireNonNull(entity, "entity is null");
    }
}
