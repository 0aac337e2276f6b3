package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP addresses. IPv4: four decimal parts 0-255 without leading zeros, not part of a longer dotted run (so
 * {@code 1.2.3}, {@code 10.0.19041.1} and {@code 1.2.3.4.5} are not addresses). IPv6: eight groups of 1-4 hex digits,
 * or fewer with one {@code ::}, optionally ending in an IPv4 part (so times {@code 12:30:45} and MAC addresses
 * {@code 00:1a:2b:3c:4d:5e} are not addresses). Raw score {@value #SCORE}; a version-like context (the feature is a
 * version, or "v"/"version" precedes) lowers it.
 */
public final class IpAddressRecognizer implements Recognizer {
    static final double SCORE = 0.6;
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 =
            Pattern.compile("(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w]|\\.\\d)");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("(?<![\\w:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?![\\w:])");

    @Override
    public PiiEntity entity() {
        return PiiEntity.IP_ADDRESS;
    }

    @Override
    public void find(String text, Context context, List<Finding> out) {
        if (text.indexOf('.') >= 0) {
            Matcher m = IPV4.matcher(text);
            while (m.find()) {
                add(text, m.start(), m.end(), context, out);
            }
        }
        if (text.indexOf(':') >= 0) {
            Matcher m = IPV6_CANDIDATE.matcher(text);
            while (m.find()) {
                if (isIpv6(m.group())) {
                    add(text, m.start(), m.end(), context, out);
                }
            }
        }
    }

    private void add(String text, int start, int end, Context context, List<Finding> out) {
        double raw =
                start > 0 && (text.charAt(start - 1) == 'v' || text.charAt(start - 1) == 'V') ? SCORE - 0.35 : SCORE;
        out.add(new Finding(entity(), start, end, context.score(entity(), raw, text, start)));
    }

    /** {@return whether the text is an IPv6 address in RFC 4291's text forms} */
    static boolean isIpv6(String text) {
        int groups = 8;
        String body = text;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0) {
            String tail = text.substring(lastColon + 1);
            if (!IPV4.matcher(tail).matches()) {
                return false;
            }
            groups = 6;
            body = text.substring(0, lastColon + 1);
            if (!body.endsWith("::")) {
                body = body.substring(0, body.length() - 1);
            }
        }
        int compression = body.indexOf("::");
        if (compression >= 0 && body.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        if (compression < 0) {
            return countGroups(body) == groups;
        }
        String left = body.substring(0, compression);
        String right = body.substring(compression + 2);
        int leftGroups = left.isEmpty() ? 0 : countGroups(left);
        int rightGroups = right.isEmpty() ? 0 : countGroups(right);
        if (leftGroups < 0 || rightGroups < 0 || leftGroups + rightGroups > groups - 1) {
            return false;
        }
        return leftGroups + rightGroups > 0 || groups == 6;
    }

    /** {@return the number of colon-separated groups of 1-4 hex digits, or -1 if one is not such a group} */
    private static int countGroups(String text) {
        String[] parts = text.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 4) {
                return -1;
            }
            for (int i = 0; i < part.length(); i++) {
                if (Character.digit(part.charAt(i), 16) < 0) {
                    return -1;
                }
            }
        }
        return parts.length;
    }
}
