package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a value was found: the words of its feature name. A recognizer's raw score rises when a context word of its
 * entity is among them or among the {@value #WINDOW} words before the match in the text (Presidio's context
 * enhancement: +{@value #BOOST}, at least {@value #FLOOR}), and falls by {@value #PENALTY} when a negative word says
 * the value is something else (an order number, a version).
 *
 * <pre>{@code
 * Context c = Context.ofFeature("customer_phone");   // words [customer, phone]
 * }</pre>
 *
 * @param words the feature name split into lower-case words (snake_case, camelCase, dots, dashes, spaces)
 */
public record Context(List<String> words) {
    /** How many words before a match are read for context. */
    public static final int WINDOW = 5;
    /** What a context word adds to a score. */
    public static final double BOOST = 0.35;
    /** The least score of a match with a context word. */
    public static final double FLOOR = 0.4;
    /** What a negative context word takes from the score of an identifier-like match. */
    public static final double PENALTY = 0.4;
    /** Words saying a number or dotted value is an identifier of something else. */
    public static final Set<String> NEGATIVE_WORDS = Set.of(
            "order",
            "invoice",
            "sku",
            "tracking",
            "isbn",
            "version",
            "release",
            "build",
            "product",
            "ean",
            "upc",
            "part",
            "model",
            "ticket",
            "sequence");

    /** No feature name: only the text's own words count. */
    public static final Context NONE = new Context(List.of());

    public Context {
        words = List.copyOf(Objects.requireNonNull(words, "words is null"));
    }

    /** {@return the context of values of the named feature} */
    public static Context ofFeature(String featureName) {
        return new Context(words(featureName));
    }

    /** {@return {@code raw} raised or lowered by the context words of {@code entity} around {@code start}} */
    public double score(PiiEntity entity, double raw, String text, int start) {
        List<String> before = wordsBefore(text, start);
        boolean positive = hasAny(words, entity.contextWords()) || hasAny(before, entity.contextWords());
        boolean negative = hasAny(words, NEGATIVE_WORDS) || hasAny(before, NEGATIVE_WORDS);
        double score = raw;
        if (positive) {
            score = Math.max(score + BOOST, FLOOR);
        } else if (negative) {
            score -= PENALTY;
        }
        return Math.min(1, Math.max(0, score));
    }

    /** {@return the lower-case words of a name or text, split at anything not a letter or digit and at camelCase} */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(i - 1));
            if (!Character.isLetterOrDigit(c) || boundary) {
                flush(word, words);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static List<String> wordsBefore(String text, int start) {
        if (start == 0) {
            return List.of();
        }
        List<String> all = words(text.substring(Math.max(0, start - 80), start));
        return all.subList(Math.max(0, all.size() - WINDOW), all.size());
    }

    /** A word matches a context word when equal, or, for context words of 4+ letters, when it starts or ends with it. */
    private static boolean hasAny(List<String> words, java.util.Collection<String> contextWords) {
        for (String word : words) {
            for (String context : contextWords) {
                if (word.equals(context)
                        || context.length() >= 4 && (word.startsWith(context) || word.endsWith(context))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(" ", words).toLowerCase(Locale.ROOT);
    }
}
