package dev.veracity.format;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.veracity.proto.Annotation;
import dev.veracity.proto.AudioDomain;
import dev.veracity.proto.BoolDomain;
import dev.veracity.proto.ContentChunkDomain;
import dev.veracity.proto.DatasetConstraints;
import dev.veracity.proto.DerivedFeatureSource;
import dev.veracity.proto.DistributionConstraints;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureComparator;
import dev.veracity.proto.FeatureCoverageConstraints;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.FeaturePresence;
import dev.veracity.proto.FeaturePresenceWithinGroup;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.FixedShape;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.HistogramSelection;
import dev.veracity.proto.ImageDomain;
import dev.veracity.proto.InfinityNorm;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.JensenShannonDivergence;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.MIDDomain;
import dev.veracity.proto.NaturalLanguageDomain;
import dev.veracity.proto.NormalizedAbsoluteDifference;
import dev.veracity.proto.NumericValueComparator;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SequenceLengthConstraints;
import dev.veracity.proto.SequenceMetadata;
import dev.veracity.proto.SequenceValueConstraints;
import dev.veracity.proto.SparseFeature;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.StructDomain;
import dev.veracity.proto.TensorRepresentation;
import dev.veracity.proto.TensorRepresentationGroup;
import dev.veracity.proto.TimeDomain;
import dev.veracity.proto.TimeOfDayDomain;
import dev.veracity.proto.URLDomain;
import dev.veracity.proto.UniqueConstraints;
import dev.veracity.proto.ValueCount;
import dev.veracity.proto.ValueCountList;
import dev.veracity.proto.VideoDomain;
import dev.veracity.proto.WeightedFeature;

/**
 * A schema that uses every domain kind and every schema-level part of TFDV's schema.proto, built by hand for the
 * golden file {@code golden/every-domain.schema.pbtxt}. Fields are set out of field-number order, and map entries
 * out of key order, so that the printer's ordering is what the golden file checks.
 */
final class EveryDomainSchema {
    private EveryDomainSchema() {}

    private static FeaturePresence presence(double minFraction, long minCount) {
        return FeaturePresence.newBuilder()
                .setMinFraction(minFraction)
                .setMinCount(minCount)
                .build();
    }

    private static FixedShape shape(long... sizes) {
        FixedShape.Builder shape = FixedShape.newBuilder();
        for (long size : sizes) {
            shape.addDim(FixedShape.Dim.newBuilder().setSize(size));
        }
        return shape.build();
    }

    private static FeaturePaths.Path path(String... steps) {
        FeaturePaths.Path.Builder path = FeaturePaths.Path.newBuilder();
        for (String step : steps) {
            path.addStep(step);
        }
        return path.build();
    }

    static Schema build() {
        Feature company = Feature.newBuilder()
                .setAnnotation(Annotation.newBuilder()
                        .addTag("pii")
                        .addComment("quote \" backslash \\ apostrophe ' tab \t newline \n bell \u0007 del \u007f")
                        .addComment("Zürich 日本 😀")
                        .addExtraMetadata(Any.pack(IntDomain.newBuilder()
                                .setName("packed")
                                .setMin(-3)
                                .build()))
                        .addExtraMetadata(Any.newBuilder()
                                .setTypeUrl("type.example.com/not.Known")
                                .setValue(ByteString.copyFrom(new byte[] {8, (byte) 0x96, 1, '"', 0x7F, 'a'}))))
                .setUniqueConstraints(UniqueConstraints.newBuilder().setMin(1).setMax(61))
                .setLifecycleStage(LifecycleStage.PRODUCTION)
                .addNotInEnvironment("SERVING")
                .addInEnvironment("TRAINING")
                .setDriftComparator(FeatureComparator.newBuilder()
                        .setJensenShannonDivergence(JensenShannonDivergence.newBuilder()
                                .setThreshold(0.05)
                                .setSource(HistogramSelection.newBuilder().setType(HistogramSelection.Type.QUANTILES))))
                .setSkewComparator(FeatureComparator.newBuilder()
                        .setInfinityNorm(InfinityNorm.newBuilder().setThreshold(0.01)))
                .setDistributionConstraints(DistributionConstraints.newBuilder().setMinDomainMass(0.9999))
                .setPresence(presence(1.0, 1))
                .setDomain("company")
                .setType(FeatureType.BYTES)
                .setValueCount(ValueCount.newBuilder().setMin(1).setMax(1))
                .setName("company")
                .build();
        Feature trips = Feature.newBuilder()
                .setName("trips")
                .setValueCounts(ValueCountList.newBuilder()
                        .addValueCount(ValueCount.newBuilder().setMin(1).setMax(2))
                        .addValueCount(ValueCount.newBuilder().setMin(0).setMax(5)))
                .setType(FeatureType.INT)
                .setIntDomain(IntDomain.newBuilder()
                        .setName("trips")
                        .setMin(0)
                        .setMax(100)
                        .setIsCategorical(true))
                .setPresence(presence(0.5, 0))
                .build();
        Feature fare = Feature.newBuilder()
                .setName("fare")
                .setType(FeatureType.FLOAT)
                .setFloatDomain(FloatDomain.newBuilder()
                        .setMin(0.1f)
                        .setMax(41.694878f)
                        .setDisallowNan(true)
                        .setDisallowInf(true)
                        .setIsEmbedding(false)
                        .setEmbeddingDim(3)
                        .setEmbeddingType("dense"))
                .setShape(FixedShape.newBuilder()
                        .addDim(FixedShape.Dim.newBuilder().setSize(1))
                        .addDim(FixedShape.Dim.newBuilder().setSize(3).setName("xyz")))
                .setDriftComparator(FeatureComparator.newBuilder()
                        .setNormalizedAbsDifference(
                                NormalizedAbsoluteDifference.newBuilder().setThreshold(1e-05)))
                .setPresence(presence(17031345095.353342, 9_223_372_036_854_775_807L))
                .build();
        Feature paymentType = Feature.newBuilder()
                .setName("payment_type")
                .setType(FeatureType.BYTES)
                .setStringDomain(StringDomain.newBuilder()
                        .addValue("Cash")
                        .addValue("Credit Card")
                        .setIsCategorical(StringDomain.Categorical.CATEGORICAL_YES))
                .setDistributionConstraints(DistributionConstraints.getDefaultInstance())
                .build();
        Feature isActive = Feature.newBuilder()
                .setName("is_active")
                .setDeprecated(true)
                .setType(FeatureType.BYTES)
                .setBoolDomain(BoolDomain.newBuilder().setTrueValue("yes").setFalseValue("no"))
                .setGroupPresence(FeaturePresenceWithinGroup.newBuilder().setRequired(true))
                .setLifecycleStage(LifecycleStage.DEPRECATED)
                .build();
        Feature trip = Feature.newBuilder()
                .setName("trip")
                .setType(FeatureType.STRUCT)
                .setStructDomain(StructDomain.newBuilder()
                        .addFeature(Feature.newBuilder()
                                .setName("lat")
                                .setType(FeatureType.FLOAT)
                                .setFloatDomain(
                                        FloatDomain.newBuilder().setMin(-90).setMax(90))
                                .setShape(shape(1)))
                        .addFeature(Feature.newBuilder()
                                .setName("stops")
                                .setType(FeatureType.STRUCT)
                                .setStructDomain(StructDomain.newBuilder()
                                        .addFeature(Feature.newBuilder()
                                                .setName("stop_id")
                                                .setType(FeatureType.INT)
                                                .setValueCount(
                                                        ValueCount.newBuilder().setMin(0)))))
                        .addSparseFeature(SparseFeature.newBuilder()
                                .setName("waypoints")
                                .addIndexFeature(
                                        SparseFeature.IndexFeature.newBuilder().setName("waypoint_index"))
                                .setValueFeature(
                                        SparseFeature.ValueFeature.newBuilder().setName("waypoint"))))
                .build();
        Feature review = Feature.newBuilder()
                .setName("review")
                .setType(FeatureType.BYTES)
                .setNaturalLanguageDomain(NaturalLanguageDomain.newBuilder()
                        .setVocabulary("vocab.txt")
                        .setCoverage(FeatureCoverageConstraints.newBuilder()
                                .setMinCoverage(0.75f)
                                .setMinAvgTokenLength(2.5f)
                                .addExcludedStringTokens("<pad>")
                                .addExcludedIntTokens(0)
                                .addExcludedIntTokens(-1)
                                .addOovStringTokens("<unk>"))
                        .addTokenConstraints(SequenceValueConstraints.newBuilder()
                                .setStringValue("<eos>")
                                .setMinPerSequence(1)
                                .setMaxPerSequence(1)
                                .setMinFractionOfSequences(0.5f)
                                .setMaxFractionOfSequences(1.0f))
                        .addTokenConstraints(SequenceValueConstraints.newBuilder()
                                .setIntValue(3)
                                .setMaxFractionOfSequences(0.01f))
                        .setSequenceLengthConstraints(SequenceLengthConstraints.newBuilder()
                                .addExcludedIntValue(0)
                                .addExcludedStringValue("")
                                .setMinSequenceLength(1)
                                .setMaxSequenceLength(512)))
                .setSequenceMetadata(SequenceMetadata.newBuilder()
                        .setSequentialStatus(SequenceMetadata.SequentialStatus.SEQUENTIAL_YES)
                        .setJointGroup("text")
                        .setSequenceTruncationLimit(512))
                .build();
        Feature photo = Feature.newBuilder()
                .setName("photo")
                .setType(FeatureType.BYTES)
                .setImageDomain(ImageDomain.newBuilder()
                        .setMinimumSupportedImageFraction(0.85f)
                        .setMaxImageByteSize(1_048_576))
                .build();
        Feature sound = Feature.newBuilder()
                .setName("sound")
                .setType(FeatureType.BYTES)
                .setAudioDomain(AudioDomain.getDefaultInstance())
                .build();
        Feature clip = Feature.newBuilder()
                .setName("clip")
                .setType(FeatureType.BYTES)
                .setVideoDomain(VideoDomain.getDefaultInstance())
                .build();
        Feature passage = Feature.newBuilder()
                .setName("passage")
                .setType(FeatureType.BYTES)
                .setContentChunkDomain(ContentChunkDomain.getDefaultInstance())
                .build();
        Feature entity = Feature.newBuilder()
                .setName("entity")
                .setType(FeatureType.BYTES)
                .setMidDomain(MIDDomain.getDefaultInstance())
                .build();
        Feature homepage = Feature.newBuilder()
                .setName("homepage")
                .setType(FeatureType.BYTES)
                .setUrlDomain(URLDomain.getDefaultInstance())
                .build();
        Feature pickupTime = Feature.newBuilder()
                .setName("pickup_time")
                .setType(FeatureType.BYTES)
                .setTimeDomain(TimeDomain.newBuilder().setStringFormat("%Y-%m-%d %H:%M:%S"))
                .build();
        Feature startTimestamp = Feature.newBuilder()
                .setName("trip_start_timestamp")
                .setType(FeatureType.INT)
                .setTimeDomain(TimeDomain.newBuilder().setIntegerFormat(TimeDomain.IntegerTimeFormat.UNIX_SECONDS))
                .build();
        Feature startOfDay = Feature.newBuilder()
                .setName("start_of_day")
                .setType(FeatureType.INT)
                .setTimeOfDayDomain(TimeOfDayDomain.newBuilder()
                        .setIntegerFormat(TimeOfDayDomain.IntegerTimeOfDayFormat.PACKED_64_NANOS))
                .build();
        Feature clockTime = Feature.newBuilder()
                .setName("clock_time")
                .setType(FeatureType.BYTES)
                .setTimeOfDayDomain(TimeOfDayDomain.newBuilder().setStringFormat("%H:%M"))
                .build();
        Feature tipRatio = Feature.newBuilder()
                .setName("tip_ratio")
                .setType(FeatureType.FLOAT)
                .setFloatDomain(
                        FloatDomain.newBuilder().setMin(Float.NEGATIVE_INFINITY).setMax(Float.NaN))
                .setLifecycleStage(LifecycleStage.VALIDATION_DERIVED)
                .setValidationDerivedSource(DerivedFeatureSource.newBuilder()
                        .setDeriverName("ratio")
                        .addSourcePath(path("tips"))
                        .addSourcePath(path("fare"))
                        .setDeclarativelyConfigured(false))
                .build();

        TensorRepresentation fareTensor = TensorRepresentation.newBuilder()
                .setDenseTensor(TensorRepresentation.DenseTensor.newBuilder()
                        .setColumnName("fare")
                        .setShape(shape(1))
                        .setDefaultValue(
                                TensorRepresentation.DefaultValue.newBuilder().setFloatValue(-0.0)))
                .build();
        TensorRepresentation tripTensor = TensorRepresentation.newBuilder()
                .setRaggedTensor(TensorRepresentation.RaggedTensor.newBuilder()
                        .setFeaturePath(path("trip", "stops"))
                        .setRowPartitionDtype(TensorRepresentation.RowPartitionDType.INT64)
                        .addPartition(TensorRepresentation.RaggedTensor.Partition.newBuilder()
                                .setUniformRowLength(2))
                        .addPartition(TensorRepresentation.RaggedTensor.Partition.newBuilder()
                                .setRowLength("n")))
                .build();
        TensorRepresentation tagsTensor = TensorRepresentation.newBuilder()
                .setVarlenSparseTensor(
                        TensorRepresentation.VarLenSparseTensor.newBuilder().setColumnName("tags"))
                .build();
        TensorRepresentation sparseTensor = TensorRepresentation.newBuilder()
                .setSparseTensor(TensorRepresentation.SparseTensor.newBuilder()
                        .setDenseShape(shape(10))
                        .addIndexColumnNames("waypoint_index")
                        .setValueColumnName("waypoint")
                        .setAlreadySorted(true))
                .build();

        return Schema.newBuilder()
                .setRepresentVariableLengthAsRagged(true)
                .putTensorRepresentationGroup(
                        "sequence",
                        TensorRepresentationGroup.newBuilder()
                                .putTensorRepresentation("tags", tagsTensor)
                                .putTensorRepresentation("sparse", sparseTensor)
                                .build())
                .putTensorRepresentationGroup(
                        "",
                        TensorRepresentationGroup.newBuilder()
                                .putTensorRepresentation("trip", tripTensor)
                                .putTensorRepresentation("fare", fareTensor)
                                .build())
                .addWeightedFeature(WeightedFeature.newBuilder()
                        .setName("weighted_fare")
                        .setFeature(path("fare"))
                        .setWeightFeature(path("trips"))
                        .setLifecycleStage(LifecycleStage.ALPHA))
                .setDatasetConstraints(DatasetConstraints.newBuilder()
                        .setNumExamplesDriftComparator(NumericValueComparator.newBuilder()
                                .setMinFractionThreshold(0.5)
                                .setMaxFractionThreshold(2.0))
                        .setNumExamplesVersionComparator(NumericValueComparator.newBuilder()
                                .setMinFractionThreshold(1e-300)
                                .setMaxFractionThreshold(1.5e300))
                        .setMinExamplesCount(1000)
                        .setMaxExamplesCount(1234567890123456L))
                .addIntDomain(
                        IntDomain.newBuilder().setName("year").setMin(1970).setMax(2100))
                .addFloatDomain(
                        FloatDomain.newBuilder().setName("ratio").setMin(-1.5f).setMax(1e30f))
                .setAnnotation(Annotation.newBuilder().addTag("golden").addComment("every domain kind"))
                .setGenerateLegacyFeatureSpec(false)
                .addSparseFeature(SparseFeature.newBuilder()
                        .setName("sparse")
                        .setLifecycleStage(LifecycleStage.BETA)
                        .setDenseShape(shape(10))
                        .addIndexFeature(SparseFeature.IndexFeature.newBuilder().setName("index"))
                        .setIsSorted(true)
                        .setValueFeature(SparseFeature.ValueFeature.newBuilder().setName("value")))
                .addDefaultEnvironment("TRAINING")
                .addDefaultEnvironment("SERVING")
                .addStringDomain(StringDomain.newBuilder()
                        .setName("company")
                        .addValue("Flash Cab")
                        .addValue("Taxi Affiliation Services")
                        .addValue("")
                        .setIsCategorical(StringDomain.Categorical.CATEGORICAL_NO))
                .addFeature(company)
                .addFeature(trips)
                .addFeature(fare)
                .addFeature(paymentType)
                .addFeature(isActive)
                .addFeature(trip)
                .addFeature(review)
                .addFeature(photo)
                .addFeature(sound)
                .addFeature(clip)
                .addFeature(passage)
                .addFeature(entity)
                .addFeature(homepage)
                .addFeature(pickupTime)
                .addFeature(startTimestamp)
                .addFeature(startOfDay)
                .addFeature(clockTime)
                .addFeature(tipRatio)
                .build();
    }
}
