package dev.veracity.cli;

import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.ValueCount;
import dev.veracity.schema.FeatureRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a schema as TFDV's {@code display_schema} does, within 100 columns: a feature table (name, type, presence,
 * valency, domain, and where it applies environments or deprecation), then the string domains and their values.
 * A BYTES feature with a string domain shows as STRING, as in TFDV.
 */
final class SchemaTable {
    private static final String FEATURE_FORMAT = "%-26s %-7s %-9s %-11s %-20s %s%n";
    private static final int WIDTH = 100;

    String render(Schema schema) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Schema: %d features, %d string domains%s%n%n",
                schema.getFeatureCount(),
                schema.getStringDomainCount(),
                schema.getDefaultEnvironmentCount() == 0
                        ? ""
                        : ", environments " + String.join(", ", schema.getDefaultEnvironmentList())));
        text.append(String.format(
                Locale.ROOT, FEATURE_FORMAT, "Feature name", "Type", "Presence", "Valency", "Domain", "Notes"));
        List<String[]> rows = new ArrayList<>();
        addRows(schema.getFeatureList(), "", rows);
        for (String[] row : rows) {
            text.append(clip(String.format(Locale.ROOT, FEATURE_FORMAT, (Object[]) row)
                            .stripTrailing()))
                    .append('\n');
        }
        List<StringDomain> domains = new ArrayList<>(schema.getStringDomainList());
        schema.getFeatureList().stream()
                .filter(Feature::hasStringDomain)
                .forEach(f -> domains.add(f.getStringDomain().toBuilder()
                        .setName("(" + f.getName() + ")")
                        .build()));
        if (!domains.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%n%-26s %s%n", "Domain", "Values"));
            for (StringDomain domain : domains) {
                text.append(clip(String.format(
                                Locale.ROOT,
                                "%-26s %s",
                                clip(domain.getName(), 26),
                                domain.getValueCount() + ": "
                                        + domain.getValueList().stream()
                                                .map(v -> "'" + v + "'")
                                                .collect(Collectors.joining(", ")))))
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static void addRows(List<Feature> features, String prefix, List<String[]> rows) {
        for (Feature feature : features) {
            String name = prefix + feature.getName();
            rows.add(new String[] {
                clip(name, 26),
                type(feature),
                presence(feature),
                valency(feature),
                clip(domain(feature), 20),
                notes(feature)
            });
            if (feature.hasStructDomain()) {
                addRows(feature.getStructDomain().getFeatureList(), name + ".", rows);
            }
        }
    }

    private static String type(Feature feature) {
        if (feature.getType() == FeatureType.BYTES && (feature.hasDomain() || feature.hasStringDomain())) {
            return "STRING";
        }
        return feature.getType().name();
    }

    private static String presence(Feature feature) {
        return feature.getPresence().getMinFraction() >= 1.0 ? "required" : "optional";
    }

    private static String valency(Feature feature) {
        if (feature.hasShape()) {
            return feature.getShape().getDimList().stream()
                    .map(d -> Long.toString(d.getSize()))
                    .collect(Collectors.joining(",", "[", "]"));
        }
        if (feature.hasValueCount()) {
            return valency(feature.getValueCount());
        }
        if (feature.hasValueCounts()) {
            return feature.getValueCounts().getValueCountList().stream()
                    .map(SchemaTable::valency)
                    .collect(Collectors.joining(" "));
        }
        return "";
    }

    private static String valency(ValueCount count) {
        if (count.getMin() == 1 && count.getMax() == 1) {
            return "single";
        }
        return "[" + count.getMin() + "," + (count.hasMax() ? count.getMax() + "]" : "inf)");
    }

    private static String domain(Feature feature) {
        return switch (feature.getDomainInfoCase()) {
            case DOMAIN -> "'" + feature.getDomain() + "'";
            case STRING_DOMAIN -> feature.getStringDomain().getValueCount() + " values";
            case INT_DOMAIN ->
                feature.getIntDomain().getIsCategorical()
                        ? "categorical int"
                        : range(
                                "int",
                                feature.getIntDomain().hasMin(),
                                feature.getIntDomain().getMin(),
                                feature.getIntDomain().hasMax(),
                                feature.getIntDomain().getMax());
            case FLOAT_DOMAIN ->
                feature.getFloatDomain().getIsCategorical()
                        ? "categorical float"
                        : range(
                                "float",
                                feature.getFloatDomain().hasMin(),
                                feature.getFloatDomain().getMin(),
                                feature.getFloatDomain().hasMax(),
                                feature.getFloatDomain().getMax());
            case BOOL_DOMAIN -> "bool";
            case DOMAININFO_NOT_SET -> "-";
            default ->
                feature.getDomainInfoCase().name().toLowerCase(Locale.ROOT).replace("_domain", "");
        };
    }

    private static String range(String kind, boolean hasMin, Number min, boolean hasMax, Number max) {
        if (!hasMin && !hasMax) {
            return kind;
        }
        return (hasMin ? "[" + min : "(-inf") + ", " + (hasMax ? max + "]" : "inf)");
    }

    private static String notes(Feature feature) {
        List<String> notes = new ArrayList<>();
        if (FeatureRules.isDeprecated(feature)) {
            notes.add(
                    feature.getLifecycleStage().name().toLowerCase(Locale.ROOT).replace("unknown_stage", "deprecated"));
        }
        if (feature.getInEnvironmentCount() > 0) {
            notes.add("in " + String.join(",", feature.getInEnvironmentList()));
        }
        if (feature.getNotInEnvironmentCount() > 0) {
            notes.add("not in " + String.join(",", feature.getNotInEnvironmentList()));
        }
        return String.join("; ", notes);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String clip(String line) {
        return clip(line, WIDTH);
    }
}
