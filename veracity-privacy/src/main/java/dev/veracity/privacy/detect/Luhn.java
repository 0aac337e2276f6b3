package dev.veracity.privacy.detect;

/** The Luhn (mod 10) check digit of payment card numbers. */
final class Luhn {
    private Luhn() {}

    /** {@return whether the ASCII digits pass the Luhn check} */
    static boolean isValid(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
