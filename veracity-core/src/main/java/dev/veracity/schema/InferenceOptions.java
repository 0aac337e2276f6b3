package dev.veracity.schema;

/**
 * How a schema is inferred from statistics. The defaults are TFDV's SchemaGen: value counts rather than shapes,
 * string domains for up to 100 distinct values, no numeric ranges.
 *
 * <pre>{@code
 * Schema schema = SchemaInference.infer(stats, InferenceOptions.defaults().withRanges(0.1));
 * }</pre>
 *
 * @param inferShape    write {@code shape} for features with the same number of values in every example
 * @param maxDomainSize the most distinct strings that make a string domain (TFDV's max_string_domain_size)
 * @param inferRanges   (extension) write min/max domains for INT and FLOAT features from the observed range
 * @param rangeMargin   (extension) how far past the observed range, as a fraction of it, the domain reaches
 * @param intValueSets  (extension) categorical INT features with few values get the values as a string domain
 */
public record InferenceOptions(
        boolean inferShape, int maxDomainSize, boolean inferRanges, double rangeMargin, boolean intValueSets) {
    /** TFDV's threshold when validation adds a new column to the fixed schema. */
    static final int VALIDATION_DOMAIN_SIZE = 400;

    public InferenceOptions {
        if (maxDomainSize < 0) {
            throw new IllegalArgumentException("maxDomainSize must be at least 0, was " + maxDomainSize);
        }
        if (!(rangeMargin >= 0) || Double.isInfinite(rangeMargin)) {
            throw new IllegalArgumentException("rangeMargin must be a finite number at least 0, was " + rangeMargin);
        }
    }

    /** {@return TFDV's defaults} */
    public static InferenceOptions defaults() {
        return new InferenceOptions(false, 100, false, 0.1, false);
    }

    public InferenceOptions withShape(boolean inferShape) {
        return new InferenceOptions(inferShape, maxDomainSize, inferRanges, rangeMargin, intValueSets);
    }

    public InferenceOptions withMaxDomainSize(int maxDomainSize) {
        return new InferenceOptions(inferShape, maxDomainSize, inferRanges, rangeMargin, intValueSets);
    }

    /** {@return options that infer numeric ranges reaching {@code margin} of the observed range past each end} */
    public InferenceOptions withRanges(double margin) {
        return new InferenceOptions(inferShape, maxDomainSize, true, margin, intValueSets);
    }

    public InferenceOptions withIntValueSets(boolean intValueSets) {
        return new InferenceOptions(inferShape, maxDomainSize, inferRanges, rangeMargin, intValueSets);
    }
}
