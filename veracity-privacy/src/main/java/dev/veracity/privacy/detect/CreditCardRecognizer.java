package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, written together or in groups separated by one kind of separator (space or
 * dash), that pass the Luhn check and start with an issuer prefix of a card network (Visa 4; Mastercard 51-55 and
 * 2221-2720; American Express 34, 37; Discover 6011, 644-649, 65; JCB 3528-3589; Diners 300-305, 36, 38; UnionPay
 * 62; Maestro 50, 56-69), with the network's lengths. A number of one repeated digit is rejected (zeros pass Luhn).
 * Raw score {@value #SCORE}; a negative context word (order, invoice...) lowers it below the verdict threshold.
 */
public final class CreditCardRecognizer implements Recognizer {
    static final double SCORE = 0.85;
    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w.-])\\d(?:[ -]?\\d){12,18}(?![\\w-]|\\.\\d)");

    @Override
    public PiiEntity entity() {
        return PiiEntity.CREDIT_CARD;
    }

    @Override
    public void find(String text, Context context, List<Finding> out) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (isCardNumber(m.group())) {
                out.add(new Finding(entity(), m.start(), m.end(), context.score(entity(), SCORE, text, m.start())));
            }
        }
    }

    /** {@return whether the text (digits with at most one kind of separator) is a plausible card number} */
    static boolean isCardNumber(String text) {
        boolean space = text.indexOf(' ') >= 0;
        boolean dash = text.indexOf('-') >= 0;
        if (space && dash) {
            return false;
        }
        String digits = text.replace(" ", "").replace("-", "");
        if (digits.chars().distinct().count() == 1) {
            return false;
        }
        return hasNetworkPrefix(digits) && Luhn.isValid(digits);
    }

    private static boolean hasNetworkPrefix(String d) {
        int n = d.length();
        int two = Integer.parseInt(d.substring(0, 2));
        int three = Integer.parseInt(d.substring(0, 3));
        int four = Integer.parseInt(d.substring(0, 4));
        if (d.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19;
        }
        if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) {
            return n == 16;
        }
        if (two == 34 || two == 37) {
            return n == 15;
        }
        if (four == 6011 || two == 65 || three >= 644 && three <= 649) {
            return n >= 16 && n <= 19;
        }
        if (four >= 3528 && four <= 3589) {
            return n >= 16 && n <= 19;
        }
        if (three >= 300 && three <= 305 || two == 36 || two == 38) {
            return n >= 14 && n <= 19;
        }
        if (two == 62) {
            return n >= 16 && n <= 19;
        }
        if (two == 50 || two >= 56 && two <= 69) {
            return n >= 12 && n <= 19;
        }
        return false;
    }
}
