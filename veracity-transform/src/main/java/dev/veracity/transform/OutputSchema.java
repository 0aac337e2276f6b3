package dev.veracity.transform;

import dev.veracity.data.FeatureType;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.ValueCount;
import java.util.List;
import java.util.Map;

/** The TFDV schemas of a transform's input columns and of its output features, with the domains the ops imply. */
final class OutputSchema {
    private OutputSchema() {}

    static dev.veracity.proto.FeatureType protoType(FeatureType type) {
        return switch (type) {
            case INT -> dev.veracity.proto.FeatureType.INT;
            case FLOAT -> dev.veracity.proto.FeatureType.FLOAT;
            case STRING -> dev.veracity.proto.FeatureType.BYTES;
        };
    }

    /** {@return the schema of the input columns: their types, and the most values a row held} */
    static Schema input(TransformFn fn, Map<String, Integer> maxValueCounts) {
        Schema.Builder schema = Schema.newBuilder();
        fn.inputTypes().forEach((name, type) -> {
            Feature.Builder feature = Feature.newBuilder().setName(name).setType(protoType(type));
            Integer max = maxValueCounts.get(name);
            if (max != null) {
                feature.setValueCount(ValueCount.newBuilder().setMax(max));
            }
            schema.addFeature(feature);
        });
        return schema.build();
    }

    /** {@return the schema of the output features, in output order} */
    static Schema output(TransformFn fn) {
        Schema.Builder schema = Schema.newBuilder();
        for (StepFunction f : fn.functions()) {
            Step step = f.step();
            List<FeatureType> types = f.outputTypes();
            for (int o = 0; o < types.size(); o++) {
                Feature.Builder feature =
                        Feature.newBuilder().setName(step.outputs().get(o)).setType(protoType(types.get(o)));
                domain(f, o, feature);
                schema.addFeature(feature);
            }
        }
        for (String kept : fn.spec().keep()) {
            schema.addFeature(Feature.newBuilder()
                    .setName(kept)
                    .setType(protoType(fn.inputTypes().get(kept))));
        }
        return schema.build();
    }

    private static void domain(StepFunction f, int output, Feature.Builder feature) {
        Step step = f.step();
        Parameters p = step.parameters();
        switch (step.op()) {
            case SCALE_TO_0_1 ->
                feature.setFloatDomain(FloatDomain.newBuilder().setMin(0).setMax(1));
            case SCALE_BY_MIN_MAX ->
                feature.setFloatDomain(
                        FloatDomain.newBuilder().setMin((float) p.outputMin()).setMax((float) p.outputMax()));
            case CYCLIC ->
                feature.setFloatDomain(FloatDomain.newBuilder().setMin(-1).setMax(1));
            case BUCKETIZE, APPLY_BUCKETS ->
                feature.setIntDomain(categorical(
                        0,
                        step.op() == Op.BUCKETIZE
                                ? f.constants().boundaries().size()
                                : p.boundaries().size()));
            case COMPUTE_AND_APPLY_VOCABULARY -> {
                long size = f.vocabularySize();
                long min = p.numOovBuckets() > 0 ? 0 : Math.min(0, p.defaultValue());
                long max = p.numOovBuckets() > 0 ? size - 1 : Math.max(size - 1, p.defaultValue());
                feature.setIntDomain(categorical(min, max));
            }
            case HASH_STRINGS, CROSS -> feature.setIntDomain(categorical(0, p.hashBuckets() - 1));
            case ONE_HOT ->
                feature.setIntDomain(IntDomain.newBuilder().setMin(0).setMax(1));
            case TFIDF -> {
                if (output == 0) {
                    feature.setIntDomain(categorical(0, Math.max(0, f.vocabularySize() - 1)));
                }
            }
            case HOUR -> feature.setIntDomain(IntDomain.newBuilder().setMin(0).setMax(23));
            case DAY_OF_WEEK ->
                feature.setIntDomain(IntDomain.newBuilder().setMin(0).setMax(6));
            case MONTH -> feature.setIntDomain(IntDomain.newBuilder().setMin(1).setMax(12));
            case SCALE_TO_Z_SCORE, LOG1P, CLIP, IMPUTE, NGRAMS, BAG_OF_WORDS -> {
                // No domain the op implies.
            }
        }
    }

    private static IntDomain categorical(long min, long max) {
        return IntDomain.newBuilder()
                .setMin(min)
                .setMax(max)
                .setIsCategorical(true)
                .build();
    }
}
