package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: a dot-atom local part, {@code @}, and a domain of at least two labels whose last one (the
 * top-level domain) has only letters, 2 to 63 of them, and is not a common file extension: {@code user@localhost},
 * {@code a@b.123}, Twitter handles and retina image names ({@code logo@2x.png}) are not addresses. Raw score
 * {@value #SCORE}.
 */
public final class EmailRecognizer implements Recognizer {
    static final double SCORE = 0.85;
    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.+-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63})(?![\\w-])");

    private static final java.util.Set<String> FILE_EXTENSIONS = java.util.Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "pdf", "js", "css", "html", "htm", "txt", "csv",
            "json", "xml", "tiff", "heic");

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
            if (FILE_EXTENSIONS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            out.add(new Finding(entity(), m.start(), m.end(), context.score(entity(), SCORE, text, m.start())));
        }
    }
}
