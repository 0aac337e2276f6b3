package dev.veracity.validate.example;

import dev.veracity.proto.Feature;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.ValueCount;
import dev.veracity.schema.FeatureRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fast, conservative check of one schema feature's value in a record: {@link #passes} is true only when the
 * schema engine would find nothing wrong with that value in a dataset of one. A feature whose schema uses a rule
 * the screen does not model exactly (bool and categorical domains, shapes, unique constraints, invalid
 * specifications, ...) never passes, so its records always go to the engine: slower, never wrong.
 */
final class FeatureScreen {
    private final String name;
    private final Type type;
    private final boolean skipped;
    private final boolean opaque;
    private final boolean inEnvironment;
    private final boolean required;
    private final long minValues;
    private final long maxValues;
    private final boolean hasIntMin;
    private final long intMin;
    private final boolean hasIntMax;
    private final long intMax;
    private final boolean floatConstrained;
    private final double floatMin;
    private final double floatMax;
    private final boolean disallowNan;
    private final boolean disallowInf;
    private final Set<String> strings;
    private final boolean bool;
    private final String trueValue;
    private final String falseValue;

    /** The schema's physical types the screen knows. */
    enum Type {
        INT,
        FLOAT,
        BYTES
    }

    FeatureScreen(Feature feature, Schema schema, String environment) {
        this.name = feature.getName();
        List<String> defaults = schema.getDefaultEnvironmentList();
        this.skipped = FeatureRules.isDeprecated(feature);
        this.inEnvironment = FeatureRules.isInEnvironment(feature, environment, defaults);
        this.required = isRequiredPerExample(feature, environment, defaults);
        this.type = switch (feature.getType()) {
            case INT -> Type.INT;
            case FLOAT -> Type.FLOAT;
            case BYTES -> Type.BYTES;
            case STRUCT, TYPE_UNKNOWN -> null;
        };
        boolean plain = type != null && feature.hasType() && plainSpecification(feature);
        long min = 0;
        long max = Long.MAX_VALUE;
        if (feature.hasValueCount()) {
            ValueCount count = feature.getValueCount();
            min = count.getMin();
            max = count.hasMax() ? count.getMax() : Long.MAX_VALUE;
        }
        this.minValues = min;
        this.maxValues = max;
        IntDomain ints = feature.getIntDomain();
        FloatDomain floats = feature.getFloatDomain();
        this.hasIntMin = ints.hasMin();
        this.intMin = ints.getMin();
        this.hasIntMax = ints.hasMax();
        this.intMax = ints.getMax();
        this.floatConstrained = feature.hasFloatDomain();
        this.floatMin = floats.hasMin() ? floats.getMin() : Double.NEGATIVE_INFINITY;
        this.floatMax = floats.hasMax() ? floats.getMax() : Double.POSITIVE_INFINITY;
        this.disallowNan = floats.getDisallowNan();
        this.disallowInf = floats.getDisallowInf();
        StringDomain domain = null;
        if (feature.hasStringDomain()) {
            domain = feature.getStringDomain();
        } else if (feature.hasDomain()) {
            domain = schema.getStringDomainList().stream()
                    .filter(d -> d.getName().equals(feature.getDomain()))
                    .findFirst()
                    .orElse(null);
            plain &= domain != null;
        }
        this.strings = domain == null ? null : new HashSet<>(domain.getValueList());
        this.bool = feature.hasBoolDomain();
        this.trueValue = feature.getBoolDomain().getTrueValue();
        this.falseValue = feature.getBoolDomain().getFalseValue();
        plain &= domain == null || strings.size() == domain.getValueCount();
        plain &= switch (feature.getDomainInfoCase()) {
            case DOMAININFO_NOT_SET -> true;
            case INT_DOMAIN -> type == Type.INT && !ints.getIsCategorical();
            case FLOAT_DOMAIN -> type == Type.FLOAT && !floats.getIsCategorical();
            case DOMAIN, STRING_DOMAIN -> type == Type.BYTES;
            case BOOL_DOMAIN ->
                type == Type.INT
                        ? !feature.getBoolDomain().hasTrueValue()
                                && !feature.getBoolDomain().hasFalseValue()
                        : type == Type.BYTES
                                && feature.getBoolDomain().hasTrueValue()
                                && feature.getBoolDomain().hasFalseValue()
                                && !trueValue.equals(falseValue);
            default -> false;
        };
        this.opaque = !plain;
    }

    /**
     * {@return whether every example must have the feature: required as TFDV says (live, in the environment,
     * a positive presence bound) and with {@code presence.min_fraction} 1} A feature with only {@code min_count}
     * set must be in some example of a dataset, not in each: one record lacking it is not anomalous.
     */
    static boolean isRequiredPerExample(Feature feature, String environment, List<String> defaults) {
        return FeatureRules.isRequired(feature, environment, defaults)
                && feature.getPresence().getMinFraction() >= 1;
    }

    private static boolean plainSpecification(Feature feature) {
        if (feature.hasShape()
                || feature.hasValueCounts()
                || feature.hasUniqueConstraints()
                || feature.hasDistributionConstraints()
                || feature.hasNaturalLanguageDomain()
                || feature.hasImageDomain()) {
            return false;
        }
        if (feature.hasPresence()) {
            double fraction = feature.getPresence().getMinFraction();
            if (fraction < 0 || fraction > 1) {
                return false;
            }
        }
        if (feature.hasValueCount()) {
            ValueCount count = feature.getValueCount();
            return count.getMin() >= 0 && (!count.hasMax() || count.getMax() >= count.getMin());
        }
        return true;
    }

    /** {@return the feature name} */
    String name() {
        return name;
    }

    /** {@return whether a record lacking the feature breaks the schema (FEATURE_TYPE_NOT_PRESENT)} */
    boolean required() {
        return required && !skipped;
    }

    /**
     * {@return whether {@code value} (a record's value of this feature, null when missing) is certainly clean}
     * False is no verdict: the engine decides.
     */
    boolean passes(Object value) {
        if (skipped) {
            return true; // TFDV validates nothing of a deprecated feature, present or not
        }
        if (value == null) {
            return !required;
        }
        if (opaque || !inEnvironment) {
            return false;
        }
        if (value instanceof List<?> list) {
            int count = list.size();
            if (count == 0 || count < minValues || count > maxValues) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (!passesOne(list.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return minValues <= 1 && maxValues >= 1 && passesOne(value);
    }

    private boolean passesOne(Object value) {
        return switch (type) {
            case INT ->
                value instanceof Long || value instanceof Integer || value instanceof Short
                        ? passesInt(((Number) value).longValue())
                        : false;
            case FLOAT -> {
                if (value instanceof Double || value instanceof Float) {
                    yield passesFloat(((Number) value).doubleValue());
                }
                yield value instanceof Long || value instanceof Integer || value instanceof Short
                        ? passesFloat(((Number) value).doubleValue())
                        : false;
            }
            case BYTES ->
                value instanceof String text
                        && (strings == null || strings.contains(text))
                        && (!bool || text.equals(trueValue) || text.equals(falseValue));
        };
    }

    private boolean passesInt(long value) {
        if (bool) {
            return value == 0 || value == 1;
        }
        return (!hasIntMin || value >= intMin) && (!hasIntMax || value <= intMax);
    }

    private boolean passesFloat(double value) {
        if (!floatConstrained) {
            return true;
        }
        if (Double.isNaN(value)) {
            return false; // NaN-only statistics have no min or max: leave it to the engine
        }
        if (disallowInf && Double.isInfinite(value)) {
            return false;
        }
        return value >= floatMin && value <= floatMax && !(disallowNan && Double.isNaN(value));
    }
}
