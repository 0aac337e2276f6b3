package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_COVERAGE_TOO_LOW;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_COVERAGE_TOO_SHORT_AVG_TOKEN_LENGTH;
import static dev.veracity.proto.AnomalyInfo.Type.SEQUENCE_VALUE_TOO_FEW_OCCURRENCES;
import static dev.veracity.proto.AnomalyInfo.Type.SEQUENCE_VALUE_TOO_LARGE_FRACTION;
import static dev.veracity.proto.AnomalyInfo.Type.SEQUENCE_VALUE_TOO_MANY_OCCURRENCES;
import static dev.veracity.proto.AnomalyInfo.Type.SEQUENCE_VALUE_TOO_SMALL_FRACTION;
import static dev.veracity.proto.AnomalyInfo.Type.STATS_NOT_AVAILABLE;
import static dev.veracity.schema.Numbers.sixDigits;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureCoverageConstraints;
import dev.veracity.proto.NaturalLanguageDomain;
import dev.veracity.proto.NaturalLanguageStatistics;
import dev.veracity.proto.SequenceValueConstraints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TFDV's checks of a {@code natural_language_domain} ({@code UpdateNaturalLanguageDomain}) against the
 * {@code nl_statistics} custom statistic (a {@code NaturalLanguageStatistics} packed in an {@code Any}): coverage,
 * average token length, and per-token constraints. Constraints without the statistics to check them give
 * STATS_NOT_AVAILABLE and clear the domain; a violated bound is moved to the observed value (a float bound rounded
 * outwards, so that the statistics then conform).
 */
final class NaturalLanguageChecks {
    /** The custom statistic TFDV's natural-language generator writes. */
    static final String NL_STATISTICS = "nl_statistics";

    private NaturalLanguageChecks() {}

    /** {@return the statistics' natural-language statistics, if they carry readable ones} */
    static Optional<NaturalLanguageStatistics> statistics(FeatureView view) {
        for (CustomStatistic custom : view.stats().getCustomStatsList()) {
            if (custom.getName().equals(NL_STATISTICS) && custom.hasAny()) {
                try {
                    return Optional.of(custom.getAny().unpack(NaturalLanguageStatistics.class));
                } catch (InvalidProtocolBufferException e) {
                    return Optional.empty(); // TFDV logs a warning and checks nothing
                }
            }
        }
        return Optional.empty();
    }

    /** {@return what had to change in the feature's natural-language domain to accept its statistics} */
    static List<Description> check(Feature.Builder feature, FeatureView view) {
        List<Description> found = new ArrayList<>();
        boolean present = view.stats().getCustomStatsList().stream()
                .anyMatch(c -> c.getName().equals(NL_STATISTICS));
        Optional<NaturalLanguageStatistics> read = statistics(view);
        if (present && read.isEmpty()) {
            return found;
        }
        NaturalLanguageDomain.Builder domain = feature.getNaturalLanguageDomainBuilder();
        FeatureCoverageConstraints coverage = domain.getCoverage();
        if ((coverage.hasMinCoverage() || coverage.hasMinAvgTokenLength() || domain.getTokenConstraintsCount() > 0)
                && read.isEmpty()) {
            return notAvailable(feature);
        }
        NaturalLanguageStatistics stats = read.orElse(NaturalLanguageStatistics.getDefaultInstance());
        if (coverage.hasMinCoverage() && coverage.getMinCoverage() > stats.getFeatureCoverage()) {
            found.add(new Description(
                    FEATURE_COVERAGE_TOO_LOW,
                    "Feature coverage is too low.",
                    "Fraction of tokens in the vocabulary: " + sixDigits(stats.getFeatureCoverage())
                            + " is lower than the threshold set in the Schema: "
                            + sixDigits(coverage.getMinCoverage()) + "."));
            domain.getCoverageBuilder().setMinCoverage(floatAtMost(stats.getFeatureCoverage()));
        }
        if (coverage.hasMinAvgTokenLength() && stats.getAvgTokenLength() < coverage.getMinAvgTokenLength()) {
            found.add(new Description(
                    FEATURE_COVERAGE_TOO_SHORT_AVG_TOKEN_LENGTH,
                    "Average token length is too short.",
                    "Average token length is: " + sixDigits(stats.getAvgTokenLength())
                            + " which is lower than the threshold set in the Schema: "
                            + sixDigits(coverage.getMinAvgTokenLength()) + "."));
            domain.getCoverageBuilder().setMinAvgTokenLength(floatAtMost(stats.getAvgTokenLength()));
        }
        Map<Object, NaturalLanguageStatistics.TokenStatistics> tokens = new HashMap<>();
        for (NaturalLanguageStatistics.TokenStatistics token : stats.getTokenStatisticsList()) {
            switch (token.getTokenCase()) {
                case INT_TOKEN -> tokens.putIfAbsent(token.getIntToken(), token);
                case STRING_TOKEN -> tokens.putIfAbsent(token.getStringToken(), token);
                case TOKEN_NOT_SET -> {}
            }
        }
        for (SequenceValueConstraints.Builder constraint : domain.getTokenConstraintsBuilderList()) {
            if (constraint.getValueCase() == SequenceValueConstraints.ValueCase.VALUE_NOT_SET) {
                continue;
            }
            Object key = constraint.hasIntValue() ? (Object) constraint.getIntValue() : constraint.getStringValue();
            String text =
                    constraint.hasIntValue() ? Long.toString(constraint.getIntValue()) : constraint.getStringValue();
            NaturalLanguageStatistics.TokenStatistics token = tokens.get(key);
            if (token == null) {
                found.addAll(notAvailable(feature));
                return found;
            }
            checkToken(token, text, constraint, found);
        }
        return found;
    }

    private static List<Description> notAvailable(Feature.Builder feature) {
        feature.clearNaturalLanguageDomain();
        return List.of(new Description(
                STATS_NOT_AVAILABLE,
                "Natural language stats are not computed.",
                "Constraints specified in natural language domain cannot be verified because natural language "
                        + "stats have not been computed."));
    }

    private static void checkToken(
            NaturalLanguageStatistics.TokenStatistics token,
            String text,
            SequenceValueConstraints.Builder constraint,
            List<Description> found) {
        double fraction = token.getFractionOfSequences();
        if (constraint.hasMinFractionOfSequences() && constraint.getMinFractionOfSequences() > fraction) {
            found.add(new Description(
                    SEQUENCE_VALUE_TOO_SMALL_FRACTION,
                    "Value occurs in too small a fraction of sequences.",
                    "Fraction of sequences with value: " + text + " is: " + sixDigits(fraction)
                            + " which is lower than the threshold set in the Schema: "
                            + sixDigits(constraint.getMinFractionOfSequences()) + "."));
            constraint.setMinFractionOfSequences(floatAtMost(fraction));
        }
        if (constraint.hasMaxFractionOfSequences() && constraint.getMaxFractionOfSequences() < fraction) {
            found.add(new Description(
                    SEQUENCE_VALUE_TOO_LARGE_FRACTION,
                    "Value occurs in too large a fraction of sequences.",
                    "Fraction of sequences with value: " + text + " is: " + sixDigits(fraction)
                            + " which is higher than the threshold set in the Schema: "
                            + sixDigits(constraint.getMaxFractionOfSequences()) + "."));
            constraint.setMaxFractionOfSequences(floatAtLeast(fraction));
        }
        double least = token.getPerSequenceMinFrequency();
        if (constraint.hasMinPerSequence() && constraint.getMinPerSequence() > least) {
            found.add(new Description(
                    SEQUENCE_VALUE_TOO_FEW_OCCURRENCES,
                    "Value has too few per-sequence occurrences.",
                    "Value: " + text + " occurs at least: " + sixDigits(least)
                            + " times within a sequence, which is lower than the threshold set in the Schema: "
                            + constraint.getMinPerSequence() + "."));
            constraint.setMinPerSequence((long) Math.floor(least));
        }
        double most = token.getPerSequenceMaxFrequency();
        if (constraint.hasMaxPerSequence() && constraint.getMaxPerSequence() < most) {
            found.add(new Description(
                    SEQUENCE_VALUE_TOO_MANY_OCCURRENCES,
                    "Value has too many per-sequence occurrences.",
                    "Value: " + text + " occurs at most: " + sixDigits(most)
                            + " times within a sequence, which is higher than the threshold set in the Schema: "
                            + constraint.getMaxPerSequence() + "."));
            constraint.setMaxPerSequence((long) Math.ceil(most));
        }
    }

    /** {@return the largest float not above {@code value}} */
    private static float floatAtMost(double value) {
        float f = (float) value;
        return f > value ? Math.nextDown(f) : f;
    }

    /** {@return the smallest float not below {@code value}} */
    private static float floatAtLeast(double value) {
        float f = (float) value;
        return f < value ? Math.nextUp(f) : f;
    }
}
