package dev.veracity.beam;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.stats.CompositeFeatures;
import dev.veracity.stats.NaturalLanguageFeature;
import dev.veracity.stats.SemanticDomains;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The statistics beyond the per-column ones that {@link dev.veracity.stats.StatisticsOptions} may ask for, in a form
 * Beam can ship to workers: the sparse and weighted features a schema declares ({@link CompositeFeatures}) and the
 * semantic-domain statistics ({@link SemanticDomains}: natural-language features and domain inference), field by field.
 *
 * <pre>{@code
 * ExtraStatistics extra = ExtraStatistics.of(options.compositeFeatures(), options.semanticDomains());
 * StatisticsOptions same = options.withCompositeFeatures(extra.compositeFeatures());
 * }</pre>
 *
 * @param sparse          the sparse features
 * @param weighted        the weighted features
 * @param naturalLanguage the natural-language features
 * @param inferDomains    whether every feature goes through the domain-inferring generators (images, time, text)
 */
record ExtraStatistics(
        ArrayList<SparseFeature> sparse,
        ArrayList<WeightedFeature> weighted,
        ArrayList<LanguageFeature> naturalLanguage,
        boolean inferDomains)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    ExtraStatistics {
        sparse = new ArrayList<>(sparse);
        weighted = new ArrayList<>(weighted);
        naturalLanguage = new ArrayList<>(naturalLanguage);
    }

    /** {@return the fields of these options} */
    static ExtraStatistics of(CompositeFeatures composites, SemanticDomains semantic) {
        ArrayList<SparseFeature> sparse = new ArrayList<>();
        for (CompositeFeatures.Sparse s : composites.sparse()) {
            sparse.add(new SparseFeature(
                    s.path().toByteString(),
                    s.valueFeature(),
                    new ArrayList<>(s.indexFeatures()),
                    new ArrayList<>(s.indexLabels())));
        }
        ArrayList<WeightedFeature> weighted = new ArrayList<>();
        for (CompositeFeatures.Weighted w : composites.weighted()) {
            weighted.add(new WeightedFeature(w.name(), w.valueFeature(), w.weightFeature()));
        }
        ArrayList<LanguageFeature> language = new ArrayList<>();
        for (NaturalLanguageFeature f : semantic.naturalLanguage()) {
            language.add(new LanguageFeature(
                    f.name(),
                    new ArrayList<>(f.vocabulary()),
                    f.hasVocabulary(),
                    new LinkedHashSet<>(f.excludedStringTokens()),
                    new LinkedHashSet<>(f.excludedIntTokens()),
                    new LinkedHashSet<>(f.oovStringTokens()),
                    new LinkedHashSet<>(f.intTokens()),
                    new LinkedHashSet<>(f.stringTokens()),
                    new LinkedHashSet<>(f.sequenceExcludedIntTokens()),
                    new LinkedHashSet<>(f.sequenceExcludedStringTokens())));
        }
        return new ExtraStatistics(sparse, weighted, language, semantic.inferDomains());
    }

    /** {@return whether there is nothing beyond the per-column statistics} */
    boolean isEmpty() {
        return sparse.isEmpty() && weighted.isEmpty() && naturalLanguage.isEmpty() && !inferDomains;
    }

    /** {@return the sparse and weighted features, as the core names them} */
    CompositeFeatures compositeFeatures() {
        List<CompositeFeatures.Sparse> s = new ArrayList<>();
        for (SparseFeature f : sparse) {
            try {
                s.add(new CompositeFeatures.Sparse(
                        Path.parseFrom(f.path()), f.valueFeature(), f.indexFeatures(), f.indexLabels()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("a path written by toByteString did not parse", e);
            }
        }
        List<CompositeFeatures.Weighted> w = new ArrayList<>();
        for (WeightedFeature f : weighted) {
            w.add(new CompositeFeatures.Weighted(f.name(), f.valueFeature(), f.weightFeature()));
        }
        return new CompositeFeatures(s, w);
    }

    /** {@return the semantic-domain statistics, as the core names them} */
    SemanticDomains semanticDomains() {
        List<NaturalLanguageFeature> language = new ArrayList<>();
        for (LanguageFeature f : naturalLanguage) {
            language.add(new NaturalLanguageFeature(
                    f.name(),
                    f.vocabulary(),
                    f.hasVocabulary(),
                    f.excludedStringTokens(),
                    f.excludedIntTokens(),
                    f.oovStringTokens(),
                    f.intTokens(),
                    f.stringTokens(),
                    f.sequenceExcludedIntTokens(),
                    f.sequenceExcludedStringTokens()));
        }
        return new SemanticDomains(language, inferDomains);
    }

    /** {@link CompositeFeatures.Sparse}, its path as the bytes of the proto. */
    record SparseFeature(
            ByteString path, String valueFeature, ArrayList<String> indexFeatures, ArrayList<String> indexLabels)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** {@link CompositeFeatures.Weighted}. */
    record WeightedFeature(String name, String valueFeature, String weightFeature) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** {@link NaturalLanguageFeature}, with ordered sets (the order of token constraints is the order reported). */
    record LanguageFeature(
            String name,
            ArrayList<String> vocabulary,
            boolean hasVocabulary,
            LinkedHashSet<String> excludedStringTokens,
            LinkedHashSet<Long> excludedIntTokens,
            LinkedHashSet<String> oovStringTokens,
            LinkedHashSet<Long> intTokens,
            LinkedHashSet<String> stringTokens,
            LinkedHashSet<Long> sequenceExcludedIntTokens,
            LinkedHashSet<String> sequenceExcludedStringTokens)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
