package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names: a given name from the bundled list of common names followed by one or two capitalized words
 * ({@code Maria Garcia}, {@code John P. Smith}, raw {@value #FULL_SCORE}, {@value #KNOWN_FAMILY_SCORE} when the
 * family name is a common one too), or {@code Garcia, Maria} likewise; a given name alone scores
 * {@value #GIVEN_ONLY_SCORE}. Without a context word (name, customer, patient...) in the feature name or just before
 * it, no name reaches the verdict threshold: names are dictionary guesses, not checked facts. In short values (up to
 * four words) case does not matter; in longer texts names must be capitalized.
 */
public final class PersonNameRecognizer implements Recognizer {
    static final double FULL_SCORE = 0.4;
    static final double KNOWN_FAMILY_SCORE = 0.45;
    static final double GIVEN_ONLY_SCORE = 0.2;
    private static final String WORD = "\\p{L}[\\p{L}'’-]*";
    private static final Pattern FIRST_LAST =
            Pattern.compile("(?<![\\p{L}\\d])(" + WORD + ")((?: (?:\\p{L}\\.|" + WORD + ")){0,2})(?![\\p{L}\\d])");
    private static final Pattern LAST_COMMA_FIRST =
            Pattern.compile("(?<![\\p{L}\\d])(" + WORD + "), (" + WORD + ")(?![\\p{L}\\d])");

    @Override
    public PiiEntity entity() {
        return PiiEntity.PERSON;
    }

    @Override
    public void find(String text, Context context, List<Finding> out) {
        boolean shortValue = text.strip().split("\\s+").length <= 4;
        Matcher m = LAST_COMMA_FIRST.matcher(text);
        int covered = -1;
        while (m.find()) {
            if (isName(m.group(2), shortValue) && isWord(m.group(1), shortValue)) {
                double raw = isFamily(m.group(1)) ? KNOWN_FAMILY_SCORE : FULL_SCORE;
                out.add(new Finding(entity(), m.start(), m.end(), context.score(entity(), raw, text, m.start())));
                covered = m.end();
            }
        }
        m = FIRST_LAST.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.start(1) + m.group(1).length();
            if (m.start() < covered || !isName(m.group(1), shortValue)) {
                continue;
            }
            String rest = m.group(2).strip();
            double raw = GIVEN_ONLY_SCORE;
            int end = m.start(1) + m.group(1).length();
            if (!rest.isEmpty()) {
                String[] words = rest.split(" ");
                String last = words[words.length - 1];
                if (isWord(last, shortValue)) {
                    raw = isFamily(last) ? KNOWN_FAMILY_SCORE : FULL_SCORE;
                    end = m.end();
                }
            }
            out.add(new Finding(entity(), m.start(), end, context.score(entity(), raw, text, m.start())));
            from = end;
        }
    }

    private static boolean isName(String word, boolean shortValue) {
        return isWord(word, shortValue) && NameLists.GIVEN.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isFamily(String word) {
        return NameLists.FAMILY.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A name word: capitalized (any case in short values), at least two letters. */
    private static boolean isWord(String word, boolean shortValue) {
        return word.length() >= 2 && (shortValue || Character.isUpperCase(word.charAt(0)));
    }
}
