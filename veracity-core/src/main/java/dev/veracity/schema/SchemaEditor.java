package dev.veracity.schema;

import static java.util.Objects.requireNonNull;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hand edits TFDV's tutorials make to an inferred schema, as a fluent editor: set or extend a string domain, set
 * an int or float range, presence, environments, deprecation and drift/skew thresholds. The input schema is never
 * changed; {@link #build()} returns the edited copy.
 *
 * <pre>{@code
 * Schema curated = SchemaEditor.of(schema)
 *         .feature("payment_type").extendStringDomain("Prcard").minFraction(0.9).notInEnvironment("SERVING").done()
 *         .feature("tips").skewInfinityNorm(0.01).driftJensenShannon(0.05).done().build();
 * }</pre>
 *
 * <p>Features are named as TFDV serializes paths: {@code payment_type}, or {@code address.city} for the child
 * {@code city} of the struct feature {@code address}. Every edit throws {@link ConfigException} on a feature that
 * does not exist ({@link ErrorCode#SCHEMA_FEATURE_NOT_FOUND}, naming close names) or a value that cannot work
 * ({@link ErrorCode#SCHEMA_EDIT_INVALID}).
 */
public final class SchemaEditor {
    private final Schema.Builder schema;

    private SchemaEditor(Schema schema) {
        this.schema = schema.toBuilder();
    }

    /** {@return an editor of a copy of {@code schema}} */
    public static SchemaEditor of(Schema schema) {
        return new SchemaEditor(requireNonNull(schema, "schema is null"));
    }

    /**
     * {@return an editor of one feature, by name or serialized path}
     *
     * @throws ConfigException {@link ErrorCode#SCHEMA_FEATURE_NOT_FOUND} if the schema has no such feature
     */
    public FeatureEditor feature(String nameOrPath) {
        requireNonNull(nameOrPath, "nameOrPath is null");
        return new FeatureEditor(nameOrPath, FeatureLookup.find(schema, nameOrPath));
    }

    /**
     * Adds an environment to the schema's {@code default_environment} unless it is listed already. TFDV validates a
     * feature in environment E only if E is listed there or in the feature's {@code in_environment}.
     */
    public SchemaEditor defaultEnvironment(String environment) {
        checkEnvironment("schema", environment);
        if (!schema.getDefaultEnvironmentList().contains(environment)) {
            schema.addDefaultEnvironment(environment);
        }
        return this;
    }

    /** {@return the edited schema} */
    public Schema build() {
        return schema.build();
    }

    private static void checkEnvironment(String what, String environment) {
        requireNonNull(environment, "environment is null");
        if (environment.isBlank()) {
            throw invalid(what, "expected an environment name such as SERVING, found an empty one");
        }
    }

    private static ConfigException invalid(String what, String message) {
        return new ConfigException(ErrorCode.SCHEMA_EDIT_INVALID, what + ": " + message);
    }

    /** Edits one feature; {@link #done()} returns to the schema. */
    public final class FeatureEditor {
        private final String path;
        private final Feature.Builder feature;
        private final String what;

        private FeatureEditor(String path, Feature.Builder feature) {
            this.path = path;
            this.feature = feature;
            this.what = "feature \"" + path + "\"";
        }

        /**
         * Replaces the values of the feature's string domain, in the given order: the top-level {@code string_domain}
         * its {@code domain:} names (shared by every feature that names it), else its inline {@code string_domain},
         * which is created if the feature has no domain.
         */
        public FeatureEditor setStringDomain(String... values) {
            return setStringDomain(Arrays.asList(values));
        }

        /** {@return this} after {@link #setStringDomain(String...)} with a list. */
        public FeatureEditor setStringDomain(List<String> values) {
            Set<String> unique = new LinkedHashSet<>(values);
            if (values.isEmpty()) {
                throw invalid(what, "expected at least one domain value, found none");
            }
            if (unique.size() != values.size()) {
                throw invalid(what, "expected distinct domain values, found duplicates in " + values);
            }
            stringDomain(true).clearValue().addAllValue(values);
            return this;
        }

        /**
         * Appends to the feature's string domain the values it lacks, in the given order after the existing ones
         * (whose order is kept), as TFDV's {@code update_schema} does.
         *
         * @throws ConfigException {@link ErrorCode#SCHEMA_EDIT_INVALID} if the feature has no string domain
         */
        public FeatureEditor extendStringDomain(String... values) {
            return extendStringDomain(Arrays.asList(values));
        }

        /** {@return this} after {@link #extendStringDomain(String...)} with a list. */
        public FeatureEditor extendStringDomain(List<String> values) {
            if (values.isEmpty()) {
                throw invalid(what, "expected at least one value to add, found none");
            }
            StringDomain.Builder domain = stringDomain(false);
            Set<String> present = new LinkedHashSet<>(domain.getValueList());
            for (String value : values) {
                if (present.add(requireNonNull(value, "value is null"))) {
                    domain.addValue(value);
                }
            }
            return this;
        }

        /** Sets the lower bound of the feature's {@code int_domain}, creating the domain if the feature has none. */
        public FeatureEditor intMin(long min) {
            IntDomain.Builder domain = intDomain();
            domain.setMin(min);
            checkOrder(domain.hasMin() && domain.hasMax(), domain.getMin(), domain.getMax());
            return this;
        }

        /** Sets the upper bound of the feature's {@code int_domain}, creating the domain if the feature has none. */
        public FeatureEditor intMax(long max) {
            IntDomain.Builder domain = intDomain();
            domain.setMax(max);
            checkOrder(domain.hasMin() && domain.hasMax(), domain.getMin(), domain.getMax());
            return this;
        }

        /** Sets the lower bound of the feature's {@code float_domain}, creating the domain if the feature has none. */
        public FeatureEditor floatMin(float min) {
            checkNotNan(min);
            FloatDomain.Builder domain = floatDomain();
            domain.setMin(min);
            checkOrder(domain.hasMin() && domain.hasMax(), domain.getMin(), domain.getMax());
            return this;
        }

        /** Sets the upper bound of the feature's {@code float_domain}, creating the domain if the feature has none. */
        public FeatureEditor floatMax(float max) {
            checkNotNan(max);
            FloatDomain.Builder domain = floatDomain();
            domain.setMax(max);
            checkOrder(domain.hasMin() && domain.hasMax(), domain.getMin(), domain.getMax());
            return this;
        }

        /** Sets {@code presence.min_fraction}, the fraction of examples in [0, 1] that must have the feature. */
        public FeatureEditor minFraction(double minFraction) {
            if (!(minFraction >= 0 && minFraction <= 1)) {
                throw invalid(what, "expected a presence min_fraction in [0, 1], found " + minFraction);
            }
            feature.getPresenceBuilder().setMinFraction(minFraction);
            return this;
        }

        /** Sets {@code presence.min_count}, the number of examples (at least 0) that must have the feature. */
        public FeatureEditor minCount(long minCount) {
            if (minCount < 0) {
                throw invalid(what, "expected a presence min_count of at least 0, found " + minCount);
            }
            feature.getPresenceBuilder().setMinCount(minCount);
            return this;
        }

        /**
         * Puts the feature in an environment: adds it to {@code in_environment}, removes it from
         * {@code not_in_environment}, and adds it to the schema's {@code default_environment} if missing.
         */
        public FeatureEditor inEnvironment(String environment) {
            checkEnvironment(what, environment);
            List<String> notIn = feature.getNotInEnvironmentList().stream()
                    .filter(e -> !e.equals(environment))
                    .toList();
            feature.clearNotInEnvironment().addAllNotInEnvironment(notIn);
            if (!feature.getInEnvironmentList().contains(environment)) {
                feature.addInEnvironment(environment);
            }
            defaultEnvironment(environment);
            return this;
        }

        /**
         * Takes the feature out of an environment (a label is {@code notInEnvironment("SERVING")}): adds it to
         * {@code not_in_environment}, removes it from {@code in_environment}, and adds it to the schema's
         * {@code default_environment} if missing, so that the other features stay in it.
         */
        public FeatureEditor notInEnvironment(String environment) {
            checkEnvironment(what, environment);
            List<String> in = feature.getInEnvironmentList().stream()
                    .filter(e -> !e.equals(environment))
                    .toList();
            feature.clearInEnvironment().addAllInEnvironment(in);
            if (!feature.getNotInEnvironmentList().contains(environment)) {
                feature.addNotInEnvironment(environment);
            }
            defaultEnvironment(environment);
            return this;
        }

        /** Sets {@code lifecycle_stage: DEPRECATED}: TFDV no longer validates or requires the feature. */
        public FeatureEditor deprecate() {
            feature.setLifecycleStage(LifecycleStage.DEPRECATED);
            return this;
        }

        /** Sets the drift (previous span) L-infinity threshold, in [0, 1]; categorical features only in TFDV. */
        public FeatureEditor driftInfinityNorm(double threshold) {
            feature.getDriftComparatorBuilder().getInfinityNormBuilder().setThreshold(threshold("drift", threshold));
            return this;
        }

        /** Sets the drift (previous span) approximate Jensen-Shannon divergence threshold, in [0, 1]. */
        public FeatureEditor driftJensenShannon(double threshold) {
            feature.getDriftComparatorBuilder()
                    .getJensenShannonDivergenceBuilder()
                    .setThreshold(threshold("drift", threshold));
            return this;
        }

        /** Sets the drift (previous span) normalized absolute difference threshold, in [0, 1]. */
        public FeatureEditor driftNormalizedAbsDifference(double threshold) {
            feature.getDriftComparatorBuilder()
                    .getNormalizedAbsDifferenceBuilder()
                    .setThreshold(threshold("drift", threshold));
            return this;
        }

        /** Sets the skew (training vs serving) L-infinity threshold, in [0, 1]; categorical features only in TFDV. */
        public FeatureEditor skewInfinityNorm(double threshold) {
            feature.getSkewComparatorBuilder().getInfinityNormBuilder().setThreshold(threshold("skew", threshold));
            return this;
        }

        /** Sets the skew (training vs serving) approximate Jensen-Shannon divergence threshold, in [0, 1]. */
        public FeatureEditor skewJensenShannon(double threshold) {
            feature.getSkewComparatorBuilder()
                    .getJensenShannonDivergenceBuilder()
                    .setThreshold(threshold("skew", threshold));
            return this;
        }

        /** Sets the skew (training vs serving) normalized absolute difference threshold, in [0, 1]. */
        public FeatureEditor skewNormalizedAbsDifference(double threshold) {
            feature.getSkewComparatorBuilder()
                    .getNormalizedAbsDifferenceBuilder()
                    .setThreshold(threshold("skew", threshold));
            return this;
        }

        /** {@return the feature as edited so far} */
        public Feature current() {
            return feature.build();
        }

        /** {@return the schema editor, to edit another feature or build} */
        public SchemaEditor done() {
            return SchemaEditor.this;
        }

        private double threshold(String comparator, double threshold) {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw invalid(
                        what,
                        "expected a " + comparator + " threshold in [0, 1] (the measures lie there), found "
                                + threshold);
            }
            return threshold;
        }

        /** The string domain to edit: the referenced top-level one, the inline one, or (if allowed) a new inline one. */
        private StringDomain.Builder stringDomain(boolean create) {
            if (feature.hasDomain()) {
                for (StringDomain.Builder domain : schema.getStringDomainBuilderList()) {
                    if (domain.getName().equals(feature.getDomain())) {
                        return domain;
                    }
                }
                throw invalid(
                        what,
                        "expected a top-level string_domain named \"" + feature.getDomain()
                                + "\" as its domain says, found none");
            }
            if (feature.hasStringDomain()) {
                return feature.getStringDomainBuilder();
            }
            if (!create) {
                throw invalid(
                        what,
                        "expected a string domain to extend, found " + domainName()
                                + " (set one with setStringDomain)");
            }
            checkDomainAllowed("string_domain", FeatureType.BYTES);
            return feature.getStringDomainBuilder();
        }

        private IntDomain.Builder intDomain() {
            if (!feature.hasIntDomain()) {
                checkDomainAllowed("int_domain", FeatureType.INT, FeatureType.BYTES);
            }
            return feature.getIntDomainBuilder();
        }

        private FloatDomain.Builder floatDomain() {
            if (!feature.hasFloatDomain()) {
                checkDomainAllowed("float_domain", FeatureType.FLOAT, FeatureType.BYTES);
            }
            return feature.getFloatDomainBuilder();
        }

        /** TFDV reports DOMAIN_INVALID_FOR_TYPE for these combinations, so refuse them here. */
        private void checkDomainAllowed(String domain, FeatureType... types) {
            if (feature.getDomainInfoCase() != Feature.DomainInfoCase.DOMAININFO_NOT_SET) {
                throw invalid(what, "expected no domain or a " + domain + ", found " + domainName());
            }
            if (feature.hasType() && !Arrays.asList(types).contains(feature.getType())) {
                throw invalid(
                        what,
                        "expected type " + Arrays.toString(types) + " for a " + domain + ", found "
                                + feature.getType());
            }
        }

        private String domainName() {
            Feature.DomainInfoCase kind = feature.getDomainInfoCase();
            return kind == Feature.DomainInfoCase.DOMAININFO_NOT_SET
                    ? "no domain"
                    : "a " + kind.name().toLowerCase(Locale.ROOT);
        }

        private void checkNotNan(float bound) {
            if (Float.isNaN(bound)) {
                throw invalid(what, "expected a number as float_domain bound, found NaN");
            }
        }

        private void checkOrder(boolean both, long min, long max) {
            if (both && min > max) {
                throw invalid(what, "expected int_domain min <= max, found min " + min + " > max " + max);
            }
        }

        private void checkOrder(boolean both, float min, float max) {
            if (both && min > max) {
                throw invalid(what, "expected float_domain min <= max, found min " + min + " > max " + max);
            }
        }

        @Override
        public String toString() {
            return "FeatureEditor[" + path + "]";
        }
    }
}
