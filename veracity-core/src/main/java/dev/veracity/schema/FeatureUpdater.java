package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.*;
import static dev.veracity.schema.Numbers.count;
import static dev.veracity.schema.Numbers.sixDigits;

import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.BoolDomain;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeaturePresence;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.FixedShape;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.ValueCount;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks one schema feature against its statistics and relaxes the feature so that the statistics conform: each
 * relaxation is a {@link Description}. Validation reports the descriptions; update keeps the relaxed feature. The
 * checks run in TFDV's order: specification, value counts, shape, presence, type, domain, unique values, then
 * the drift and skew comparators ({@link ComparatorChecks}).
 */
final class FeatureUpdater {
    private final Schema.Builder schema;
    private final List<Description> found = new ArrayList<>();
    /** Whether the checks stopped early (deprecated, absent or of another type): then no comparator runs. */
    private boolean stopped = true;

    private FeatureUpdater(Schema.Builder schema) {
        this.schema = schema;
    }

    /** {@return what had to change in {@code feature} (a live builder inside {@code schema}) to accept {@code view}} */
    static List<Description> update(
            Schema.Builder schema,
            Feature.Builder feature,
            FeatureView view,
            boolean required,
            ComparatorChecks comparators) {
        FeatureUpdater updater = new FeatureUpdater(schema);
        updater.run(feature, view, required);
        if (!updater.stopped) {
            updater.found.addAll(comparators.compare(feature, view));
            updater.found.addAll(DerivedFeatureChecks.check(feature, view));
        }
        return updater.found;
    }

    private void add(AnomalyInfo.Type type, String shortDescription, String description) {
        found.add(new Description(type, shortDescription, description));
    }

    private void run(Feature.Builder feature, FeatureView view, boolean required) {
        if (!feature.hasName()) {
            add(
                    FEATURE_MISSING_NAME,
                    "Missing name",
                    "unspecified name (maybe meant to be the empty string): find name rather than deprecating.");
            FeatureRules.deprecate(feature);
            return;
        }
        checkSpecification(feature);
        if (FeatureRules.isDeprecated(feature)) {
            return;
        }
        if (view.numPresent() <= 0) {
            if (required) {
                add(
                        FEATURE_TYPE_NOT_PRESENT,
                        "Column dropped",
                        "The feature was present in no examples, but the "
                                + "schema requires it (presence.min_count = "
                                + feature.getPresence().getMinCount()
                                + ", presence.min_fraction = "
                                + sixDigits(feature.getPresence().getMinFraction()) + ").");
                FeatureRules.deprecate(feature);
            }
            return;
        }
        checkValueCounts(feature, view);
        checkShape(feature, view);
        checkPresence(feature, view);
        if (feature.getType() != view.schemaType()) {
            add(
                    UNEXPECTED_DATA_TYPE,
                    "Unexpected data type",
                    "Expected data of type: " + feature.getType() + " but got " + view.schemaType() + ".");
            FeatureRules.deprecate(feature);
            return;
        }
        checkDomain(feature, view);
        checkUnique(feature, view);
        stopped = false;
    }

    // ---- specification -------------------------------------------------------------------------------------------

    private void checkSpecification(Feature.Builder feature) {
        if (!feature.hasType() || feature.getType() == FeatureType.TYPE_UNKNOWN) {
            boolean strings = feature.hasDomain() || feature.hasStringDomain();
            add(
                    FEATURE_MISSING_TYPE,
                    "Missing type",
                    "The feature has no type in the schema; "
                            + (strings ? "it has a string domain, so its type is set to BYTES." : "it is deprecated."));
            if (strings) {
                feature.setType(FeatureType.BYTES);
            } else {
                FeatureRules.deprecate(feature);
            }
        }
        if (feature.hasPresence()) {
            FeaturePresence.Builder presence = feature.getPresenceBuilder();
            if (presence.getMinFraction() < 0) {
                add(
                        INVALID_SCHEMA_SPECIFICATION,
                        "Invalid schema specification",
                        "presence.min_fraction = " + sixDigits(presence.getMinFraction())
                                + " is negative; it is cleared.");
                presence.clearMinFraction();
            } else if (presence.getMinFraction() > 1) {
                add(
                        INVALID_SCHEMA_SPECIFICATION,
                        "Invalid schema specification",
                        "presence.min_fraction = " + sixDigits(presence.getMinFraction())
                                + " is above 1; it is set to 1.");
                presence.setMinFraction(1.0);
            }
        }
        List<ValueCount.Builder> counts = feature.hasValueCount()
                ? List.of(feature.getValueCountBuilder())
                : feature.hasValueCounts() ? feature.getValueCountsBuilder().getValueCountBuilderList() : List.of();
        for (ValueCount.Builder count : counts) {
            if (count.getMin() < 0 || (count.hasMax() && count.getMax() < count.getMin())) {
                add(
                        INVALID_SCHEMA_SPECIFICATION,
                        "Invalid schema specification",
                        "value_count {min: " + count.getMin() + ", max: " + count.getMax()
                                + "} is not a valid range; it is cleared.");
                count.clear();
            }
        }
        if (feature.hasShape() && feature.getShape().getDimList().stream().anyMatch(d -> d.getSize() <= 0)) {
            add(
                    INVALID_SCHEMA_SPECIFICATION,
                    "Invalid schema specification",
                    "shape has a dimension of size 0 or " + "less; the shape is cleared.");
            feature.clearShape();
        }
        if (feature.hasDomain() && stringDomain(feature.getDomain()) == null) {
            add(
                    INVALID_DOMAIN_SPECIFICATION,
                    "Invalid domain specification",
                    "domain: \"" + feature.getDomain()
                            + "\" names no string_domain of the schema; the reference is cleared.");
            Domains.clearDomain(feature);
        }
        if (feature.hasDistributionConstraints() && !feature.hasDomain() && !feature.hasStringDomain()) {
            add(
                    INVALID_SCHEMA_SPECIFICATION,
                    "Invalid schema specification",
                    "distribution_constraints need a " + "string domain, but the feature has " + Domains.kind(feature)
                            + "; they are cleared.");
            feature.clearDistributionConstraints();
        }
        if (feature.hasBoolDomain()
                && feature.getBoolDomain().hasTrueValue()
                && feature.getBoolDomain().hasFalseValue()
                && feature.getBoolDomain()
                        .getTrueValue()
                        .equals(feature.getBoolDomain().getFalseValue())) {
            add(
                    INVALID_DOMAIN_SPECIFICATION,
                    "Invalid domain specification",
                    "bool_domain has the same true_value " + "and false_value \""
                            + feature.getBoolDomain().getTrueValue() + "\"; false_value is cleared.");
            feature.getBoolDomainBuilder().clearFalseValue();
        }
        StringDomain.Builder strings = stringDomainOf(feature);
        if (strings != null && new LinkedHashSet<>(strings.getValueList()).size() != strings.getValueCount()) {
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(strings.getValueList()));
            add(
                    INVALID_DOMAIN_SPECIFICATION,
                    "Invalid domain specification",
                    "string domain \"" + strings.getName() + "\" repeats values; "
                            + (strings.getValueCount() - distinct.size()) + " repeats are removed.");
            strings.clearValue().addAllValue(distinct);
        }
    }

    // ---- valency and shape ---------------------------------------------------------------------------------------

    private void checkValueCounts(Feature.Builder feature, FeatureView view) {
        int levels = view.levels();
        if (feature.hasValueCount()) {
            if (levels > 1) {
                nestednessMismatch(feature, view, 1);
            } else {
                checkCount(feature.getValueCountBuilder(), view, 0, "value_count");
            }
        } else if (feature.hasValueCounts()) {
            int declared = feature.getValueCounts().getValueCountCount();
            if (declared != levels) {
                nestednessMismatch(feature, view, declared);
            } else {
                for (int level = 0; level < levels; level++) {
                    checkCount(
                            feature.getValueCountsBuilder().getValueCountBuilder(level),
                            view,
                            level,
                            "value_counts.value_count[" + level + "]");
                }
            }
        }
    }

    private void nestednessMismatch(Feature.Builder feature, FeatureView view, int declared) {
        add(
                VALUE_NESTEDNESS_MISMATCH,
                "Mismatched value nest level",
                "The schema's valency describes " + declared + " nesting level" + (declared == 1 ? "" : "s")
                        + ", but the data has " + view.levels() + ".");
        feature.clearShapeType();
        FeatureCreator.setValency(feature, view, false);
    }

    private void checkCount(ValueCount.Builder count, FeatureView view, int level, String field) {
        long min = view.minValues(level);
        long max = view.maxValues(level);
        if (count.hasMin() && min < count.getMin()) {
            add(
                    FEATURE_TYPE_LOW_NUMBER_VALUES,
                    "Missing values",
                    "Some examples have fewer values than expected: " + field + ".min = " + count.getMin()
                            + ", but an example has " + min + ".");
            if (min == 0) {
                count.clearMin();
            } else {
                count.setMin(min);
            }
        }
        if (count.hasMax() && max > count.getMax()) {
            add(
                    FEATURE_TYPE_HIGH_NUMBER_VALUES,
                    "Superfluous values",
                    "Some examples have more values than " + "expected: " + field + ".max = " + count.getMax()
                            + ", but an example has " + max + ".");
            count.setMax(max);
        }
    }

    private void checkShape(Feature.Builder feature, FeatureView view) {
        if (!feature.hasShape()) {
            return;
        }
        FixedShape shape = feature.getShape();
        String problem = null;
        long declared = 1;
        for (FixedShape.Dim dim : shape.getDimList()) {
            declared *= dim.getSize();
        }
        long observed = 1;
        for (int level = 0; level < view.levels() && problem == null; level++) {
            if (view.missingAt(level) > 0) {
                problem = count(view.missingAt(level)) + " examples lack the feature"
                        + (view.levels() > 1 ? " at nesting level " + level : "");
            } else if (view.minValues(level) != view.maxValues(level)) {
                problem = "examples have between " + view.minValues(level) + " and " + view.maxValues(level) + " values"
                        + (view.levels() > 1 ? " at nesting level " + level : "");
            }
            observed *= view.maxValues(level);
        }
        if (problem == null && observed != declared) {
            problem = "examples have " + observed + " values where the shape holds " + declared;
        }
        if (problem != null) {
            add(
                    INVALID_FEATURE_SHAPE,
                    "Feature shape dropped",
                    "The feature has a fixed shape "
                            + shape.getDimList().stream()
                                    .map(d -> Long.toString(d.getSize()))
                                    .collect(Collectors.joining(", ", "[", "]"))
                            + ", but " + problem + ".");
            feature.clearShape();
        }
    }

    // ---- presence ------------------------------------------------------------------------------------------------

    private void checkPresence(Feature.Builder feature, FeatureView view) {
        if (!feature.hasPresence()) {
            return;
        }
        FeaturePresence.Builder presence = feature.getPresenceBuilder();
        double present = view.numPresent();
        if (presence.hasMinCount() && present < presence.getMinCount()) {
            add(
                    FEATURE_TYPE_LOW_NUMBER_PRESENT,
                    "Column dropped",
                    "The feature was present in fewer examples than " + "expected: presence.min_count = "
                            + presence.getMinCount() + ", actual = " + count(present) + ".");
            presence.setMinCount((long) Math.floor(present));
        }
        if (presence.hasMinFraction()) {
            double fraction = view.fractionPresent();
            double required = presence.getMinFraction();
            if (fraction < required || (required >= 1.0 && view.numMissing() > 0)) {
                add(
                        FEATURE_TYPE_LOW_FRACTION_PRESENT,
                        "Column dropped",
                        "The feature was present in fewer "
                                + "examples than expected: presence.min_fraction = " + sixDigits(required)
                                + ", actual = "
                                + sixDigits(fraction) + " (" + count(view.numMissing()) + " of "
                                + count(view.numExamples())
                                + " examples lack it).");
                presence.setMinFraction(fraction < required ? fraction : 0.9999);
            }
        }
    }

    // ---- domains -------------------------------------------------------------------------------------------------

    private void checkDomain(Feature.Builder feature, FeatureView view) {
        if (feature.getDomainInfoCase() == Feature.DomainInfoCase.DOMAININFO_NOT_SET) {
            // TFDV: a semantic domain the statistics inferred (one domain_info custom statistic) is taken
            List<String> infos = view.domainInfos();
            if (infos.size() == 1 && FeatureCreator.setSemanticDomain(feature, infos.get(0))) {
                add(
                        SEMANTIC_DOMAIN_UPDATE,
                        "Updated semantic domain",
                        "Updated semantic domain for feature: " + feature.getName());
            }
            return;
        }
        if (view.stats().getType() == dev.veracity.proto.FeatureNameStatistics.Type.BYTES) {
            switch (feature.getDomainInfoCase()) {
                case NATURAL_LANGUAGE_DOMAIN, IMAGE_DOMAIN, URL_DOMAIN -> {}
                default -> {
                    // TFDV: raw BYTES statistics carry no values, so no other domain can be checked against them
                    add(
                            DOMAIN_INVALID_FOR_TYPE,
                            "Invalid domain for type",
                            "A " + Domains.kind(feature)
                                    + " cannot apply to a feature whose statistics are of type BYTES; the domain is cleared.");
                    Domains.clearDomain(feature);
                    return;
                }
            }
        }
        boolean categoricalInt = feature.getType() == FeatureType.INT && view.hasStringStats();
        if (!Domains.allowedTypes(feature, categoricalInt).contains(feature.getType())) {
            add(
                    DOMAIN_INVALID_FOR_TYPE,
                    "Invalid domain for type",
                    "A " + Domains.kind(feature) + " cannot apply "
                            + "to a feature of type " + feature.getType()
                            + (feature.getType() == FeatureType.INT ? " unless its statistics are categorical" : "")
                            + "; the domain is cleared.");
            Domains.clearDomain(feature);
            return;
        }
        switch (feature.getDomainInfoCase()) {
            case DOMAIN, STRING_DOMAIN -> checkStringDomain(feature, view);
            case BOOL_DOMAIN -> checkBoolDomain(feature, view);
            case INT_DOMAIN -> checkIntDomain(feature, view);
            case FLOAT_DOMAIN -> checkFloatDomain(feature, view);
            case NATURAL_LANGUAGE_DOMAIN -> found.addAll(NaturalLanguageChecks.check(feature, view));
            case IMAGE_DOMAIN -> found.addAll(ImageChecks.check(feature, view));
            default -> {}
        }
    }

    private void checkStringDomain(Feature.Builder feature, FeatureView view) {
        StringDomain.Builder domain = stringDomainOf(feature);
        if (view.invalidUtf8() > 0) {
            add(
                    ENUM_TYPE_INVALID_UTF8,
                    "Invalid UTF8 strings",
                    "Found " + view.invalidUtf8() + " values that are "
                            + "not valid UTF-8 in a feature with a string domain; the domain is cleared.");
            Domains.clearDomain(feature);
            return;
        }
        Set<String> allowed = Set.copyOf(domain.getValueList());
        Map<String, Double> labels = view.labels();
        List<String> missing = labels.keySet().stream()
                .filter(label -> !allowed.contains(label))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        double total = view.totalValues();
        double missingCount = missing.stream().mapToDouble(labels::get).sum();
        boolean hasMass = feature.hasDistributionConstraints()
                && feature.getDistributionConstraints().hasMinDomainMass();
        double maxOff = hasMass ? 1 - feature.getDistributionConstraints().getMinDomainMass() : 0;
        if (maxOff > 0 && total > 0 && missingCount / total <= maxOff) {
            return;
        }
        String values = missing.stream()
                .map(label -> label + " " + share(labels.get(label), total))
                .collect(Collectors.joining(", "));
        add(
                ENUM_TYPE_UNEXPECTED_STRING_VALUES,
                "Unexpected string values",
                "Examples contain values missing from "
                        + "the schema: " + values + "."
                        + (hasMass
                                ? " The schema allows " + sixDigits(100 * maxOff)
                                        + "% outside the domain (distribution_constraints.min_domain_mass = "
                                        + sixDigits(feature.getDistributionConstraints()
                                                .getMinDomainMass()) + "), found "
                                        + sixDigits(total > 0 ? 100 * missingCount / total : 100) + "%."
                                : ""));
        domain.addAllValue(FeatureCreator.bytewiseSorted(missing));
    }

    private static String share(double count, double total) {
        if (!(count > 0) || !(total > 0)) {
            return "(?)";
        }
        double percent = 100 * count / total;
        return percent < 1 ? "(<1%)" : "(~" + Math.round(percent) + "%)";
    }

    private void checkBoolDomain(Feature.Builder feature, FeatureView view) {
        switch (view.schemaType()) {
            case INT -> {
                if (!view.hasNumStats()) {
                    return;
                }
                if (view.max() > 1) {
                    add(
                            BOOL_TYPE_BIG_INT,
                            "Non-boolean values",
                            "Integers (such as " + count(view.max()) + ") not "
                                    + "in {0, 1}; the bool_domain becomes an int_domain [" + count(view.min()) + ", "
                                    + count(view.max()) + "].");
                    feature.setIntDomain(
                            IntDomain.newBuilder().setMin((long) view.min()).setMax((long) view.max()));
                } else if (view.min() < 0) {
                    add(
                            BOOL_TYPE_SMALL_INT,
                            "Non-boolean values",
                            "Integers (such as " + count(view.min()) + ") not "
                                    + "in {0, 1}; the bool_domain becomes an int_domain [" + count(view.min()) + ", "
                                    + count(view.max()) + "].");
                    feature.setIntDomain(
                            IntDomain.newBuilder().setMin((long) view.min()).setMax((long) view.max()));
                }
            }
            case BYTES -> {
                BoolDomain domain = feature.getBoolDomain();
                List<String> unexpected = view.labels().keySet().stream()
                        .filter(label -> !label.equals(domain.getTrueValue()) && !label.equals(domain.getFalseValue()))
                        .toList();
                if (!unexpected.isEmpty()) {
                    add(
                            BOOL_TYPE_UNEXPECTED_STRING,
                            "Unexpected bool values",
                            "Values other than the true_value \""
                                    + domain.getTrueValue() + "\" and false_value \"" + domain.getFalseValue() + "\": "
                                    + String.join(", ", unexpected) + "; the bool_domain is cleared.");
                    Domains.clearDomain(feature);
                }
            }
            case FLOAT -> {
                if (view.hasNumStats() && !floatIsBoolean(view)) {
                    add(
                            BOOL_TYPE_UNEXPECTED_FLOAT,
                            "Non-boolean values",
                            "Float values other than 0 and 1 (min = "
                                    + sixDigits(view.min()) + ", max = " + sixDigits(view.max()) + ", NaN values = "
                                    + count(view.numNan()) + "); the bool_domain becomes a float_domain.");
                    feature.setFloatDomain(FloatDomain.newBuilder()
                            .setMin(Domains.floatAtMost(view.min()))
                            .setMax(Domains.floatAtLeast(view.max())));
                }
            }
            default -> {}
        }
    }

    private static boolean floatIsBoolean(FeatureView view) {
        if ((view.min() != 0 && view.min() != 1) || (view.max() != 0 && view.max() != 1) || view.numNan() > 0) {
            return false;
        }
        for (Histogram histogram : view.histograms()) {
            for (Histogram.Bucket bucket : histogram.getBucketsList()) {
                if (bucket.getSampleCount() <= 0) {
                    continue;
                }
                if (bucket.getHighValue() < 0 || bucket.getLowValue() > 1) {
                    return false;
                }
                if (histogram.getType() == Histogram.HistogramType.QUANTILES
                        && bucket.getLowValue() > 0
                        && bucket.getHighValue() < 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private void checkIntDomain(Feature.Builder feature, FeatureView view) {
        double min;
        double max;
        if (view.hasStringStats()) {
            List<String> labels = List.copyOf(view.labels().keySet());
            List<String> notInts = labels.stream()
                    .filter(label -> !FeatureCreator.isInt64(label))
                    .toList();
            if (!notInts.isEmpty()) {
                add(
                        INT_TYPE_NOT_INT_STRING,
                        "Non-integer values",
                        "Values that are not 64-bit integers, such as \"" + notInts.get(0)
                                + "\", in a feature with an int_domain; the domain is cleared.");
                Domains.clearDomain(feature);
                return;
            }
            if (labels.isEmpty()) {
                return;
            }
            min = labels.stream().mapToLong(Long::parseLong).min().orElseThrow();
            max = labels.stream().mapToLong(Long::parseLong).max().orElseThrow();
        } else if (view.hasNumStats()) {
            min = view.min();
            max = view.max();
        } else {
            return;
        }
        IntDomain.Builder domain = feature.getIntDomainBuilder();
        if (domain.hasMin() && min < domain.getMin()) {
            add(
                    INT_TYPE_SMALL_INT,
                    "Out-of-range values",
                    "Unexpectedly small value: " + count(min) + " < int_domain.min = " + domain.getMin() + ".");
            domain.setMin((long) min);
        }
        if (domain.hasMax() && max > domain.getMax()) {
            add(
                    INT_TYPE_BIG_INT,
                    "Out-of-range values",
                    "Unexpectedly large value: " + count(max) + " > int_domain.max = " + domain.getMax() + ".");
            domain.setMax((long) max);
        }
    }

    private void checkFloatDomain(Feature.Builder feature, FeatureView view) {
        double min;
        double max;
        double nan;
        if (view.hasStringStats()) {
            List<Double> values = new ArrayList<>();
            for (String label : view.labels().keySet()) {
                try {
                    values.add(Double.parseDouble(label));
                } catch (NumberFormatException e) {
                    add(
                            FLOAT_TYPE_STRING_NOT_FLOAT,
                            "String values not floats",
                            "Values that are not numbers, such " + "as \"" + label
                                    + "\", in a feature with a float_domain; the domain is cleared.");
                    Domains.clearDomain(feature);
                    return;
                }
            }
            min = values.stream()
                    .filter(v -> !v.isNaN())
                    .mapToDouble(Double::doubleValue)
                    .min()
                    .orElse(Double.NaN);
            max = values.stream()
                    .filter(v -> !v.isNaN())
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(Double.NaN);
            nan = values.stream().filter(v -> v.isNaN()).count();
        } else if (view.hasNumStats()) {
            min = view.min();
            max = view.max();
            nan = view.numNan();
        } else {
            return;
        }
        FloatDomain.Builder domain = feature.getFloatDomainBuilder();
        if (domain.hasMin() && min < domain.getMin()) {
            add(
                    FLOAT_TYPE_SMALL_FLOAT,
                    "Out-of-range values",
                    "Unexpectedly low value: " + sixDigits(min) + " < float_domain.min = " + sixDigits(domain.getMin())
                            + ".");
            domain.setMin(Domains.floatAtMost(min));
        }
        if (domain.hasMax() && max > domain.getMax()) {
            add(
                    FLOAT_TYPE_BIG_FLOAT,
                    "Out-of-range values",
                    "Unexpectedly high value: " + sixDigits(max) + " > float_domain.max = " + sixDigits(domain.getMax())
                            + ".");
            domain.setMax(Domains.floatAtLeast(max));
        }
        if (domain.getDisallowNan() && nan > 0) {
            add(
                    FLOAT_TYPE_HAS_NAN,
                    "Invalid values",
                    "The feature has " + count(nan) + " NaN values, but " + "float_domain.disallow_nan is true.");
            domain.setDisallowNan(false);
        }
        if (domain.getDisallowInf() && (Double.isInfinite(min) || Double.isInfinite(max))) {
            add(
                    FLOAT_TYPE_HAS_INF,
                    "Invalid values",
                    "The feature has infinite values (min = " + sixDigits(min) + ", max = " + sixDigits(max)
                            + "), but float_domain.disallow_inf is true.");
            domain.setDisallowInf(false);
        }
    }

    private void checkUnique(Feature.Builder feature, FeatureView view) {
        if (!feature.hasUniqueConstraints()) {
            return;
        }
        if (view.unique().isEmpty()) {
            add(
                    FEATURE_TYPE_NO_UNIQUE,
                    "No unique values",
                    "unique_constraints apply to string or categorical "
                            + "features, but this feature's statistics have no distinct count; they are cleared.");
            feature.clearUniqueConstraints();
            return;
        }
        long unique = view.unique().get();
        var constraints = feature.getUniqueConstraintsBuilder();
        if (constraints.hasMax() && unique > constraints.getMax()) {
            add(
                    FEATURE_TYPE_HIGH_UNIQUE,
                    "High number of unique values",
                    "Expected no more than " + constraints.getMax() + " unique values (unique_constraints.max), found "
                            + unique + ".");
            constraints.setMax(unique);
        }
        if (constraints.hasMin() && unique < constraints.getMin()) {
            add(
                    FEATURE_TYPE_LOW_UNIQUE,
                    "Low number of unique values",
                    "Expected at least " + constraints.getMin() + " unique values (unique_constraints.min), found "
                            + unique + ".");
            constraints.setMin(unique);
        }
    }

    // ---- string domain lookup ------------------------------------------------------------------------------------

    private StringDomain.Builder stringDomainOf(Feature.Builder feature) {
        if (feature.hasStringDomain()) {
            return feature.getStringDomainBuilder();
        }
        return feature.hasDomain() ? stringDomain(feature.getDomain()) : null;
    }

    private StringDomain.Builder stringDomain(String name) {
        for (StringDomain.Builder domain : schema.getStringDomainBuilderList()) {
            if (domain.getName().equals(name)) {
                return domain;
            }
        }
        return null;
    }
}
