package dev.veracity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureComparator;
import dev.veracity.proto.FeaturePresence;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.ValueCount;
import dev.veracity.schema.SchemaChange.Compatibility;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

class SchemaDiffProperties {
    private static final String[] NAMES = {"fare", "tips", "company", "payment_type", "trip_miles", "pickup_area"};
    private static final String[] ENVIRONMENTS = {"TRAINING", "SERVING", "EVAL"};
    private static final String[] VALUES = {"Cash", "Credit Card", "Prcard", "Dispute", "", "No Charge"};

    /** A schema of up to six non-deprecated features with random constraints. */
    static Schema schema(SplittableRandom random) {
        Schema.Builder schema = Schema.newBuilder();
        for (String environment : ENVIRONMENTS) {
            if (random.nextBoolean()) {
                schema.addDefaultEnvironment(environment);
            }
        }
        for (String name : NAMES) {
            if (random.nextInt(3) > 0) {
                schema.addFeature(feature(random, name));
            }
        }
        return schema.build();
    }

    private static Feature feature(SplittableRandom random, String name) {
        FeatureType type = Gen.oneOf(random, FeatureType.BYTES, FeatureType.INT, FeatureType.FLOAT);
        Feature.Builder feature = Feature.newBuilder().setName(name).setType(type);
        if (random.nextBoolean()) {
            feature.setPresence(FeaturePresence.newBuilder()
                    .setMinFraction(Gen.oneOf(random, 0.0, 0.5, 1.0))
                    .setMinCount(Gen.between(random, 0, 2)));
        }
        if (random.nextBoolean()) {
            ValueCount.Builder count = ValueCount.newBuilder().setMin(Gen.between(random, 0, 2));
            if (random.nextBoolean()) {
                count.setMax(count.getMin() + Gen.between(random, 0, 3));
            }
            feature.setValueCount(count);
        }
        if (type == FeatureType.BYTES && random.nextBoolean()) {
            List<String> values = new ArrayList<>(List.of(VALUES));
            Collections.shuffle(values, new java.util.Random(random.nextLong()));
            feature.setStringDomain(
                    StringDomain.newBuilder().addAllValue(values.subList(0, Gen.between(random, 1, 4))));
        }
        if (type == FeatureType.INT && random.nextBoolean()) {
            feature.setIntDomain(
                    IntDomain.newBuilder().setMin(Gen.between(random, -5, 0)).setMax(Gen.between(random, 1, 5)));
        }
        if (random.nextBoolean()) {
            feature.setDriftComparator(FeatureComparator.newBuilder()
                    .setJensenShannonDivergence(dev.veracity.proto.JensenShannonDivergence.newBuilder()
                            .setThreshold(Gen.oneOf(random, 0.01, 0.1))));
        }
        if (Gen.oneIn(random, 4)) {
            feature.addNotInEnvironment(Gen.oneOf(random, ENVIRONMENTS));
        }
        if (Gen.oneIn(random, 4)) {
            feature.addInEnvironment(Gen.oneOf(random, ENVIRONMENTS));
        }
        return feature.build();
    }

    /** One strictly relaxing edit of a random feature; adds an optional feature when the drawn edit does not apply. */
    static Schema relax(SplittableRandom random, Schema schema) {
        if (schema.getFeatureCount() > 0) {
            Feature feature = schema.getFeature(random.nextInt(schema.getFeatureCount()));
            String name = feature.getName();
            SchemaEditor.FeatureEditor editor = SchemaEditor.of(schema).feature(name);
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (feature.getPresence().getMinFraction() > 0) {
                        return editor.minFraction(feature.getPresence().getMinFraction() / 2)
                                .done()
                                .build();
                    }
                    if (feature.getPresence().getMinCount() > 0) {
                        return editor.minCount(feature.getPresence().getMinCount() - 1)
                                .done()
                                .build();
                    }
                }
                case 1 -> {
                    if (feature.getValueCount().hasMax()) {
                        return replace(
                                schema,
                                feature.toBuilder()
                                        .setValueCount(feature.getValueCount().toBuilder()
                                                .setMax(feature.getValueCount().getMax() + 1))
                                        .build());
                    }
                    if (feature.hasValueCount()) {
                        return replace(
                                schema, feature.toBuilder().clearValueCount().build());
                    }
                }
                case 2 -> {
                    if (feature.hasStringDomain()) {
                        for (String value : VALUES) {
                            if (!feature.getStringDomain().getValueList().contains(value)) {
                                return editor.extendStringDomain(value).done().build();
                            }
                        }
                        return replace(
                                schema, feature.toBuilder().clearStringDomain().build());
                    }
                }
                case 3 -> {
                    if (feature.hasIntDomain()) {
                        return random.nextBoolean()
                                ? editor.intMin(feature.getIntDomain().getMin() - 1)
                                        .done()
                                        .build()
                                : editor.intMax(feature.getIntDomain().getMax() + 1)
                                        .done()
                                        .build();
                    }
                }
                case 4 -> {
                    if (feature.hasDriftComparator()) {
                        double threshold = feature.getDriftComparator()
                                .getJensenShannonDivergence()
                                .getThreshold();
                        return random.nextBoolean()
                                ? editor.driftJensenShannon(threshold * 2)
                                        .done()
                                        .build()
                                : replace(
                                        schema,
                                        feature.toBuilder()
                                                .clearDriftComparator()
                                                .build());
                    }
                }
                case 5 -> {
                    return editor.deprecate().done().build();
                }
                default -> {
                    // fall through to adding a feature
                }
            }
        }
        return schema.toBuilder()
                .addFeature(Feature.newBuilder().setName("added").setType(FeatureType.FLOAT))
                .build();
    }

    private static Schema replace(Schema schema, Feature feature) {
        Schema.Builder edited = schema.toBuilder();
        for (int i = 0; i < edited.getFeatureCount(); i++) {
            if (edited.getFeature(i).getName().equals(feature.getName())) {
                edited.setFeature(i, feature);
            }
        }
        return edited.build();
    }

    @SeededProperty(tries = 200)
    void aSchemaHasNoChangeFromItselfOrItsCanonicalForm(long seed) {
        Schema schema = schema(new SplittableRandom(seed));
        assertThat(SchemaDiff.between(schema, schema)).isEmpty();
        assertThat(SchemaDiff.between(schema, SchemaCanonicalizer.canonicalize(schema)))
                .isEmpty();
        assertThat(SchemaCanonicalizer.canonicalize(SchemaCanonicalizer.canonicalize(schema)))
                .isEqualTo(SchemaCanonicalizer.canonicalize(schema));
    }

    @SeededProperty(tries = 500)
    void aRelaxingEditIsCompatibleAndItsInverseBreaking(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Schema schema = schema(random);
        Schema relaxed = relax(random, schema);

        List<SchemaChange> forward = SchemaDiff.between(schema, relaxed);
        assertThat(forward)
                .as("changes of the relaxing edit")
                .isNotEmpty()
                .allMatch(change -> change.compatibility() == Compatibility.COMPATIBLE);
        List<SchemaChange> backward = SchemaDiff.between(relaxed, schema);
        assertThat(backward).as("changes of its inverse").anyMatch(SchemaChange::isBreaking);
    }
}
