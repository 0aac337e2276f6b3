package dev.veracity.stats;

import dev.veracity.ConfigException;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureCoverageConstraints;
import dev.veracity.proto.NaturalLanguageDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SequenceValueConstraints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A feature whose schema declares a {@code natural_language_domain}, with what TFDV's natural-language statistics
 * generator reads of it: the vocabulary (tokens by line number), the tokens excluded from coverage or out of
 * vocabulary, the tokens with constraints, and the tokens not counted in sequence lengths.
 *
 * <pre>{@code
 * List<NaturalLanguageFeature> nl = NaturalLanguageFeature.of(schema, Map.of("vocab", List.of("a", "b")));
 * }</pre>
 *
 * @param name                          the column
 * @param vocabulary                    the vocabulary's tokens, the i-th token mapping to integer i; empty for none
 * @param hasVocabulary                 whether the domain names a vocabulary
 * @param excludedStringTokens          coverage.excluded_string_tokens
 * @param excludedIntTokens             coverage.excluded_int_tokens
 * @param oovStringTokens               coverage.oov_string_tokens
 * @param intTokens                     tokens of the int token constraints
 * @param stringTokens                  tokens of the string token constraints
 * @param sequenceExcludedIntTokens     sequence_length_constraints.excluded_int_value
 * @param sequenceExcludedStringTokens  sequence_length_constraints.excluded_string_value
 */
public record NaturalLanguageFeature(
        String name,
        List<String> vocabulary,
        boolean hasVocabulary,
        Set<String> excludedStringTokens,
        Set<Long> excludedIntTokens,
        Set<String> oovStringTokens,
        Set<Long> intTokens,
        Set<String> stringTokens,
        Set<Long> sequenceExcludedIntTokens,
        Set<String> sequenceExcludedStringTokens) {

    public NaturalLanguageFeature {
        Objects.requireNonNull(name, "name is null");
        vocabulary = List.copyOf(vocabulary);
        excludedStringTokens = Set.copyOf(excludedStringTokens);
        excludedIntTokens = Set.copyOf(excludedIntTokens);
        oovStringTokens = Set.copyOf(oovStringTokens);
        intTokens = new LinkedHashSet<>(intTokens);
        stringTokens = new LinkedHashSet<>(stringTokens);
        sequenceExcludedIntTokens = Set.copyOf(sequenceExcludedIntTokens);
        sequenceExcludedStringTokens = Set.copyOf(sequenceExcludedStringTokens);
    }

    /**
     * {@return TFDV's described natural-language features of {@code schema}}: top-level features with a
     * {@code natural_language_domain} that names a vocabulary or excludes or marks tokens (TFDV describes no other)
     *
     * @param vocabularies the vocabularies by the name a domain's {@code vocabulary} gives, each a list of tokens
     * @throws ConfigException if a domain names a vocabulary that {@code vocabularies} lacks
     */
    public static List<NaturalLanguageFeature> of(Schema schema, Map<String, List<String>> vocabularies) {
        List<NaturalLanguageFeature> features = new ArrayList<>();
        for (Feature feature : schema.getFeatureList()) {
            if (!feature.hasNaturalLanguageDomain()) {
                continue;
            }
            NaturalLanguageDomain domain = feature.getNaturalLanguageDomain();
            FeatureCoverageConstraints coverage = domain.getCoverage();
            boolean described = !domain.getVocabulary().isEmpty()
                    || coverage.getExcludedStringTokensCount() > 0
                    || coverage.getExcludedIntTokensCount() > 0
                    || coverage.getOovStringTokensCount() > 0;
            if (!described) {
                continue;
            }
            List<String> vocabulary = List.of();
            if (!domain.getVocabulary().isEmpty()) {
                vocabulary = vocabularies.get(domain.getVocabulary());
                if (vocabulary == null) {
                    throw new ConfigException("feature \"" + feature.getName() + "\": expected a vocabulary file for "
                            + "its natural_language_domain's vocabulary \"" + domain.getVocabulary()
                            + "\" (--vocab NAME=FILE), found none");
                }
            }
            Set<Long> ints = new LinkedHashSet<>();
            Set<String> strings = new LinkedHashSet<>();
            for (SequenceValueConstraints constraint : domain.getTokenConstraintsList()) {
                if (constraint.hasIntValue()) {
                    ints.add(constraint.getIntValue());
                } else {
                    strings.add(constraint.getStringValue());
                }
            }
            features.add(new NaturalLanguageFeature(
                    feature.getName(),
                    vocabulary,
                    !domain.getVocabulary().isEmpty(),
                    Set.copyOf(coverage.getExcludedStringTokensList()),
                    Set.copyOf(coverage.getExcludedIntTokensList()),
                    Set.copyOf(coverage.getOovStringTokensList()),
                    ints,
                    strings,
                    Set.copyOf(domain.getSequenceLengthConstraints().getExcludedIntValueList()),
                    Set.copyOf(domain.getSequenceLengthConstraints().getExcludedStringValueList())));
        }
        return features;
    }

    /** {@return the vocabulary as token to integer (a repeated token maps to its last line, as TFDV's)} */
    Map<String, Long> tokenIds() {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), (long) i);
        }
        return ids;
    }
}
