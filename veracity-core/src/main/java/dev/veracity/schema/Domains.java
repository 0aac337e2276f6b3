package dev.veracity.schema;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureOrBuilder;
import dev.veracity.proto.FeatureType;
import java.util.EnumSet;
import java.util.Set;

/** Facts about a feature's domain oneof: its name in messages, the types it may apply to, copying it. */
final class Domains {
    private static final OneofDescriptor DOMAIN_INFO = Feature.getDescriptor().getOneofs().stream()
            .filter(oneof -> oneof.getName().equals("domain_info"))
            .findFirst()
            .orElseThrow();

    private Domains() {}

    /** {@return the field name of the feature's domain, e.g. {@code string_domain}} */
    static String kind(FeatureOrBuilder feature) {
        return switch (feature.getDomainInfoCase()) {
            case DOMAIN -> "domain";
            case INT_DOMAIN -> "int_domain";
            case FLOAT_DOMAIN -> "float_domain";
            case STRING_DOMAIN -> "string_domain";
            case BOOL_DOMAIN -> "bool_domain";
            case STRUCT_DOMAIN -> "struct_domain";
            case NATURAL_LANGUAGE_DOMAIN -> "natural_language_domain";
            case IMAGE_DOMAIN -> "image_domain";
            case AUDIO_DOMAIN -> "audio_domain";
            case VIDEO_DOMAIN -> "video_domain";
            case CONTENT_CHUNK_DOMAIN -> "content_chunk_domain";
            case MID_DOMAIN -> "mid_domain";
            case URL_DOMAIN -> "url_domain";
            case TIME_DOMAIN -> "time_domain";
            case TIME_OF_DAY_DOMAIN -> "time_of_day_domain";
            case DOMAININFO_NOT_SET -> "no domain";
        };
    }

    /**
     * {@return the feature types the feature's domain may apply to, as TFDV allows them} A string domain on an INT
     * feature is our extension for categorical INT features and is allowed when the caller says so.
     */
    static Set<FeatureType> allowedTypes(FeatureOrBuilder feature, boolean intValueSets) {
        return switch (feature.getDomainInfoCase()) {
            case DOMAIN, STRING_DOMAIN ->
                intValueSets ? EnumSet.of(FeatureType.BYTES, FeatureType.INT) : EnumSet.of(FeatureType.BYTES);
            case BOOL_DOMAIN -> EnumSet.of(FeatureType.INT, FeatureType.BYTES, FeatureType.FLOAT);
            case INT_DOMAIN -> EnumSet.of(FeatureType.INT, FeatureType.BYTES);
            case FLOAT_DOMAIN -> EnumSet.of(FeatureType.FLOAT, FeatureType.BYTES);
            case STRUCT_DOMAIN -> EnumSet.of(FeatureType.STRUCT);
            case NATURAL_LANGUAGE_DOMAIN -> EnumSet.of(FeatureType.BYTES, FeatureType.INT);
            case IMAGE_DOMAIN, MID_DOMAIN, URL_DOMAIN -> EnumSet.of(FeatureType.BYTES);
            case TIME_DOMAIN -> EnumSet.of(FeatureType.INT, FeatureType.BYTES);
            default -> EnumSet.allOf(FeatureType.class);
        };
    }

    /** Copies the domain oneof of {@code from} onto {@code to}. */
    static void copyDomain(FeatureOrBuilder from, Feature.Builder to) {
        FieldDescriptor field = from.getOneofFieldDescriptor(DOMAIN_INFO);
        if (field == null) {
            to.clearOneof(DOMAIN_INFO);
        } else {
            to.setField(field, from.getField(field));
        }
    }

    /** Removes the feature's domain, whatever its kind. */
    static void clearDomain(Feature.Builder feature) {
        feature.clearOneof(DOMAIN_INFO);
    }

    /** {@return the largest float32 at most {@code value}} */
    static float floatAtMost(double value) {
        float f = (float) value;
        return f > value ? Math.nextDown(f) : f;
    }

    /** {@return the smallest float32 at least {@code value}} */
    static float floatAtLeast(double value) {
        float f = (float) value;
        return f < value ? Math.nextUp(f) : f;
    }
}
