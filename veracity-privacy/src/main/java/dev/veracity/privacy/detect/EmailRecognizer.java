package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: a dot-atom local part, {@code @}, and a domain of at least two labels whose last one (the
 * top-level domain) has only letters, 2 to 63 of them. {@code user@localhost}, {@code a@b.123} and Twitter handles
 * are not addresses. Raw score {@value #SCORE}.
 */
public final class EmailRecognizer implements Recognizer {
    static final double SCORE = 0.85;
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63})(?![\\w-])");

    @Override
    public PiiEntity entity() {
        return PiiEntity.EMAIL_ADDRESS;
    }

    @Override
    public void find(String text, Context context, List<Finding> out) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(new Finding(entity(), m.start(), m.end(), context.score(entity(), SCORE, text, m.start())));
        }
    }
}
