package dev.veracity.schema;

import com.google.protobuf.TextFormat;
import dev.veracity.proto.BoolDomain;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeaturePresence;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.FixedShape;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.StructDomain;
import dev.veracity.proto.ValueCount;
import dev.veracity.proto.ValueCountList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates the schema feature that TFDV infers from one feature's statistics (tfdv.md section 5.5): type, presence,
 * valency or shape, and a domain, first match wins: a semantic {@code domain_info}; none for invalid UTF-8; bool-like;
 * int-like strings; a string domain of up to {@code maxDomainSize} values in bytewise order; and, as extensions,
 * numeric ranges and categorical INT value sets.
 */
final class FeatureCreator {
    private static final Set<String> TRUE_VALUES = Set.of("TRUE", "true", "SET", "set", "1", "");
    private static final Set<String> FALSE_VALUES = Set.of("FALSE", "false", "CLEAR", "clear", "0");

    private FeatureCreator() {}

    /** {@return the feature inferred from {@code view}; a string domain it needs is added to {@code schema}} */
    static Feature.Builder create(FeatureView view, Schema.Builder schema, InferenceOptions options) {
        List<String> steps = view.path().getStepList();
        Feature.Builder feature =
                Feature.newBuilder().setName(steps.get(steps.size() - 1)).setType(view.schemaType());
        if (view.schemaType() == FeatureType.STRUCT) {
            feature.setStructDomain(StructDomain.getDefaultInstance());
        }
        if (view.stats().hasValidationDerivedSource()) {
            DerivedFeatureChecks.markDerived(feature, view);
        }
        double present = view.numPresent();
        FeaturePresence.Builder presence = FeaturePresence.newBuilder();
        if (present <= 0) {
            feature.setPresence(presence.setMinCount(0));
            return feature;
        }
        if (view.numMissing() == 0) {
            presence.setMinFraction(1.0);
        }
        feature.setPresence(presence.setMinCount(present >= 1 ? 1 : 0));
        if (view.schemaType() != FeatureType.STRUCT) {
            setValency(feature, view, options.inferShape());
        }
        setDomain(feature, view, schema, options);
        return feature;
    }

    /** Writes shape when asked and every example has the same positive number of values, else value counts. */
    static void setValency(Feature.Builder feature, FeatureView view, boolean inferShape) {
        int levels = view.levels();
        if (inferShape && hasFixedShape(view)) {
            FixedShape.Builder shape = FixedShape.newBuilder();
            for (int level = 0; level < levels; level++) {
                shape.addDim(FixedShape.Dim.newBuilder().setSize(view.minValues(level)));
            }
            feature.setShape(shape);
            return;
        }
        if (levels == 1) {
            valueCount(view, 0).ifPresent(feature::setValueCount);
            return;
        }
        ValueCountList.Builder counts = ValueCountList.newBuilder();
        for (int level = 0; level < levels; level++) {
            counts.addValueCount(valueCount(view, level).orElse(ValueCount.getDefaultInstance()));
        }
        feature.setValueCounts(counts);
    }

    private static boolean hasFixedShape(FeatureView view) {
        for (int level = 0; level < view.levels(); level++) {
            if (view.missingAt(level) != 0
                    || view.minValues(level) != view.maxValues(level)
                    || view.minValues(level) <= 0) {
                return false;
            }
        }
        return true;
    }

    private static java.util.Optional<ValueCount> valueCount(FeatureView view, int level) {
        long min = view.minValues(level);
        if (min <= 0) {
            return java.util.Optional.empty();
        }
        long max = view.maxValues(level);
        return java.util.Optional.of(
                min == max
                        ? ValueCount.newBuilder().setMin(min).setMax(max).build()
                        : ValueCount.newBuilder().setMin(1).build());
    }

    private static void setDomain(
            Feature.Builder feature, FeatureView view, Schema.Builder schema, InferenceOptions options) {
        List<String> infos = view.domainInfos();
        if (infos.size() == 1 && setSemanticDomain(feature, infos.get(0))) {
            return;
        }
        if (view.invalidUtf8() > 0 || view.stats().getType() == dev.veracity.proto.FeatureNameStatistics.Type.BYTES) {
            return;
        }
        if (setBoolDomain(feature, view)) {
            return;
        }
        List<String> labels = new ArrayList<>(view.labels().keySet());
        if (view.schemaType() == FeatureType.BYTES
                && !labels.isEmpty()
                && labels.stream().allMatch(FeatureCreator::isInt64)) {
            feature.setIntDomain(IntDomain.getDefaultInstance());
            return;
        }
        if (view.hasStringStats()) {
            boolean small = !labels.isEmpty() && labels.size() <= options.maxDomainSize();
            switch (view.schemaType()) {
                case BYTES -> {
                    if (small) {
                        feature.setDomain(addStringDomain(schema, PathNames.serialize(view.path()), labels));
                    }
                }
                case INT -> {
                    if (small && options.intValueSets()) {
                        feature.setDomain(addStringDomain(schema, PathNames.serialize(view.path()), labels));
                    } else {
                        feature.setIntDomain(IntDomain.newBuilder().setIsCategorical(true));
                    }
                }
                case FLOAT -> feature.setFloatDomain(FloatDomain.newBuilder().setIsCategorical(true));
                default -> {}
            }
            return;
        }
        if (options.inferRanges() && view.hasNumStats()) {
            setRange(feature, view, options.rangeMargin());
        }
    }

    /** {@return whether {@code domainInfo}, a feature in text format, set a domain on {@code feature}} */
    static boolean setSemanticDomain(Feature.Builder feature, String domainInfo) {
        Feature.Builder parsed = Feature.newBuilder();
        try {
            TextFormat.merge(domainInfo, parsed);
        } catch (TextFormat.ParseException e) {
            return false;
        }
        if (parsed.getDomainInfoCase() == Feature.DomainInfoCase.DOMAININFO_NOT_SET) {
            return false;
        }
        Domains.copyDomain(parsed, feature);
        return true;
    }

    private static boolean setBoolDomain(Feature.Builder feature, FeatureView view) {
        if (view.schemaType() == FeatureType.INT && view.hasNumStats()) {
            if (view.min() >= 0 && view.max() == 1) {
                feature.setBoolDomain(BoolDomain.getDefaultInstance());
                return true;
            }
            return false;
        }
        if (view.schemaType() != FeatureType.BYTES) {
            return false;
        }
        List<String> labels = new ArrayList<>(view.labels().keySet());
        if (labels.isEmpty() || labels.size() > 2) {
            return false;
        }
        String trueValue = null;
        String falseValue = null;
        for (String label : labels) {
            if (TRUE_VALUES.contains(label) && trueValue == null) {
                trueValue = label;
            } else if (FALSE_VALUES.contains(label) && falseValue == null) {
                falseValue = label;
            } else {
                return false;
            }
        }
        BoolDomain.Builder domain = BoolDomain.newBuilder();
        if (trueValue != null) {
            domain.setTrueValue(trueValue);
        }
        if (falseValue != null) {
            domain.setFalseValue(falseValue);
        }
        feature.setBoolDomain(domain);
        return true;
    }

    private static void setRange(Feature.Builder feature, FeatureView view, double margin) {
        double min = view.min();
        double max = view.max();
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return;
        }
        double reach = (max - min) * margin;
        double low = min >= 0 ? Math.max(0, min - reach) : min - reach;
        double high = max <= 0 ? Math.min(0, max + reach) : max + reach;
        if (view.schemaType() == FeatureType.INT) {
            feature.setIntDomain(
                    IntDomain.newBuilder().setMin(saturatedFloor(low)).setMax(saturatedCeil(high)));
        } else if (view.schemaType() == FeatureType.FLOAT) {
            feature.setFloatDomain(
                    FloatDomain.newBuilder().setMin(Domains.floatAtMost(low)).setMax(Domains.floatAtLeast(high)));
        }
    }

    private static long saturatedFloor(double value) {
        return value <= Long.MIN_VALUE ? Long.MIN_VALUE : (long) Math.floor(value);
    }

    private static long saturatedCeil(double value) {
        return value >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(value);
    }

    /** Adds a top-level string domain of the values in bytewise order, named after the path; returns its name. */
    static String addStringDomain(Schema.Builder schema, String baseName, List<String> values) {
        Set<String> taken = new HashSet<>();
        schema.getStringDomainList().forEach(d -> taken.add(d.getName()));
        String name = baseName;
        for (int suffix = 2; taken.contains(name); suffix++) {
            name = baseName + suffix;
        }
        schema.addStringDomain(StringDomain.newBuilder().setName(name).addAllValue(bytewiseSorted(values)));
        return name;
    }

    /** {@return the strings sorted by their UTF-8 bytes, unsigned, as TFDV sorts domain values} */
    static List<String> bytewiseSorted(java.util.Collection<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort((a, b) ->
                Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        return sorted;
    }

    static boolean isInt64(String text) {
        if (text.isEmpty() || text.length() > 20) {
            return false;
        }
        try {
            Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            return !text.startsWith("+");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
