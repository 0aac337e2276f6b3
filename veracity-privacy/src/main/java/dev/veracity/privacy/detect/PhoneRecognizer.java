package dev.veracity.privacy.detect;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.Objects;

/**
 * Phone numbers of any country, found and validated against the numbering plans of Google's libphonenumber
 * ({@code Leniency.VALID}). International numbers ({@code +44 20 7946 0958}, {@code 0049 30 901820}) are looked up
 * by their country code; others as numbers of the default region. Raw score: international
 * {@value #INTERNATIONAL_SCORE}, national with separators or parentheses {@value #FORMATTED_SCORE}, bare digits
 * {@value #DIGITS_SCORE} (a 10-digit id is often a valid US number: only a context word makes it PII).
 */
public final class PhoneRecognizer implements Recognizer {
    static final double INTERNATIONAL_SCORE = 0.75;
    static final double FORMATTED_SCORE = 0.5;
    static final double DIGITS_SCORE = 0.3;
    private static final int MIN_DIGITS = 7;

    /** The international call prefix 00 of most of the world, read as + (same length, so spans stay in place). */
    private static final java.util.regex.Pattern DOUBLE_ZERO = java.util.regex.Pattern.compile("(?<![\\d+])00(?=[1-9])");
    private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** A recognizer reading national numbers as US numbers. */
    public PhoneRecognizer() {
        this("US");
    }

    /** @param defaultRegion the ISO 3166 region of numbers written without a country code, e.g. "US", "DE" */
    public PhoneRecognizer(String defaultRegion) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion is null");
        if (!numbers.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("unknown phone region: " + defaultRegion);
        }
    }

    @Override
    public PiiEntity entity() {
        return PiiEntity.PHONE_NUMBER;
    }

    @Override
    public void find(String text, Context context, List<Finding> out) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < MIN_DIGITS; i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        if (digits < MIN_DIGITS) {
            return;
        }
        String normalized = DOUBLE_ZERO.matcher(text).replaceAll(" +");
        for (PhoneNumberMatch match : numbers.findNumbers(normalized, defaultRegion, PhoneNumberUtil.Leniency.VALID,
                Long.MAX_VALUE)) {
            String raw = match.rawString();
            double score;
            if (raw.startsWith("+")) {
                score = INTERNATIONAL_SCORE;
            } else if (raw.chars().anyMatch(c -> c == ' ' || c == '-' || c == '(' || c == '.' || c == '/')) {
                score = FORMATTED_SCORE;
            } else {
                score = DIGITS_SCORE;
            }
            out.add(new Finding(entity(), match.start(), match.end(),
                    context.score(entity(), score, text, match.start())));
        }
    }
}
