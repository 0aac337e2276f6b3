package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Dates of birth: a date ({@link DateText}) between 1900-01-01 and today. Dates are everywhere (orders, events), so
 * the raw score is {@value #SCORE}: only a context word (birth, dob, born...) in the feature name or just before the
 * date makes it PII.
 */
public final class DateOfBirthRecognizer implements Recognizer {
    static final double SCORE = 0.2;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private final LocalDate today;

    /** A recognizer of dates up to today. */
    public DateOfBirthRecognizer() {
        this(LocalDate.now());
    }

    /** @param today the latest plausible birth date (fixed in tests) */
    public DateOfBirthRecognizer(LocalDate today) {
        this.today = Objects.requireNonNull(today, "today is null");
    }

    @Override
    public PiiEntity entity() {
        return PiiEntity.DATE_OF_BIRTH;
    }

    @Override
    public void find(String text, Context context, List<Finding> out) {
        for (DateText.Span span : DateText.find(text)) {
            if (!span.date().isBefore(EARLIEST) && !span.date().isAfter(today)) {
                out.add(new Finding(
                        entity(), span.start(), span.end(), context.score(entity(), SCORE, text, span.start())));
            }
        }
    }
}
