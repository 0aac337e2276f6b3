package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers: {@code AAA-GG-SSSS} (dashes or spaces, {@value #SEPARATED_SCORE}) or nine digits
 * together ({@value #PLAIN_SCORE}: only a context word such as "ssn" makes those PII). The Social Security
 * Administration never issues area 000, 666 or 900-999, group 00 or serial 0000; numbers of one repeated digit, the
 * advertised 078-05-1120 and 219-09-9999, and the placeholder 123-45-6789 are rejected too.
 */
public final class UsSsnRecognizer implements Recognizer {
    static final double SEPARATED_SCORE = 0.5;
    static final double PLAIN_SCORE = 0.2;
    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![\\w.-])(\\d{3})([- ]?)(\\d{2})\\2(\\d{4})(?![\\w-]|\\.\\d)");
    private static final Set<String> NEVER = Set.of("078051120", "219099999", "123456789");

    @Override
    public PiiEntity entity() {
        return PiiEntity.US_SSN;
    }

    @Override
    public void find(String text, Context context, List<Finding> out) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (isValid(m.group(1), m.group(3), m.group(4))) {
                double raw = m.group(2).isEmpty() ? PLAIN_SCORE : SEPARATED_SCORE;
                out.add(new Finding(entity(), m.start(), m.end(), context.score(entity(), raw, text, m.start())));
            }
        }
    }

    /** {@return whether area, group and serial could have been issued} */
    static boolean isValid(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        String all = area + group + serial;
        return a != 0
                && a != 666
                && a < 900
                && !group.equals("00")
                && !serial.equals("0000")
                && !NEVER.contains(all)
                && all.chars().distinct().count() > 1;
    }
}
