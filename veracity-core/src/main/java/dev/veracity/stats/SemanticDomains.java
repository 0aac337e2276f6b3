package dev.veracity.stats;

import java.util.List;
import java.util.Objects;

/**
 * The semantic-domain statistics to compute (TFDV's {@code enable_semantic_domain_stats}): natural-language
 * statistics of the features the schema gives a {@code natural_language_domain}, and TFDV's domain-inferring
 * generators on every feature: image statistics of string features whose values are mostly images, natural-language
 * and time-format detection.
 *
 * <pre>{@code
 * SemanticDomains semantic = new SemanticDomains(NaturalLanguageFeature.of(schema, vocabularies), true);
 * StatisticsOptions options = StatisticsOptions.DEFAULT.withSemanticDomains(semantic);
 * }</pre>
 *
 * @param naturalLanguage the natural-language features, each described by {@code nl_statistics}
 * @param inferDomains    whether every feature goes through TFDV's domain-inferring generators: image statistics
 *                        ({@code image_format_histogram}, {@code image_max_width}, {@code image_max_height}),
 *                        natural-language detection ({@code natural_language_match_rate}) and time-format detection
 *                        ({@code time_match_ratio}), each with the {@code domain_info} of the domain it found
 */
public record SemanticDomains(List<NaturalLanguageFeature> naturalLanguage, boolean inferDomains) {
    /** No semantic-domain statistics, the default. */
    public static final SemanticDomains NONE = new SemanticDomains(List.of(), false);

    public SemanticDomains {
        naturalLanguage = List.copyOf(Objects.requireNonNull(naturalLanguage, "naturalLanguage is null"));
    }

    /** {@return whether nothing is computed} */
    public boolean isEmpty() {
        return naturalLanguage.isEmpty() && !inferDomains;
    }
}
