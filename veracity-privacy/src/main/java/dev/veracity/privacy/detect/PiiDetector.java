package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a set of recognizers over a text and keeps the best non-overlapping findings: where two spans overlap (a
 * number that is both a valid phone and an SSN shape), the higher score wins, then the longer span.
 *
 * <pre>{@code
 * List<Finding> pii = PiiDetector.standard().find("mail bob@example.org", Context.NONE);
 * }</pre>
 *
 * @param recognizers the recognizers to run
 * @param threshold   the least score of a finding that counts as PII ({@link #DEFAULT_THRESHOLD} by default)
 */
public record PiiDetector(List<Recognizer> recognizers, double threshold) {
    /** The least score that counts: a raw match that needs a context word scores below it without one. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public PiiDetector {
        recognizers = List.copyOf(Objects.requireNonNull(recognizers, "recognizers is null"));
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
    }

    /** {@return every recognizer, national phone numbers read as US numbers, threshold 0.5} */
    public static PiiDetector standard() {
        return new PiiDetector(
                List.of(
                        new EmailRecognizer(),
                        new PhoneRecognizer(),
                        new CreditCardRecognizer(),
                        new IbanRecognizer(),
                        new IpAddressRecognizer(),
                        new UsSsnRecognizer(),
                        new DateOfBirthRecognizer(),
                        new PersonNameRecognizer()),
                DEFAULT_THRESHOLD);
    }

    /** {@return this detector with only the recognizers of these entities} */
    public PiiDetector only(Set<PiiEntity> entities) {
        return new PiiDetector(
                recognizers.stream().filter(r -> entities.contains(r.entity())).toList(), threshold);
    }

    /** {@return this detector with another threshold} */
    public PiiDetector withThreshold(double newThreshold) {
        return new PiiDetector(recognizers, newThreshold);
    }

    /** {@return the entities this detector finds} */
    public Set<PiiEntity> entities() {
        Set<PiiEntity> entities = EnumSet.noneOf(PiiEntity.class);
        recognizers.forEach(r -> entities.add(r.entity()));
        return entities;
    }

    /** {@return the findings scoring at least the threshold, non-overlapping, in text order} */
    public List<Finding> find(String text, Context context) {
        List<Finding> all = new ArrayList<>();
        for (Recognizer recognizer : recognizers) {
            recognizer.find(text, context, all);
        }
        all.removeIf(f -> f.score() < threshold);
        if (all.size() <= 1) {
            return all;
        }
        all.sort(Comparator.comparingDouble(Finding::score)
                .reversed()
                .thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start())
                        .reversed()));
        List<Finding> kept = new ArrayList<>();
        for (Finding candidate : all) {
            if (kept.stream().noneMatch(candidate::overlaps)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }
}
