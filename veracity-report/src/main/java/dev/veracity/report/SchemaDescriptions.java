package dev.veracity.report;

import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureComparator;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes a schema's features in short phrases for the report (type, presence, valency, domain, notes).
 *
 * <pre>{@code
 * FeatureSchema described = new SchemaDescriptions(schema).describe(schema.getFeature(0));
 * }</pre>
 */
public final class SchemaDescriptions {
    /** Domain values listed in the phrase; the rest are counted. */
    static final int MAX_DOMAIN_VALUES = 12;

    private final Schema schema;

    /** @param schema the schema whose global string domains named features refer to */
    public SchemaDescriptions(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema is null");
    }

    /** {@return the description of one of the schema's features} */
    public FeatureSchema describe(Feature feature) {
        String presence = "";
        if (feature.hasPresence()) {
            double fraction = feature.getPresence().getMinFraction();
            long count = feature.getPresence().getMinCount();
            presence =
                    fraction >= 1 ? "required" : fraction > 0 ? "present in at least " + percent(fraction) : "optional";
            if (count > 0) {
                presence += " (at least " + count + (count == 1 ? " example)" : " examples)");
            }
        }
        String valency = "";
        if (feature.hasValueCount()) {
            long min = feature.getValueCount().getMin();
            long max = feature.getValueCount().getMax();
            valency = min == max && max > 0
                    ? "exactly " + min + (min == 1 ? " value" : " values")
                    : max > 0 ? min + " to " + max + " values" : "at least " + min + (min == 1 ? " value" : " values");
        } else if (feature.hasShape()) {
            valency = "shape "
                    + feature.getShape().getDimList().stream()
                            .map(d -> Long.toString(d.getSize()))
                            .toList();
        }
        List<String> notes = new ArrayList<>();
        if (feature.getDeprecated() || feature.getLifecycleStage() == LifecycleStage.DEPRECATED) {
            notes.add("deprecated");
        }
        if (!feature.getNotInEnvironmentList().isEmpty()) {
            notes.add("not in " + String.join(", ", feature.getNotInEnvironmentList()));
        }
        if (!feature.getInEnvironmentList().isEmpty()) {
            notes.add("only in " + String.join(", ", feature.getInEnvironmentList()));
        }
        comparator("drift", feature.hasDriftComparator(), feature.getDriftComparator(), notes);
        comparator("skew", feature.hasSkewComparator(), feature.getSkewComparator(), notes);
        return new FeatureSchema(feature.getType().name(), presence, valency, domain(feature), notes);
    }

    private String domain(Feature feature) {
        return switch (feature.getDomainInfoCase()) {
            case DOMAIN ->
                globalDomain(feature.getDomain())
                        .map(d -> values(d) + " (domain " + d.getName() + ")")
                        .orElse("domain " + feature.getDomain() + " (not in the schema)");
            case STRING_DOMAIN -> values(feature.getStringDomain());
            case INT_DOMAIN ->
                range(
                                feature.getIntDomain().hasMin()
                                        ? Long.toString(feature.getIntDomain().getMin())
                                        : "",
                                feature.getIntDomain().hasMax()
                                        ? Long.toString(feature.getIntDomain().getMax())
                                        : "")
                        + (feature.getIntDomain().getIsCategorical() ? " categorical" : "");
            case FLOAT_DOMAIN ->
                range(
                                feature.getFloatDomain().hasMin()
                                        ? Float.toString(
                                                feature.getFloatDomain().getMin())
                                        : "",
                                feature.getFloatDomain().hasMax()
                                        ? Float.toString(
                                                feature.getFloatDomain().getMax())
                                        : "")
                        + (feature.getFloatDomain().getDisallowNan() ? ", no NaN" : "");
            case BOOL_DOMAIN -> "boolean";
            case STRUCT_DOMAIN -> "struct of " + feature.getStructDomain().getFeatureCount() + " features";
            case DOMAININFO_NOT_SET -> "";
            case NATURAL_LANGUAGE_DOMAIN,
                    IMAGE_DOMAIN,
                    AUDIO_DOMAIN,
                    VIDEO_DOMAIN,
                    CONTENT_CHUNK_DOMAIN,
                    MID_DOMAIN,
                    URL_DOMAIN,
                    TIME_DOMAIN,
                    TIME_OF_DAY_DOMAIN ->
                feature.getDomainInfoCase().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private Optional<StringDomain> globalDomain(String name) {
        return schema.getStringDomainList().stream()
                .filter(d -> d.getName().equals(name))
                .findFirst();
    }

    private static String values(StringDomain domain) {
        int n = domain.getValueCount();
        List<String> shown = domain.getValueList().subList(0, Math.min(n, MAX_DOMAIN_VALUES));
        return n
                + (n == 1 ? " value: " : " values: ")
                + String.join(", ", shown)
                + (n > shown.size() ? ", ... (" + (n - shown.size()) + " more)" : "");
    }

    private static String range(String min, String max) {
        if (min.isEmpty() && max.isEmpty()) {
            return "any number";
        }
        return "[" + (min.isEmpty() ? "-inf" : min) + ", " + (max.isEmpty() ? "+inf" : max) + "]";
    }

    private static void comparator(String kind, boolean present, FeatureComparator comparator, List<String> notes) {
        if (!present) {
            return;
        }
        if (comparator.getInfinityNorm().hasThreshold()) {
            notes.add(kind + ": L-infinity <= " + comparator.getInfinityNorm().getThreshold());
        }
        if (comparator.getNormalizedAbsDifference().hasThreshold()) {
            notes.add(kind + ": normalized abs. difference <= "
                    + comparator.getNormalizedAbsDifference().getThreshold());
        }
        if (comparator.getJensenShannonDivergence().hasThreshold()) {
            notes.add(kind + ": Jensen-Shannon <= "
                    + comparator.getJensenShannonDivergence().getThreshold());
        }
    }

    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction * 100)
                        .round(new MathContext(4))
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }
}
