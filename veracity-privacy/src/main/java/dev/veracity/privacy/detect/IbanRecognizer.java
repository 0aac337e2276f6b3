package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International bank account numbers (ISO 13616): a country code of the IBAN registry, two check digits and the
 * country's number of characters (written together or in groups of four separated by spaces), whose mod-97 checksum
 * is 1. A random string of the right shape passes with probability 1/97. Raw score {@value #SCORE}.
 */
public final class IbanRecognizer implements Recognizer {
    static final double SCORE = 0.9;
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Z]{2}\\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?))(?![A-Za-z0-9])");
    private static final Map<String, Integer> LENGTHS = lengths(
            "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 "
                    + "ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 "
                    + "LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 "
                    + "RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20");

    @Override
    public PiiEntity entity() {
        return PiiEntity.IBAN_CODE;
    }

    @Override
    public void find(String text, Context context, List<Finding> out) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (isIban(m.group(1).replace(" ", ""))) {
                out.add(new Finding(entity(), m.start(1), m.end(1), context.score(entity(), SCORE, text, m.start(1))));
            }
        }
    }

    /** {@return whether the compact text (no spaces) has its country's length and a valid mod-97 checksum} */
    static boolean isIban(String iban) {
        Integer length = LENGTHS.get(iban.substring(0, 2));
        if (length == null || iban.length() != length) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    private static Map<String, Integer> lengths(String table) {
        Map<String, Integer> lengths = new HashMap<>();
        for (String entry : table.split(" ")) {
            lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
        return Map.copyOf(lengths);
    }
}
