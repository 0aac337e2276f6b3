package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.DATASET_HIGH_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.DATASET_LOW_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.SCHEMA_MISSING_COLUMN;
import static dev.veracity.proto.AnomalyInfo.Type.SCHEMA_NEW_COLUMN;

import dev.veracity.proto.DatasetConstraints;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SparseFeature;
import dev.veracity.proto.WeightedFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one engine behind inference, update and validation, as in TFDV: walk the statistics and the schema, relax
 * the schema until the statistics conform, and record every relaxation. Inference is this on an empty schema.
 */
final class SchemaEngine {
    /**
     * What the engine found and the schema it would take to accept the statistics.
     *
     * @param schema      the relaxed schema
     * @param features    findings by feature path, features in statistics order (structs before their
     *                    children), then missing ones
     * @param dataset     findings about the whole dataset (example counts)
     * @param dataMissing whether the statistics have no examples (then nothing else is checked)
     * @param measurements drift and skew measurements, one entry per feature measured
     * @param warnings     comparators that could not apply, one line each
     */
    record Result(
            Schema schema,
            Map<Path, List<Description>> features,
            List<Description> dataset,
            boolean dataMissing,
            List<DriftSkewInfo> measurements,
            List<String> warnings) {}

    private record Node(Path path, Feature.Builder feature, boolean ancestorDeprecated) {}

    private record SparseNode(SparseFeature.Builder feature, boolean ancestorDeprecated) {}

    private final Schema.Builder schema;
    private final InferenceOptions newColumns;
    private final String environment;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, SparseNode> sparseNodes = new HashMap<>();
    private final Map<String, WeightedFeature.Builder> weightedNodes = new HashMap<>();
    private final Map<Path, List<Description>> findings = new LinkedHashMap<>();
    private final ComparatorChecks comparators;

    private SchemaEngine(Schema schema, InferenceOptions newColumns, String environment, ComparatorChecks comparators) {
        this.schema = schema.toBuilder();
        this.newColumns = newColumns;
        this.environment = environment;
        this.comparators = comparators;
        index(this.schema.getFeatureBuilderList(), Path.getDefaultInstance(), false);
        indexSparse(this.schema.getSparseFeatureBuilderList(), Path.getDefaultInstance(), false);
        for (WeightedFeature.Builder weighted : this.schema.getWeightedFeatureBuilderList()) {
            // weighted features are top-level: their statistics' path is their name
            weightedNodes.putIfAbsent(PathNames.serialize(PathNames.of(weighted.getName())), weighted);
        }
    }

    /**
     * {@return the findings and relaxed schema for {@code data} against {@code schema}}
     *
     * @param newColumns  how features found in the data but not in the schema are inferred
     * @param environment the environment the data is from, or null for none
     */
    static Result run(Schema schema, DatasetView data, InferenceOptions newColumns, String environment) {
        return run(schema, data, newColumns, environment, ComparatorChecks.none());
    }

    /**
     * {@return the findings and relaxed schema for {@code data} against {@code schema}, with drift, skew and
     * example-count comparators against the control datasets of {@code comparators}}
     */
    static Result run(
            Schema schema,
            DatasetView data,
            InferenceOptions newColumns,
            String environment,
            ComparatorChecks comparators) {
        SchemaEngine engine = new SchemaEngine(schema, newColumns, environment, comparators);
        if (data.numExamples() <= 0) {
            return new Result(schema, Map.of(), List.of(), true, List.of(), List.of());
        }
        // structs before their children, else a child listed first finds no struct to join; stable otherwise
        List<Map.Entry<String, FeatureView>> entries =
                new ArrayList<>(data.features().entrySet());
        entries.sort(Comparator.comparingInt(entry -> entry.getValue().path().getStepCount()));
        for (Map.Entry<String, FeatureView> entry : entries) {
            engine.visit(entry.getKey(), entry.getValue());
        }
        engine.findMissing(data);
        List<Description> dataset = engine.checkDataset(data);
        return new Result(
                engine.schema.build(),
                engine.findings,
                dataset,
                false,
                comparators.measurements(),
                comparators.warnings());
    }

    private void index(List<Feature.Builder> features, Path parent, boolean parentDeprecated) {
        for (Feature.Builder feature : features) {
            Path path = PathNames.child(parent, feature.getName());
            nodes.put(PathNames.serialize(path), new Node(path, feature, parentDeprecated));
            if (feature.hasStructDomain()) {
                boolean deprecated = parentDeprecated || FeatureRules.isDeprecated(feature);
                index(feature.getStructDomainBuilder().getFeatureBuilderList(), path, deprecated);
                indexSparse(feature.getStructDomainBuilder().getSparseFeatureBuilderList(), path, deprecated);
            }
        }
    }

    private void indexSparse(List<SparseFeature.Builder> features, Path parent, boolean parentDeprecated) {
        for (SparseFeature.Builder sparse : features) {
            sparseNodes.putIfAbsent(
                    PathNames.serialize(PathNames.child(parent, sparse.getName())),
                    new SparseNode(sparse, parentDeprecated));
        }
    }

    private void visit(String key, FeatureView view) {
        Node node = nodes.get(key);
        SparseNode sparse = sparseNodes.get(key);
        WeightedFeature.Builder weighted = weightedNodes.get(key);
        if (sparse != null || weighted != null) {
            // as TFDV: a deprecated feature of the path (else a deprecated sparse feature) is skipped; a deprecated
            // weighted feature too (TFDV checks it again, so that its own fix does not make validation clean)
            boolean skipped = node != null
                    ? node.ancestorDeprecated() || FeatureRules.isDeprecated(node.feature())
                    : sparse != null
                            ? sparse.ancestorDeprecated() || CompositeChecks.isDeprecated(sparse.feature())
                            : CompositeChecks.isDeprecated(weighted);
            if (skipped) {
                return;
            }
            Optional<List<Description>> found = CompositeChecks.check(
                    node == null ? null : node.feature(),
                    sparse == null || sparse.ancestorDeprecated() ? null : sparse.feature(),
                    weighted,
                    view);
            if (found.isPresent()) {
                found.get().forEach(description -> record(view.path(), description));
                return;
            }
        }
        if (node == null) {
            addNewColumn(key, view);
            return;
        }
        Feature.Builder feature = node.feature();
        if (node.ancestorDeprecated() || FeatureRules.isDeprecated(feature)) {
            return;
        }
        List<String> defaults = schema.getDefaultEnvironmentList();
        if (!FeatureRules.isInEnvironment(feature, environment, defaults)) {
            if (view.numPresent() > 0) {
                record(
                        view.path(),
                        new Description(
                                SCHEMA_NEW_COLUMN,
                                "Column missing in environment",
                                "New column " + key + " found in data but not in the environment " + environment
                                        + " in the schema."));
                feature.addInEnvironment(environment);
            }
            return;
        }
        List<Description> found = FeatureUpdater.update(
                schema, feature, view, FeatureRules.isRequired(feature, environment, defaults), comparators);
        found.forEach(description -> record(view.path(), description));
    }

    private void addNewColumn(String key, FeatureView view) {
        if (!view.hasStats()) {
            return;
        }
        List<String> steps = view.path().getStepList();
        Feature.Builder created = FeatureCreator.create(view, schema, newColumns);
        Feature.Builder live;
        if (steps.size() == 1) {
            live = schema.addFeatureBuilder().mergeFrom(created.build());
        } else {
            Node parent = nodes.get(PathNames.serialize(view.path().toBuilder()
                    .clearStep()
                    .addAllStep(steps.subList(0, steps.size() - 1))
                    .build()));
            if (parent == null || parent.ancestorDeprecated() || FeatureRules.isDeprecated(parent.feature())) {
                return;
            }
            live = parent.feature().getStructDomainBuilder().addFeatureBuilder().mergeFrom(created.build());
        }
        nodes.put(key, new Node(view.path(), live, false));
        record(
                view.path(),
                new Description(SCHEMA_NEW_COLUMN, "New column", "New column (column in data but not in schema)"));
    }

    private void findMissing(DatasetView data) {
        for (Map.Entry<String, Node> entry : List.copyOf(nodes.entrySet())) {
            Node node = entry.getValue();
            if (data.features().containsKey(entry.getKey())
                    || node.ancestorDeprecated()
                    || !FeatureRules.isRequired(node.feature(), environment, schema.getDefaultEnvironmentList())) {
                continue;
            }
            record(
                    node.path(),
                    new Description(
                            SCHEMA_MISSING_COLUMN,
                            "Column dropped",
                            "Column is completely missing (the schema requires it: presence.min_count = "
                                    + node.feature().getPresence().getMinCount() + ", presence.min_fraction = "
                                    + Numbers.sixDigits(
                                            node.feature().getPresence().getMinFraction()) + ")."));
            FeatureRules.deprecate(node.feature());
        }
    }

    private List<Description> checkDataset(DatasetView data) {
        List<Description> found = new ArrayList<>();
        if (!schema.hasDatasetConstraints()) {
            return found;
        }
        DatasetConstraints.Builder constraints = schema.getDatasetConstraintsBuilder();
        found.addAll(comparators.compareExamples(constraints, data));
        double examples = data.numExamples();
        if (constraints.hasMinExamplesCount() && examples < constraints.getMinExamplesCount()) {
            found.add(new Description(
                    DATASET_LOW_NUM_EXAMPLES,
                    "Low num examples in dataset.",
                    "The dataset has "
                            + Numbers.count(examples)
                            + " examples, fewer than dataset_constraints.min_examples_count = "
                            + constraints.getMinExamplesCount() + "."));
            constraints.setMinExamplesCount((long) Math.floor(examples));
        }
        if (constraints.hasMaxExamplesCount() && examples > constraints.getMaxExamplesCount()) {
            found.add(new Description(
                    DATASET_HIGH_NUM_EXAMPLES,
                    "High num examples in dataset.",
                    "The dataset has "
                            + Numbers.count(examples) + " examples, more than dataset_constraints.max_examples_count = "
                            + constraints.getMaxExamplesCount() + "."));
            constraints.setMaxExamplesCount((long) Math.ceil(examples));
        }
        return found;
    }

    private void record(Path path, Description description) {
        findings.computeIfAbsent(path, k -> new ArrayList<>()).add(description);
    }
}
