package dev.veracity.schema;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureComparator;
import dev.veracity.proto.FixedShape;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import dev.veracity.proto.ValueCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The aspects of one feature present in both schemas, each classified as relaxing or tightening (see
 * {@link SchemaDiff} for the rule). Domains are compared by {@link DomainDiff}.
 */
final class FeatureDiff {
    /** Fields TFDV does not validate: any change to them is compatible. */
    private static final Set<String> NOT_VALIDATED = Set.of("annotation", "group_presence", "sequence_metadata");

    private final Schema before;
    private final Schema after;
    private final Set<String> environments;
    private final Consumer<DomainDiff.Aspect> changes;

    FeatureDiff(Schema before, Schema after, Set<String> environments, Consumer<DomainDiff.Aspect> changes) {
        this.before = before;
        this.after = after;
        this.environments = environments;
        this.changes = changes;
    }

    void compare(Feature old, Feature neu) {
        compareLifecycle(old, neu);
        if (old.getType() != neu.getType() || old.hasType() != neu.hasType()) {
            add(
                    "type",
                    old.hasType() ? old.getType().name() : "",
                    neu.hasType() ? neu.getType().name() : "",
                    true);
        }
        comparePresence(old, neu);
        compareValency(old, neu);
        new DomainDiff(before, after, changes).compare(old, neu);
        compareEnvironments(old, neu);
        compareComparator("drift_comparator", old.getDriftComparator(), neu.getDriftComparator());
        compareComparator("skew_comparator", old.getSkewComparator(), neu.getSkewComparator());
        compareBounds(
                "unique_constraints",
                old.hasUniqueConstraints() && old.getUniqueConstraints().hasMin(),
                old.getUniqueConstraints().getMin(),
                neu.hasUniqueConstraints() && neu.getUniqueConstraints().hasMin(),
                neu.getUniqueConstraints().getMin(),
                old.hasUniqueConstraints() && old.getUniqueConstraints().hasMax(),
                old.getUniqueConstraints().getMax(),
                neu.hasUniqueConstraints() && neu.getUniqueConstraints().hasMax(),
                neu.getUniqueConstraints().getMax());
        compareOtherFields(old, neu);
    }

    private void add(String aspect, String oldText, String newText, boolean breaking) {
        changes.accept(new DomainDiff.Aspect(aspect, oldText, newText, breaking));
    }

    /** TFDV treats these stages (and the legacy {@code deprecated: true}) as deprecated: not validated. */
    static boolean isDeprecated(Feature feature) {
        if (feature.getDeprecated()) {
            return true;
        }
        LifecycleStage stage = feature.getLifecycleStage();
        return stage == LifecycleStage.PLANNED
                || stage == LifecycleStage.ALPHA
                || stage == LifecycleStage.DEPRECATED
                || stage == LifecycleStage.DEBUG_ONLY
                || stage == LifecycleStage.DISABLED;
    }

    /** {@return whether TFDV requires the feature: not deprecated, and min_count or min_fraction above 0} */
    static boolean isRequired(Feature feature) {
        return !isDeprecated(feature)
                && feature.hasPresence()
                && (feature.getPresence().getMinCount() > 0
                        || feature.getPresence().getMinFraction() > 0);
    }

    private void compareLifecycle(Feature old, Feature neu) {
        String oldText = lifecycle(old);
        String newText = lifecycle(neu);
        if (!oldText.equals(newText)) {
            add("lifecycle_stage", oldText, newText, isDeprecated(old) && !isDeprecated(neu));
        }
    }

    private static String lifecycle(Feature feature) {
        String stage = feature.hasLifecycleStage() ? feature.getLifecycleStage().name() : "";
        return feature.getDeprecated() ? (stage + " deprecated: true").strip() : stage;
    }

    private void comparePresence(Feature old, Feature neu) {
        boolean oldHasFraction = old.hasPresence() && old.getPresence().hasMinFraction();
        boolean newHasFraction = neu.hasPresence() && neu.getPresence().hasMinFraction();
        double oldFraction = old.getPresence().getMinFraction();
        double newFraction = neu.getPresence().getMinFraction();
        if (oldHasFraction != newHasFraction || Double.compare(oldFraction, newFraction) != 0) {
            add(
                    "presence.min_fraction",
                    oldHasFraction ? DomainDiff.number(oldFraction) : "",
                    newHasFraction ? DomainDiff.number(newFraction) : "",
                    newFraction > oldFraction);
        }
        boolean oldHasCount = old.hasPresence() && old.getPresence().hasMinCount();
        boolean newHasCount = neu.hasPresence() && neu.getPresence().hasMinCount();
        long oldCount = old.getPresence().getMinCount();
        long newCount = neu.getPresence().getMinCount();
        if (oldHasCount != newHasCount || oldCount != newCount) {
            add(
                    "presence.min_count",
                    oldHasCount ? Long.toString(oldCount) : "",
                    newHasCount ? Long.toString(newCount) : "",
                    newCount > oldCount);
        }
    }

    private void compareValency(Feature old, Feature neu) {
        String oldText = valency(old);
        String newText = valency(neu);
        if (!oldText.equals(newText)) {
            add(aspectOf(old, neu), oldText, newText, isValencyBreaking(old, neu));
        }
    }

    /** {@return the name of the kind of valency that changed; {@code shape_type} (the oneof) if it changed kind} */
    private static String aspectOf(Feature old, Feature neu) {
        Feature.ShapeTypeCase oldKind = old.getShapeTypeCase();
        Feature.ShapeTypeCase newKind = neu.getShapeTypeCase();
        if (oldKind != newKind
                && oldKind != Feature.ShapeTypeCase.SHAPETYPE_NOT_SET
                && newKind != Feature.ShapeTypeCase.SHAPETYPE_NOT_SET) {
            return "shape_type";
        }
        Feature.ShapeTypeCase kind = newKind == Feature.ShapeTypeCase.SHAPETYPE_NOT_SET ? oldKind : newKind;
        return switch (kind) {
            case SHAPE -> "shape";
            case VALUE_COUNT -> "value_count";
            case VALUE_COUNTS -> "value_counts";
            case SHAPETYPE_NOT_SET -> "valency";
        };
    }

    /** {@return the shape or value counts as text: {@code value_count [1, inf]}, {@code shape [2, 3]}, or empty} */
    static String valency(Feature feature) {
        return switch (feature.getShapeTypeCase()) {
            case SHAPE -> {
                List<String> dims = new ArrayList<>();
                for (FixedShape.Dim dim : feature.getShape().getDimList()) {
                    dims.add(Long.toString(dim.getSize()));
                }
                yield "shape [" + String.join(", ", dims) + "]";
            }
            case VALUE_COUNT -> "value_count " + range(feature.getValueCount());
            case VALUE_COUNTS -> {
                List<String> levels = new ArrayList<>();
                for (ValueCount level : feature.getValueCounts().getValueCountList()) {
                    levels.add(range(level));
                }
                yield "value_counts " + String.join(" ", levels);
            }
            case SHAPETYPE_NOT_SET -> "";
        };
    }

    private static String range(ValueCount count) {
        return "[" + (count.hasMin() ? count.getMin() : 0) + ", " + (count.hasMax() ? count.getMax() : "inf") + "]";
    }

    /**
     * No constraint accepts everything; counts widen or narrow per nest level (a different number of levels is a
     * nesting mismatch); a fixed shape also requires the feature at every level, so only dropping it for counts that
     * admit its size relaxes it (assuming one nest level, the usual case).
     */
    private static boolean isValencyBreaking(Feature old, Feature neu) {
        Feature.ShapeTypeCase oldKind = old.getShapeTypeCase();
        Feature.ShapeTypeCase newKind = neu.getShapeTypeCase();
        if (newKind == Feature.ShapeTypeCase.SHAPETYPE_NOT_SET) {
            return false;
        }
        if (oldKind == Feature.ShapeTypeCase.SHAPETYPE_NOT_SET) {
            return true;
        }
        if (newKind == Feature.ShapeTypeCase.SHAPE) {
            return oldKind != Feature.ShapeTypeCase.SHAPE || size(old.getShape()) != size(neu.getShape());
        }
        List<ValueCount> newLevels = levels(neu);
        if (oldKind == Feature.ShapeTypeCase.SHAPE) {
            long size = size(old.getShape());
            return newLevels.size() != 1 || size < min(newLevels.get(0)) || size > max(newLevels.get(0));
        }
        List<ValueCount> oldLevels = levels(old);
        if (oldLevels.size() != newLevels.size()) {
            return true;
        }
        for (int i = 0; i < oldLevels.size(); i++) {
            if (min(newLevels.get(i)) > min(oldLevels.get(i)) || max(newLevels.get(i)) < max(oldLevels.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<ValueCount> levels(Feature feature) {
        return feature.hasValueCount()
                ? List.of(feature.getValueCount())
                : feature.getValueCounts().getValueCountList();
    }

    private static long min(ValueCount count) {
        return count.hasMin() ? count.getMin() : 0;
    }

    private static long max(ValueCount count) {
        return count.hasMax() ? count.getMax() : Long.MAX_VALUE;
    }

    private static long size(FixedShape shape) {
        long size = 1;
        for (FixedShape.Dim dim : shape.getDimList()) {
            size *= dim.getSize();
        }
        return size;
    }

    private void compareEnvironments(Feature old, Feature neu) {
        String oldText = Environments.describe(old);
        String newText = Environments.describe(neu);
        if (!oldText.equals(newText)) {
            add(
                    "environment",
                    oldText,
                    newText,
                    Environments.isBreaking(
                            old,
                            before.getDefaultEnvironmentList(),
                            neu,
                            after.getDefaultEnvironmentList(),
                            environments,
                            isRequired(neu)));
        }
    }

    /** A threshold set is a check; raising it or removing it relaxes, lowering or adding one tightens. */
    private void compareComparator(String name, FeatureComparator old, FeatureComparator neu) {
        compareThreshold(
                name + ".infinity_norm.threshold",
                old.hasInfinityNorm() && old.getInfinityNorm().hasThreshold(),
                old.getInfinityNorm().getThreshold(),
                neu.hasInfinityNorm() && neu.getInfinityNorm().hasThreshold(),
                neu.getInfinityNorm().getThreshold());
        compareThreshold(
                name + ".jensen_shannon_divergence.threshold",
                old.hasJensenShannonDivergence()
                        && old.getJensenShannonDivergence().hasThreshold(),
                old.getJensenShannonDivergence().getThreshold(),
                neu.hasJensenShannonDivergence()
                        && neu.getJensenShannonDivergence().hasThreshold(),
                neu.getJensenShannonDivergence().getThreshold());
        compareThreshold(
                name + ".normalized_abs_difference.threshold",
                old.hasNormalizedAbsDifference()
                        && old.getNormalizedAbsDifference().hasThreshold(),
                old.getNormalizedAbsDifference().getThreshold(),
                neu.hasNormalizedAbsDifference()
                        && neu.getNormalizedAbsDifference().hasThreshold(),
                neu.getNormalizedAbsDifference().getThreshold());
        if (!old.getJensenShannonDivergence()
                .getSource()
                .equals(neu.getJensenShannonDivergence().getSource())) {
            // another histogram is another measure: not proven relaxing while a threshold applies
            add(
                    name + ".jensen_shannon_divergence.source",
                    DomainDiff.text(old.getJensenShannonDivergence().getSource()),
                    DomainDiff.text(neu.getJensenShannonDivergence().getSource()),
                    neu.getJensenShannonDivergence().hasThreshold());
        }
    }

    private void compareThreshold(
            String aspect, boolean oldHas, double oldThreshold, boolean newHas, double newThreshold) {
        if (oldHas == newHas && (!oldHas || Double.compare(oldThreshold, newThreshold) == 0)) {
            return;
        }
        double oldLimit = oldHas ? oldThreshold : Double.POSITIVE_INFINITY;
        double newLimit = newHas ? newThreshold : Double.POSITIVE_INFINITY;
        add(
                aspect,
                oldHas ? DomainDiff.number(oldThreshold) : "",
                newHas ? DomainDiff.number(newThreshold) : "",
                newLimit < oldLimit);
    }

    private void compareBounds(
            String name,
            boolean oldHasMin,
            long oldMin,
            boolean newHasMin,
            long newMin,
            boolean oldHasMax,
            long oldMax,
            boolean newHasMax,
            long newMax) {
        if (oldHasMin != newHasMin || oldHasMin && oldMin != newMin) {
            add(
                    name + ".min",
                    oldHasMin ? Long.toString(oldMin) : "",
                    newHasMin ? Long.toString(newMin) : "",
                    (newHasMin ? newMin : Long.MIN_VALUE) > (oldHasMin ? oldMin : Long.MIN_VALUE));
        }
        if (oldHasMax != newHasMax || oldHasMax && oldMax != newMax) {
            add(
                    name + ".max",
                    oldHasMax ? Long.toString(oldMax) : "",
                    newHasMax ? Long.toString(newMax) : "",
                    (newHasMax ? newMax : Long.MAX_VALUE) < (oldHasMax ? oldMax : Long.MAX_VALUE));
        }
    }

    /** Fields not compared above: compatible if TFDV does not validate them, else not proven relaxing. */
    private void compareOtherFields(Feature old, Feature neu) {
        Feature oldRest = rest(old);
        Feature newRest = rest(neu);
        if (oldRest.equals(newRest)) {
            return;
        }
        for (FieldDescriptor field : Feature.getDescriptor().getFields()) {
            Feature oldField = only(oldRest, field);
            Feature newField = only(newRest, field);
            if (!oldField.equals(newField)) {
                add(
                        field.getName(),
                        DomainDiff.text(oldField),
                        DomainDiff.text(newField),
                        !NOT_VALIDATED.contains(field.getName()));
            }
        }
        if (!oldRest.getUnknownFields().equals(newRest.getUnknownFields())) {
            add(
                    "unknown fields",
                    oldRest.getUnknownFields().toString().strip(),
                    newRest.getUnknownFields().toString().strip(),
                    true);
        }
    }

    private static Feature rest(Feature feature) {
        Feature.Builder rest = feature.toBuilder()
                .clearName()
                .clearDeprecated()
                .clearLifecycleStage()
                .clearType()
                .clearPresence()
                .clearShape()
                .clearValueCount()
                .clearValueCounts()
                .clearDistributionConstraints()
                .clearInEnvironment()
                .clearNotInEnvironment()
                .clearDriftComparator()
                .clearSkewComparator()
                .clearUniqueConstraints();
        if (feature.getDomainInfoCase() != Feature.DomainInfoCase.DOMAININFO_NOT_SET) {
            rest.clearDomainInfo();
        }
        return rest.build();
    }

    private static Feature only(Feature feature, FieldDescriptor field) {
        Feature.Builder only = Feature.newBuilder();
        if (field.isRepeated() ? feature.getRepeatedFieldCount(field) > 0 : feature.hasField(field)) {
            only.setField(field, feature.getField(field));
        }
        return only.build();
    }
}
