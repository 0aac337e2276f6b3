package dev.veracity.stats;

import java.util.List;
import java.util.Objects;

/**
 * The semantic-domain statistics to compute (TFDV's {@code enable_semantic_domain_stats}): natural-language
 * statistics of the features the schema gives a {@code natural_language_domain}, and image statistics of every
 * string feature whose values are mostly images.
 *
 * <pre>{@code
 * SemanticDomains semantic = new SemanticDomains(NaturalLanguageFeature.of(schema, vocabularies), true);
 * StatisticsOptions options = StatisticsOptions.DEFAULT.withSemanticDomains(semantic);
 * }</pre>
 *
 * @param naturalLanguage the natural-language features, each described by {@code nl_statistics}
 * @param images          whether string features get TFDV's image statistics ({@code image_format_histogram},
 *                        {@code image_max_width}, {@code image_max_height}, {@code domain_info})
 */
public record SemanticDomains(List<NaturalLanguageFeature> naturalLanguage, boolean images) {
    /** No semantic-domain statistics, the default. */
    public static final SemanticDomains NONE = new SemanticDomains(List.of(), false);

    public SemanticDomains {
        naturalLanguage = List.copyOf(Objects.requireNonNull(naturalLanguage, "naturalLanguage is null"));
    }

    /** {@return whether nothing is computed} */
    public boolean isEmpty() {
        return naturalLanguage.isEmpty() && !images;
    }
}
