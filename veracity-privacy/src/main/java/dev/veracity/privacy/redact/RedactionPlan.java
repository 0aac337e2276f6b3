package dev.veracity.privacy.redact;

import dev.veracity.ConfigException;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.PiiTags;
import dev.veracity.privacy.Secret;
import dev.veracity.privacy.detect.PiiDetector;
import dev.veracity.proto.Schema;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which operator applies where. A feature operator applies to every value of its feature; entity operators apply to
 * the spans the recognizers find in the values of every other feature. Features a schema marks {@code veracity:pii}
 * get {@link #withSchema the schema's operator} unless they have their own.
 *
 * <pre>{@code
 * RedactionPlan plan = RedactionPlan.none().withFeature("email", Operator.parse("hash"))
 *         .withEntity(PiiEntity.CREDIT_CARD, Operator.parse("mask")).withSecret(Secret.fromFile(key));
 * }</pre>
 *
 * @param features       operator per feature name
 * @param required       the features given explicitly, which the input must have (schema features need not)
 * @param featureEntity  the entity of a feature, where the schema states it (for {@code tag})
 * @param entities       operator per entity, for spans found in other features
 * @param detector       the recognizers that find spans
 * @param secret         the key of {@code hash}
 */
public record RedactionPlan(
        Map<String, Operator> features,
        java.util.Set<String> required,
        Map<String, PiiEntity> featureEntity,
        Map<PiiEntity, Operator> entities,
        PiiDetector detector,
        Optional<Secret> secret,
        java.util.BitSet droppedRows) {
    public RedactionPlan {
        features = Map.copyOf(features);
        required = java.util.Set.copyOf(required);
        featureEntity = Map.copyOf(featureEntity);
        entities = entities.isEmpty() ? Map.of() : new EnumMap<>(entities);
        Objects.requireNonNull(detector, "detector is null");
        Objects.requireNonNull(secret, "secret is null");
        droppedRows = (java.util.BitSet) droppedRows.clone();
    }

    /** {@return the rows left out (a copy)} */
    @Override
    public java.util.BitSet droppedRows() {
        return (java.util.BitSet) droppedRows.clone();
    }

    /** {@return this plan leaving out these rows (0-based)} */
    public RedactionPlan withDroppedRows(java.util.BitSet rows) {
        return new RedactionPlan(features, required, featureEntity, entities, detector, secret, rows);
    }

    /** {@return a plan that changes nothing} */
    public static RedactionPlan none() {
        return new RedactionPlan(
                Map.of(),
                java.util.Set.of(),
                Map.of(),
                Map.of(),
                PiiDetector.standard(),
                Optional.empty(),
                new java.util.BitSet());
    }

    /** {@return this plan with the feature's operator set} */
    public RedactionPlan withFeature(String feature, Operator operator) {
        Map<String, Operator> changed = new LinkedHashMap<>(features);
        changed.put(feature, operator);
        java.util.Set<String> named = new java.util.HashSet<>(required);
        named.add(feature);
        return new RedactionPlan(changed, named, featureEntity, entities, detector, secret, droppedRows);
    }

    /** {@return this plan with the operator of spans of the entity set} */
    public RedactionPlan withEntity(PiiEntity entity, Operator operator) {
        Map<PiiEntity, Operator> changed = new EnumMap<>(PiiEntity.class);
        changed.putAll(entities);
        changed.put(entity, operator);
        return new RedactionPlan(features, required, featureEntity, changed, detector, secret, droppedRows);
    }

    /** {@return this plan giving {@code operator} to each feature the schema marks PII and has no operator yet} */
    public RedactionPlan withSchema(Schema schema, Operator operator) {
        Map<String, Operator> changed = new LinkedHashMap<>(features);
        Map<String, PiiEntity> kinds = new LinkedHashMap<>(featureEntity);
        PiiTags.features(schema).forEach((feature, entity) -> {
            changed.putIfAbsent(feature, operator);
            entity.ifPresent(e -> kinds.put(feature, e));
        });
        return new RedactionPlan(changed, required, kinds, entities, detector, secret, droppedRows);
    }

    /** {@return this plan hashing with the secret} */
    public RedactionPlan withSecret(Secret newSecret) {
        return new RedactionPlan(
                features, required, featureEntity, entities, detector, Optional.of(newSecret), droppedRows);
    }

    /** @throws ConfigException if an operator needs a secret and there is none */
    void checkSecret() {
        boolean needed = features.values().stream().anyMatch(Operator::needsSecret)
                || entities.values().stream().anyMatch(Operator::needsSecret);
        if (needed && secret.isEmpty()) {
            throw new ConfigException("hash: expected a secret from a file (--secret-file) or an environment "
                    + "variable (--secret-env), found none; a secret on the command line would show in ps and "
                    + "shell history");
        }
    }
}
