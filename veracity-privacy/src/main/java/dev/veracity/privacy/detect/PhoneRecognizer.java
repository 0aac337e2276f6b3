package dev.veracity.privacy.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers of any country, validated against the numbering plans of Google's libphonenumber
 * ({@code isValidNumber}). International numbers ({@code +44 20 7946 0958}, {@code 0049 30 901820}) are looked up
 * by their country code; others as numbers of the default region. Raw score: international
 * {@value #INTERNATIONAL_SCORE}, national with separators or parentheses {@value #FORMATTED_SCORE}, bare digits
 * {@value #DIGITS_SCORE} (a 10-digit id is often a valid US number: only a context word makes it PII).
 */
public final class PhoneRecognizer implements Recognizer {
    static final double INTERNATIONAL_SCORE = 0.75;
    static final double FORMATTED_SCORE = 0.5;
    static final double DIGITS_SCORE = 0.3;
    private static final int MIN_DIGITS = 7;
    /** E.164 allows at most 15 digits. */
    private static final int MAX_DIGITS = 15;
    /**
     * A run of digits and the separators people write in numbers, starting with +, ( or a digit; libphonenumber's
     * own finder ({@code findNumbers}) is about 50 times slower, so candidates are ours and validation is its.
     */
    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![\\w+.:/-])(?:\\+|\\()?\\d(?:[ ().\\-/]{0,2}\\d){5,18}(?![\\w]|[.:/-]\\d)");

    /** The international call prefix 00 of most of the world, read as + (same length, so spans stay in place). */
    private static final Pattern DOUBLE_ZERO = Pattern.compile("(?<![\\d+])00(?=[1-9])");

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
        Matcher m = CANDIDATE.matcher(normalized);
        while (m.find()) {
            String raw = m.group();
            long count = raw.chars().filter(Character::isDigit).count();
            if (count < MIN_DIGITS || count > MAX_DIGITS || !isValid(raw)) {
                continue;
            }
            double score;
            if (raw.startsWith("+")) {
                score = INTERNATIONAL_SCORE;
            } else if (raw.chars().anyMatch(c -> c == ' ' || c == '-' || c == '(' || c == '.' || c == '/')) {
                score = FORMATTED_SCORE;
            } else {
                score = DIGITS_SCORE;
            }
            out.add(new Finding(entity(), m.start(), m.end(), context.score(entity(), score, text, m.start())));
        }
    }

    private boolean isValid(String candidate) {
        try {
            return numbers.isValidNumber(numbers.parse(candidate, defaultRegion));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
