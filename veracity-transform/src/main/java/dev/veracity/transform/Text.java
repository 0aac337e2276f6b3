package dev.veracity.transform;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Tokens, n-grams and TensorFlow's string hash, shared by analysis and apply. */
final class Text {
    private Text() {}

    /**
     * {@return FarmHash Fingerprint64 of the UTF-8 bytes modulo {@code buckets}, as an unsigned number}: TensorFlow's
     * {@code tf.strings.to_hash_bucket_fast}
     */
    static long bucket(String value, long buckets) {
        long fingerprint = Hashing.farmHashFingerprint64()
                .hashBytes(value.getBytes(StandardCharsets.UTF_8))
                .asLong();
        return unsignedRemainder(fingerprint, buckets);
    }

    /** {@return as {@link #bucket(String, long)} of the text whose UTF-8 encoding is these bytes} */
    static long bucket(byte[] utf8, int start, int length, long buckets) {
        long fingerprint =
                Hashing.farmHashFingerprint64().hashBytes(utf8, start, length).asLong();
        return unsignedRemainder(fingerprint, buckets);
    }

    /**
     * {@return {@code Long.remainderUnsigned(value, buckets)} for a positive number of buckets}: half the fingerprints
     * are non-negative, and their unsigned remainder is the signed one, one division without the unsigned dance
     */
    static long unsignedRemainder(long value, long buckets) {
        return value >= 0 ? value % buckets : Long.remainderUnsigned(value, buckets);
    }

    /** Adds the whitespace-separated tokens of {@code text} to {@code tokens} ({@code tf.strings.split}). */
    static void split(String text, List<String> tokens) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(text.substring(start, i));
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    /**
     * {@return the n-grams of {@code tokens} with n in {@code [min, max]}, by start position then length}, as
     * {@code tft.ngrams} orders them: [a, a b, b] for tokens [a, b] and range [1, 2]
     */
    static List<String> ngrams(List<String> tokens, int min, int max, String separator) {
        List<String> grams = new ArrayList<>();
        StringBuilder gram = new StringBuilder();
        for (int start = 0; start < tokens.size(); start++) {
            for (int n = min; n <= max && start + n <= tokens.size(); n++) {
                gram.setLength(0);
                for (int t = start; t < start + n; t++) {
                    if (t > start) {
                        gram.append(separator);
                    }
                    gram.append(tokens.get(t));
                }
                grams.add(gram.toString());
            }
        }
        return grams;
    }

    /** {@return the n-grams of a row's values (each value split into tokens, all tokens in order)} */
    static List<String> rowNgrams(RowValues row, int input, Parameters p) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < row.count(input); i++) {
            split(row.text(input, i), tokens);
        }
        return ngrams(tokens, p.ngramMin(), p.ngramMax(), p.separator());
    }

    /** {@return the distinct elements, first occurrence first} */
    static List<String> distinct(List<String> grams) {
        return List.copyOf(new LinkedHashSet<>(grams));
    }

    /** {@return -1, 0 or 1 as a's UTF-8 bytes sort before, with or after b's (Python's order of bytes)} */
    static int compareBytes(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
