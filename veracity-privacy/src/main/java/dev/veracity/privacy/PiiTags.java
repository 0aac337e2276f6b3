package dev.veracity.privacy;

import dev.veracity.ConfigException;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Marks schema features as personal data with a {@code Feature.annotation.tag}, the convention of
 * {@code veracity:drift_test} (TFDV keeps tags as free text and ignores them, so the schema stays TFDV's):
 * {@code veracity:pii} for personal data of no stated kind, {@code veracity:pii=EMAIL_ADDRESS} with its entity.
 * Marking also removes the values a schema may hold of the feature (its string domain, numeric bounds), so that
 * the schema itself does not leak them.
 *
 * <pre>{@code
 * Schema marked = PiiTags.mark(schema, "email", Optional.of(PiiEntity.EMAIL_ADDRESS));
 * Map<String, Optional<PiiEntity>> pii = PiiTags.features(marked);   // {email=Optional[EMAIL_ADDRESS]}
 * }</pre>
 */
public final class PiiTags {
    /** The tag of a feature holding personal data of no stated kind; {@code TAG + "=" + ENTITY} states it. */
    public static final String TAG = dev.veracity.stats.PiiProtection.TAG;

    private PiiTags() {}

    /**
     * {@return the top-level features the schema marks as PII, in schema order, with their entity if stated}
     *
     * @throws ConfigException if a tag names no entity
     */
    public static Map<String, Optional<PiiEntity>> features(Schema schema) {
        Map<String, Optional<PiiEntity>> marked = new LinkedHashMap<>();
        for (Feature feature : schema.getFeatureList()) {
            for (String tag : feature.getAnnotation().getTagList()) {
                String value = tag.strip();
                if (value.equals(TAG)) {
                    marked.putIfAbsent(feature.getName(), Optional.empty());
                } else if (value.startsWith(TAG + "=")) {
                    String name = value.substring(TAG.length() + 1);
                    PiiEntity entity = PiiEntity.parse(name)
                            .orElseThrow(() -> new ConfigException("schema feature "
                                    + feature.getName() + ": tag " + tag + ": expected one of " + PiiEntity.names()
                                    + ", found \"" + name + "\""));
                    marked.put(feature.getName(), Optional.of(entity));
                }
            }
        }
        return marked;
    }

    /**
     * {@return the schema with the feature marked (any earlier PII tag of it replaced)}
     *
     * @throws ConfigException if the schema has no top-level feature of that name
     */
    public static Schema mark(Schema schema, String feature, Optional<PiiEntity> entity) {
        Objects.requireNonNull(entity, "entity is null");
        String tag = entity.map(e -> TAG + "=" + e.name()).orElse(TAG);
        Schema marked = edit(schema, feature, builder -> {
            removeTags(builder);
            builder.getAnnotationBuilder().addTag(tag);
            forgetValues(builder);
        });
        return dropUnusedDomains(marked, schema);
    }

    /**
     * {@return the schema without PII tags on the feature}
     *
     * @throws ConfigException if the schema has no top-level feature of that name
     */
    public static Schema unmark(Schema schema, String feature) {
        return edit(schema, feature, PiiTags::removeTags);
    }

    private static Schema edit(Schema schema, String feature, java.util.function.Consumer<Feature.Builder> change) {
        Schema.Builder builder = schema.toBuilder();
        for (Feature.Builder candidate : builder.getFeatureBuilderList()) {
            if (candidate.getName().equals(feature)) {
                change.accept(candidate);
                return builder.build();
            }
        }
        throw new ConfigException(
                "feature " + feature + ": expected a top-level feature of the schema, found none " + "of that name");
    }

    /** A PII feature's schema must not list its values: no string domain, no numeric bounds. */
    private static void forgetValues(Feature.Builder feature) {
        if (feature.hasStringDomain() || feature.hasDomain()) {
            feature.clearDomainInfo();
        }
        if (feature.hasIntDomain()) {
            feature.getIntDomainBuilder().clearMin().clearMax();
        }
        if (feature.hasFloatDomain()) {
            feature.getFloatDomainBuilder().clearMin().clearMax();
        }
    }

    /** Removes top-level string domains that a marked feature referred to and no feature refers to any more. */
    private static Schema dropUnusedDomains(Schema marked, Schema before) {
        java.util.Set<String> used = new java.util.HashSet<>();
        marked.getFeatureList().forEach(f -> {
            if (f.hasDomain()) {
                used.add(f.getDomain());
            }
        });
        java.util.Set<String> released = new java.util.HashSet<>();
        before.getFeatureList().forEach(f -> {
            if (f.hasDomain() && !used.contains(f.getDomain())) {
                released.add(f.getDomain());
            }
        });
        if (released.isEmpty()) {
            return marked;
        }
        var kept = marked.getStringDomainList().stream()
                .filter(d -> !released.contains(d.getName()))
                .toList();
        return marked.toBuilder().clearStringDomain().addAllStringDomain(kept).build();
    }

    private static void removeTags(Feature.Builder feature) {
        var kept = feature.getAnnotation().getTagList().stream()
                .filter(t -> !t.strip().equals(TAG) && !t.strip().startsWith(TAG + "="))
                .toList();
        feature.getAnnotationBuilder().clearTag().addAllTag(kept);
        if (feature.getAnnotation().equals(dev.veracity.proto.Annotation.getDefaultInstance())) {
            feature.clearAnnotation();
        }
    }
}
