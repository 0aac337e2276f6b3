package dev.veracity.skew;

import java.util.Comparator;
import java.util.List;

/**
 * The order in which skew pairs are sampled: identifier parts compared one by one, numerically when both are integers
 * (so id 9 comes before id 10), else as strings; a shorter identifier first on a tie.
 */
final class IdentifierOrder implements Comparator<List<String>> {
    static final IdentifierOrder INSTANCE = new IdentifierOrder();

    private IdentifierOrder() {}

    @Override
    public int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = comparePart(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int comparePart(String a, String b) {
        if (isSmallInteger(a) && isSmallInteger(b)) {
            int c = Long.compare(Long.parseLong(a), Long.parseLong(b));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static boolean isSmallInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start || s.length() - start > 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
