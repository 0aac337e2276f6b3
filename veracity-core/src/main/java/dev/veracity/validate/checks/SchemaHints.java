package dev.veracity.validate.checks;

import dev.veracity.data.ValueText;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.stats.PiiProtection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a schema says about a feature that refines the suggested checks: whether it is expected in the environment,
 * its type, its domain and whether it is PII. An empty schema says nothing (every feature expected, any type).
 */
final class SchemaHints {
    private final Schema schema;
    private final Map<String, Feature> features = new HashMap<>();
    private final Set<String> pii;
    private final List<String> environments;

    SchemaHints(Schema schema, String environment) {
        this.schema = schema;
        schema.getFeatureList().forEach(f -> features.putIfAbsent(f.getName(), f));
        this.pii = PiiProtection.features(schema);
        this.environments = environment.isEmpty() ? schema.getDefaultEnvironmentList() : List.of(environment);
    }

    /** {@return whether checks on the feature make sense: TFDV's environment rules, and not deprecated} */
    boolean expected(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            return true;
        }
        LifecycleStage stage = feature.getLifecycleStage();
        if (stage == LifecycleStage.DEPRECATED
                || stage == LifecycleStage.DISABLED
                || stage == LifecycleStage.PLANNED
                || stage == LifecycleStage.ALPHA
                || stage == LifecycleStage.DEBUG_ONLY) {
            return false;
        }
        if (environments.isEmpty()) {
            return true;
        }
        for (String environment : environments) {
            boolean in = feature.getInEnvironmentList().contains(environment)
                    || (feature.getInEnvironmentCount() == 0
                            && !feature.getNotInEnvironmentList().contains(environment));
            if (in) {
                return true;
            }
        }
        return false;
    }

    /** {@return whether the schema lets the feature have numeric checks (not typed BYTES or STRUCT)} */
    boolean allowsNumbers(String name) {
        Feature feature = features.get(name);
        return feature == null
                || !feature.hasType()
                || feature.getType() == FeatureType.INT
                || feature.getType() == FeatureType.FLOAT;
    }

    /** {@return whether the schema lets the feature have string checks (not typed INT, FLOAT or STRUCT)} */
    boolean allowsStrings(String name) {
        Feature feature = features.get(name);
        return feature == null || !feature.hasType() || feature.getType() == FeatureType.BYTES;
    }

    /** {@return whether the schema marks the feature PII} */
    boolean isPii(String name) {
        return pii.contains(name);
    }

    /** {@return the min and max checks from the feature's int or float domain, if it bounds either} */
    Optional<SuggestedCheck[]> numericDomain(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            return Optional.empty();
        }
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        if (feature.hasIntDomain()
                || named(feature).filter(IntDomain.class::isInstance).isPresent()) {
            IntDomain d = feature.hasIntDomain()
                    ? feature.getIntDomain()
                    : (IntDomain) named(feature).orElseThrow();
            min = d.hasMin() ? d.getMin() : min;
            max = d.hasMax() ? d.getMax() : max;
        } else if (feature.hasFloatDomain()
                || named(feature).filter(FloatDomain.class::isInstance).isPresent()) {
            FloatDomain d = feature.hasFloatDomain()
                    ? feature.getFloatDomain()
                    : (FloatDomain) named(feature).orElseThrow();
            min = d.hasMin() ? d.getMin() : min;
            max = d.hasMax() ? d.getMax() : max;
        }
        List<SuggestedCheck> checks = new ArrayList<>();
        if (min != Double.NEGATIVE_INFINITY) {
            checks.add(new SuggestedCheck(
                    Check.of(name, Metric.MIN).withBounds(min, Double.POSITIVE_INFINITY),
                    "schema_domain",
                    "the schema's domain of " + name + " starts at " + ValueText.of(min)));
        }
        if (max != Double.POSITIVE_INFINITY) {
            checks.add(new SuggestedCheck(
                    Check.of(name, Metric.MAX).withBounds(Double.NEGATIVE_INFINITY, max),
                    "schema_domain",
                    "the schema's domain of " + name + " ends at " + ValueText.of(max)));
        }
        return checks.isEmpty() ? Optional.empty() : Optional.of(checks.toArray(SuggestedCheck[]::new));
    }

    /** {@return the unique check from the feature's string domain (inline or named), if it has one} */
    Optional<SuggestedCheck> stringDomain(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            return Optional.empty();
        }
        Optional<StringDomain> domain = feature.hasStringDomain()
                ? Optional.of(feature.getStringDomain())
                : named(feature).filter(StringDomain.class::isInstance).map(StringDomain.class::cast);
        return domain.filter(d -> d.getValueCount() > 0)
                .map(d -> new SuggestedCheck(
                        Check.of(name, Metric.UNIQUE).withBounds(Double.NEGATIVE_INFINITY, d.getValueCount()),
                        "schema_domain",
                        "the schema's domain of " + name + " lists " + d.getValueCount() + " values"));
    }

    /** {@return the schema-level domain the feature's {@code domain} names} */
    private Optional<Object> named(Feature feature) {
        if (!feature.hasDomain()) {
            return Optional.empty();
        }
        String domain = feature.getDomain();
        for (StringDomain d : schema.getStringDomainList()) {
            if (d.getName().equals(domain)) {
                return Optional.of(d);
            }
        }
        for (IntDomain d : schema.getIntDomainList()) {
            if (d.getName().equals(domain)) {
                return Optional.of(d);
            }
        }
        for (FloatDomain d : schema.getFloatDomainList()) {
            if (d.getName().equals(domain)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
