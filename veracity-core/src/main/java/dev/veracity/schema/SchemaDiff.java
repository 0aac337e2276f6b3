package dev.veracity.schema;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.veracity.proto.DatasetConstraints;
import dev.veracity.proto.Feature;
import dev.veracity.proto.NumericValueComparator;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SparseFeature;
import dev.veracity.proto.WeightedFeature;
import dev.veracity.schema.SchemaChange.Compatibility;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed between two versions of a schema, feature by feature, and whether each change can break validation.
 *
 * <pre>{@code
 * List<SchemaChange> changes = SchemaDiff.between(frozen, proposed);
 * boolean gate = changes.stream().anyMatch(SchemaChange::isBreaking);
 * }</pre>
 *
 * <p>The rule: a change is {@link Compatibility#COMPATIBLE} if every dataset whose statistics are valid under the old
 * schema (in any environment, or none) is valid under the new one, as TFDV validates; otherwise it is
 * {@link Compatibility#BREAKING}. A change that cannot be proven relaxing counts as breaking. Consequences:
 * <ul>
 * <li>An added feature is compatible if optional and breaking if required (valid old data lacked it, since TFDV
 * reports a column unknown to the schema). A <em>removed</em> feature is breaking for the same reason: data that
 * still has it gets TFDV's {@code SCHEMA_NEW_COLUMN} anomaly.
 * <li>Lower presence, wider value counts, domains, int/float ranges, unique constraints and dataset sizes, higher
 * drift/skew thresholds, more allowed off-domain mass, fewer disallowed NaN/inf, a removed constraint, and
 * deprecating a feature are compatible; the reverse of each, a changed type and un-deprecating are breaking.
 * <li>Environments are compared by the membership TFDV derives from {@code in_environment},
 * {@code not_in_environment} and {@code default_environment}: leaving an environment is breaking (data there may
 * still have the feature), entering one is breaking only for a required feature.
 * <li>Every change to a feature that the new schema deprecates is compatible, as TFDV no longer validates it.
 * <li>Fields TFDV does not validate (annotations, group presence, tensor representations, categorical flags) are
 * compatible; sparse and weighted features and fields this diff does not understand are breaking when they change.
 * </ul>
 * A {@code domain:} reference is compared by the values of the top-level string domain it names. Reordering alone
 * (features, domains, domain values) is no change. Known simplification: TFDV evaluates
 * {@code max_examples_count} only when {@code min_examples_count} is set; this diff takes both literally.
 */
public final class SchemaDiff {
    private static final Set<String> SCHEMA_FIELDS_NOT_VALIDATED = Set.of(
            "annotation",
            "float_domain",
            "int_domain",
            "tensor_representation_group",
            "represent_variable_length_as_ragged",
            "generate_legacy_feature_spec");

    private final Schema before;
    private final Schema after;
    private final Set<String> environments;
    private final List<SchemaChange> changes = new ArrayList<>();

    private SchemaDiff(Schema before, Schema after) {
        this.before = before;
        this.after = after;
        this.environments = Environments.named(before, after);
    }

    /** {@return the changes from {@code before} to {@code after}: schema-wide aspects first, then by feature path} */
    public static List<SchemaChange> between(Schema before, Schema after) {
        SchemaDiff diff =
                new SchemaDiff(requireNonNull(before, "before is null"), requireNonNull(after, "after is null"));
        diff.compareSchemaAspects();
        diff.compareFeatures(before.getFeatureList(), after.getFeatureList(), "", true);
        return List.copyOf(diff.changes);
    }

    /** {@return whether any change is breaking} */
    public static boolean hasBreakingChange(List<SchemaChange> changes) {
        return changes.stream().anyMatch(SchemaChange::isBreaking);
    }

    private void add(String feature, String aspect, String oldText, String newText, boolean breaking) {
        changes.add(new SchemaChange(
                feature, aspect, oldText, newText, breaking ? Compatibility.BREAKING : Compatibility.COMPATIBLE));
    }

    private void compareFeatures(
            List<Feature> oldFeatures, List<Feature> newFeatures, String parent, boolean parentValidated) {
        Map<String, Feature> olds = byName(oldFeatures, Feature::getName);
        Map<String, Feature> news = byName(newFeatures, Feature::getName);
        for (String name : union(olds.keySet(), news.keySet())) {
            String path = PathNames.child(parent, name);
            Feature old = olds.get(name);
            Feature neu = news.get(name);
            if (neu == null) {
                add(path, "feature", summary(old), "", true);
            } else if (old == null) {
                add(path, "feature", "", summary(neu), parentValidated && isRequiredWithin(neu));
            } else {
                boolean validated = parentValidated && !FeatureDiff.isDeprecated(neu);
                new FeatureDiff(
                                before,
                                after,
                                environments,
                                aspect -> add(
                                        path,
                                        aspect.aspect(),
                                        aspect.before(),
                                        aspect.after(),
                                        validated && aspect.breaking()))
                        .compare(old, neu);
                compareFeatures(
                        old.getStructDomain().getFeatureList(),
                        neu.getStructDomain().getFeatureList(),
                        path,
                        validated);
            }
        }
    }

    /** {@return whether the feature or, through non-deprecated structs, one of its children is required} */
    private static boolean isRequiredWithin(Feature feature) {
        if (FeatureDiff.isDeprecated(feature)) {
            return false;
        }
        if (FeatureDiff.isRequired(feature)) {
            return true;
        }
        for (Feature child : feature.getStructDomain().getFeatureList()) {
            if (isRequiredWithin(child)) {
                return true;
            }
        }
        return false;
    }

    private static String summary(Feature feature) {
        List<String> parts = new ArrayList<>();
        parts.add(feature.hasType() ? feature.getType().name() : "no type");
        parts.add(FeatureDiff.isRequired(feature) ? "required" : "optional");
        if (FeatureDiff.isDeprecated(feature)) {
            parts.add("deprecated");
        }
        return String.join(", ", parts);
    }

    private void compareSchemaAspects() {
        compareDefaultEnvironment();
        DatasetConstraints old = before.getDatasetConstraints();
        DatasetConstraints neu = after.getDatasetConstraints();
        compareLimit(
                "dataset_constraints.min_examples_count",
                old.hasMinExamplesCount(),
                old.getMinExamplesCount(),
                neu.hasMinExamplesCount(),
                neu.getMinExamplesCount(),
                true);
        compareLimit(
                "dataset_constraints.max_examples_count",
                old.hasMaxExamplesCount(),
                old.getMaxExamplesCount(),
                neu.hasMaxExamplesCount(),
                neu.getMaxExamplesCount(),
                false);
        compareRatio(
                "dataset_constraints.num_examples_drift_comparator",
                old.getNumExamplesDriftComparator(),
                neu.getNumExamplesDriftComparator());
        compareRatio(
                "dataset_constraints.num_examples_version_comparator",
                old.getNumExamplesVersionComparator(),
                neu.getNumExamplesVersionComparator());
        compareNamed(
                "sparse_feature",
                byName(before.getSparseFeatureList(), SparseFeature::getName),
                byName(after.getSparseFeatureList(), SparseFeature::getName));
        compareNamed(
                "weighted_feature",
                byName(before.getWeightedFeatureList(), WeightedFeature::getName),
                byName(after.getWeightedFeatureList(), WeightedFeature::getName));
        compareOtherSchemaFields();
    }

    /** Judged by the features whose own environment lists did not change (the others are judged with their lists). */
    private void compareDefaultEnvironment() {
        Set<String> old = new LinkedHashSet<>(before.getDefaultEnvironmentList());
        Set<String> neu = new LinkedHashSet<>(after.getDefaultEnvironmentList());
        if (old.equals(neu)) {
            return;
        }
        boolean breaking = isDefaultEnvironmentBreaking(before.getFeatureList(), after.getFeatureList(), true);
        add("", "default_environment", String.join(", ", old), String.join(", ", neu), breaking);
    }

    private boolean isDefaultEnvironmentBreaking(
            List<Feature> oldFeatures, List<Feature> newFeatures, boolean parentValidated) {
        Map<String, Feature> olds = byName(oldFeatures, Feature::getName);
        for (Feature neu : newFeatures) {
            Feature old = olds.get(neu.getName());
            boolean validated = parentValidated && !FeatureDiff.isDeprecated(neu);
            if (old == null || !validated) {
                continue;
            }
            boolean sameLists = Environments.describe(old).equals(Environments.describe(neu));
            if (sameLists
                    && Environments.isBreaking(
                            old,
                            before.getDefaultEnvironmentList(),
                            neu,
                            after.getDefaultEnvironmentList(),
                            environments,
                            FeatureDiff.isRequired(neu))) {
                return true;
            }
            if (isDefaultEnvironmentBreaking(
                    old.getStructDomain().getFeatureList(),
                    neu.getStructDomain().getFeatureList(),
                    validated)) {
                return true;
            }
        }
        return false;
    }

    /** A lower bound tightens when raised or added; an upper bound when lowered or added. */
    private void compareLimit(
            String aspect, boolean oldHas, double oldValue, boolean newHas, double newValue, boolean lower) {
        if (oldHas == newHas && (!oldHas || Double.compare(oldValue, newValue) == 0)) {
            return;
        }
        double none = lower ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        double oldLimit = oldHas ? oldValue : none;
        double newLimit = newHas ? newValue : none;
        add(
                "",
                aspect,
                oldHas ? format(oldValue) : "",
                newHas ? format(newValue) : "",
                lower ? newLimit > oldLimit : newLimit < oldLimit);
    }

    private void compareRatio(String aspect, NumericValueComparator old, NumericValueComparator neu) {
        compareLimit(
                aspect + ".min_fraction_threshold",
                old.hasMinFractionThreshold(),
                old.getMinFractionThreshold(),
                neu.hasMinFractionThreshold(),
                neu.getMinFractionThreshold(),
                true);
        compareLimit(
                aspect + ".max_fraction_threshold",
                old.hasMaxFractionThreshold(),
                old.getMaxFractionThreshold(),
                neu.hasMaxFractionThreshold(),
                neu.getMaxFractionThreshold(),
                false);
    }

    /** Sparse and weighted features constrain data in ways this diff does not model: any change is breaking. */
    private <T extends Message> void compareNamed(String aspect, Map<String, T> olds, Map<String, T> news) {
        for (String name : union(olds.keySet(), news.keySet())) {
            T old = olds.get(name);
            T neu = news.get(name);
            if (old == null || !old.equals(neu)) {
                add(
                        name,
                        aspect,
                        old == null ? "" : DomainDiff.text(old),
                        neu == null ? "" : DomainDiff.text(neu),
                        true);
            }
        }
    }

    private void compareOtherSchemaFields() {
        for (FieldDescriptor field : Schema.getDescriptor().getFields()) {
            String name = field.getName();
            if (Set.of(
                            "feature",
                            "string_domain",
                            "default_environment",
                            "dataset_constraints",
                            "sparse_feature",
                            "weighted_feature")
                    .contains(name)) {
                continue;
            }
            Schema old = only(before, field);
            Schema neu = only(after, field);
            if (!old.equals(neu)) {
                add("", name, DomainDiff.text(old), DomainDiff.text(neu), !SCHEMA_FIELDS_NOT_VALIDATED.contains(name));
            }
        }
    }

    private static Schema only(Schema schema, FieldDescriptor field) {
        Schema.Builder only = Schema.newBuilder();
        if (field.isRepeated() ? schema.getRepeatedFieldCount(field) > 0 : schema.hasField(field)) {
            only.setField(field, schema.getField(field));
        }
        return only.build();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** The first of each name, as TFDV looks features up. */
    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T item : items) {
            byName.putIfAbsent(name.apply(item), item);
        }
        return byName;
    }

    /** Both name sets, in bytewise UTF-8 order (the canonical order of features). */
    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>((x, y) ->
                Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        union.addAll(a);
        union.addAll(b);
        return union;
    }
}
