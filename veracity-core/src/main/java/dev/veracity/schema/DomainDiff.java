package dev.veracity.schema;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import dev.veracity.proto.BoolDomain;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The domain aspects of one feature's change. A {@code domain:} reference is resolved to the top-level string domain
 * it names, so renaming or inlining a domain with the same values is no change; editing a shared top-level domain is a
 * change of every feature that names it.
 */
final class DomainDiff {
    private final Schema before;
    private final Schema after;
    private final Consumer<Aspect> changes;

    /** One changed aspect, before its feature's path is attached. */
    record Aspect(String aspect, String before, String after, boolean breaking) {}

    DomainDiff(Schema before, Schema after, Consumer<Aspect> changes) {
        this.before = before;
        this.after = after;
        this.changes = changes;
    }

    void compare(Feature old, Feature neu) {
        Optional<StringDomain> oldStrings = stringDomain(before, old);
        Optional<StringDomain> newStrings = stringDomain(after, neu);
        if (oldStrings.isPresent() && newStrings.isPresent()) {
            compareStrings(oldStrings.get(), newStrings.get());
        } else if (old.hasIntDomain() && neu.hasIntDomain()) {
            compareInts(old.getIntDomain(), neu.getIntDomain());
        } else if (old.hasFloatDomain() && neu.hasFloatDomain()) {
            compareFloats(old.getFloatDomain(), neu.getFloatDomain());
        } else if (old.hasBoolDomain() && neu.hasBoolDomain()) {
            compareBools(old.getBoolDomain(), neu.getBoolDomain());
        } else if (old.hasStructDomain() && neu.hasStructDomain()) {
            // children are compared as features; sparse features of the struct are not understood: conservative
            if (!old.getStructDomain()
                    .getSparseFeatureList()
                    .equals(neu.getStructDomain().getSparseFeatureList())) {
                changes.accept(new Aspect(
                        "struct_domain.sparse_feature",
                        text(old.getStructDomain().getSparseFeatureList()),
                        text(neu.getStructDomain().getSparseFeatureList()),
                        true));
            }
        } else {
            String oldText = describe(before, old);
            String newText = describe(after, neu);
            if (!oldText.equals(newText)) {
                // dropping a domain relaxes; adding or swapping one is not proven relaxing
                changes.accept(new Aspect("domain", oldText, newText, !newText.isEmpty()));
            }
        }
        double oldMass = minDomainMass(old);
        double newMass = minDomainMass(neu);
        String oldMassText = old.getDistributionConstraints().hasMinDomainMass() ? number(oldMass) : "";
        String newMassText = neu.getDistributionConstraints().hasMinDomainMass() ? number(newMass) : "";
        if (!oldMassText.equals(newMassText)) {
            changes.accept(new Aspect(
                    "distribution_constraints.min_domain_mass", oldMassText, newMassText, newMass > oldMass));
        }
    }

    private void compareStrings(StringDomain old, StringDomain neu) {
        Set<String> oldValues = new LinkedHashSet<>(old.getValueList());
        Set<String> newValues = new LinkedHashSet<>(neu.getValueList());
        List<String> added = new ArrayList<>(newValues);
        added.removeAll(oldValues);
        List<String> removed = new ArrayList<>(oldValues);
        removed.removeAll(newValues);
        if (!added.isEmpty()) {
            changes.accept(new Aspect("string_domain.value", "", quoted(added), false));
        }
        if (!removed.isEmpty()) {
            changes.accept(new Aspect("string_domain.value", quoted(removed), "", true));
        }
        if (old.getIsCategorical() != neu.getIsCategorical()) {
            changes.accept(new Aspect(
                    "string_domain.is_categorical",
                    old.getIsCategorical().name(),
                    neu.getIsCategorical().name(),
                    false));
        }
    }

    private void compareInts(IntDomain old, IntDomain neu) {
        if (old.hasMin() != neu.hasMin() || old.getMin() != neu.getMin()) {
            long oldMin = old.hasMin() ? old.getMin() : Long.MIN_VALUE;
            long newMin = neu.hasMin() ? neu.getMin() : Long.MIN_VALUE;
            changes.accept(new Aspect(
                    "int_domain.min",
                    old.hasMin() ? Long.toString(old.getMin()) : "",
                    neu.hasMin() ? Long.toString(neu.getMin()) : "",
                    newMin > oldMin));
        }
        if (old.hasMax() != neu.hasMax() || old.getMax() != neu.getMax()) {
            long oldMax = old.hasMax() ? old.getMax() : Long.MAX_VALUE;
            long newMax = neu.hasMax() ? neu.getMax() : Long.MAX_VALUE;
            changes.accept(new Aspect(
                    "int_domain.max",
                    old.hasMax() ? Long.toString(old.getMax()) : "",
                    neu.hasMax() ? Long.toString(neu.getMax()) : "",
                    newMax < oldMax));
        }
        if (old.getIsCategorical() != neu.getIsCategorical()) {
            changes.accept(new Aspect(
                    "int_domain.is_categorical",
                    Boolean.toString(old.getIsCategorical()),
                    Boolean.toString(neu.getIsCategorical()),
                    false));
        }
    }

    private void compareFloats(FloatDomain old, FloatDomain neu) {
        if (old.hasMin() != neu.hasMin() || Float.compare(old.getMin(), neu.getMin()) != 0) {
            float oldMin = old.hasMin() ? old.getMin() : Float.NEGATIVE_INFINITY;
            float newMin = neu.hasMin() ? neu.getMin() : Float.NEGATIVE_INFINITY;
            changes.accept(new Aspect(
                    "float_domain.min",
                    old.hasMin() ? Float.toString(old.getMin()) : "",
                    neu.hasMin() ? Float.toString(neu.getMin()) : "",
                    newMin > oldMin));
        }
        if (old.hasMax() != neu.hasMax() || Float.compare(old.getMax(), neu.getMax()) != 0) {
            float oldMax = old.hasMax() ? old.getMax() : Float.POSITIVE_INFINITY;
            float newMax = neu.hasMax() ? neu.getMax() : Float.POSITIVE_INFINITY;
            changes.accept(new Aspect(
                    "float_domain.max",
                    old.hasMax() ? Float.toString(old.getMax()) : "",
                    neu.hasMax() ? Float.toString(neu.getMax()) : "",
                    newMax < oldMax));
        }
        if (old.getDisallowNan() != neu.getDisallowNan()) {
            changes.accept(new Aspect(
                    "float_domain.disallow_nan",
                    Boolean.toString(old.getDisallowNan()),
                    Boolean.toString(neu.getDisallowNan()),
                    neu.getDisallowNan()));
        }
        if (old.getDisallowInf() != neu.getDisallowInf()) {
            changes.accept(new Aspect(
                    "float_domain.disallow_inf",
                    Boolean.toString(old.getDisallowInf()),
                    Boolean.toString(neu.getDisallowInf()),
                    neu.getDisallowInf()));
        }
        // is_embedding, embedding_dim, embedding_type and is_categorical are not validated by TFDV
        FloatDomain oldRest = old.toBuilder()
                .clearMin()
                .clearMax()
                .clearDisallowNan()
                .clearDisallowInf()
                .build();
        FloatDomain newRest = neu.toBuilder()
                .clearMin()
                .clearMax()
                .clearDisallowNan()
                .clearDisallowInf()
                .build();
        if (!oldRest.equals(newRest)) {
            changes.accept(new Aspect("float_domain", text(oldRest), text(newRest), false));
        }
    }

    private void compareBools(BoolDomain old, BoolDomain neu) {
        if (!old.equals(neu)) {
            // the accepted values change: not proven relaxing
            changes.accept(new Aspect("bool_domain", text(old), text(neu), true));
        }
    }

    /** {@return the string domain a feature uses: the top-level one its reference names, or its inline one} */
    static Optional<StringDomain> stringDomain(Schema schema, Feature feature) {
        if (feature.hasStringDomain()) {
            return Optional.of(feature.getStringDomain());
        }
        if (feature.hasDomain()) {
            for (StringDomain domain : schema.getStringDomainList()) {
                if (domain.getName().equals(feature.getDomain())) {
                    return Optional.of(domain);
                }
            }
        }
        return Optional.empty();
    }

    /** {@return the domain as text, a {@code domain:} reference resolved; empty for no domain} */
    static String describe(Schema schema, Feature feature) {
        Optional<StringDomain> strings = stringDomain(schema, feature);
        if (strings.isPresent()) {
            return "string_domain " + quoted(strings.get().getValueList());
        }
        return switch (feature.getDomainInfoCase()) {
            case DOMAININFO_NOT_SET -> "";
            case DOMAIN -> "domain \"" + feature.getDomain() + "\" (no such string_domain)";
            case STRUCT_DOMAIN -> "struct_domain";
            case INT_DOMAIN,
                    FLOAT_DOMAIN,
                    STRING_DOMAIN,
                    BOOL_DOMAIN,
                    NATURAL_LANGUAGE_DOMAIN,
                    IMAGE_DOMAIN,
                    AUDIO_DOMAIN,
                    VIDEO_DOMAIN,
                    CONTENT_CHUNK_DOMAIN,
                    MID_DOMAIN,
                    URL_DOMAIN,
                    TIME_DOMAIN,
                    TIME_OF_DAY_DOMAIN -> {
                Message domain = (Message) feature.getField(Feature.getDescriptor()
                        .findFieldByNumber(feature.getDomainInfoCase().getNumber()));
                String fields = text(domain);
                yield feature.getDomainInfoCase().name().toLowerCase(Locale.ROOT)
                        + (fields.isEmpty() ? "" : " { " + fields + " }");
            }
        };
    }

    private static double minDomainMass(Feature feature) {
        return feature.getDistributionConstraints().hasMinDomainMass()
                ? feature.getDistributionConstraints().getMinDomainMass()
                : 1.0;
    }

    static String quoted(List<String> values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append('"')
                    .append(TextFormat.escapeDoubleQuotesAndBackslashes(value))
                    .append('"');
        }
        return text.toString();
    }

    static String text(Message message) {
        return TextFormat.printer()
                .emittingSingleLine(true)
                .printToString(message)
                .strip();
    }

    private static String text(List<? extends Message> messages) {
        StringBuilder text = new StringBuilder();
        for (Message message : messages) {
            text.append(text.isEmpty() ? "" : "; ").append(text(message));
        }
        return text.toString();
    }

    static String number(double value) {
        return Double.toString(value);
    }
}
