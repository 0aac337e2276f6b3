package dev.veracity.format;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Names close to one that was not found, for "did you mean" hints: those containing it or contained in it, or within
 * a Levenshtein distance of a third of its length (at least 2), case-insensitive, nearest first.
 *
 * <pre>{@code
 * CloseNames.hint("fair", List.of("fare", "tips"))   // "; did you mean fare?"
 * }</pre>
 */
public final class CloseNames {
    private static final int MAX_SUGGESTIONS = 3;

    private CloseNames() {}

    /** {@return up to three of {@code names} close to {@code query}, nearest first, ties by name} */
    public static List<String> of(String query, Collection<String> names) {
        String lower = query.toLowerCase(Locale.ROOT);
        return names.stream()
                .distinct()
                .filter(name -> isClose(lower, name.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt((String name) -> distance(lower, name.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** {@return {@code "; did you mean a, b?"} for the close names, or the empty string when there are none} */
    public static String hint(String query, Collection<String> names) {
        List<String> close = of(query, names);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    private static boolean isClose(String query, String candidate) {
        if (candidate.contains(query) || query.contains(candidate)) {
            return true;
        }
        return distance(query, candidate) <= Math.max(2, query.length() / 3);
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one char each cost one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
