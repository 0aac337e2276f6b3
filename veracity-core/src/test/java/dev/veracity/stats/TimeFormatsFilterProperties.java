package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.SeededProperty;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * {@link TimeFormats#mayMatch} is a necessary condition: on generated time-like values (formatted times, their
 * pieces shuffled, other scripts' digits, line ends), every format whose expression matches is allowed by it.
 */
class TimeFormatsFilterProperties {
    private static final String[] PIECES = {
        "0",
        "1",
        "2",
        "3",
        "9",
        "12",
        "31",
        "60",
        "601",
        "2024",
        "99",
        "-",
        "/",
        ":",
        "T",
        " ",
        ".",
        "Mon",
        "Tue",
        "Thu",
        "Sep",
        "September",
        "May",
        "\u0663",
        "\u0967",
        "\uD835\uDFCE",
        "\n",
        "x",
        "123456"
    };

    private static String value(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** A real format's text with directives filled with valid values, so that matches are frequent. */
    private static String formatted(SplittableRandom random) {
        String format = TimeFormats.format(random.nextInt(TimeFormats.stringFormatCount()));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                text.append(c == '.' && random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)] : c);
                continue;
            }
            text.append(
                    switch (format.charAt(++i)) {
                        case 'a' -> "Wed";
                        case 'b' -> "Jan";
                        case 'B' -> random.nextBoolean() ? "May" : "September";
                        case 'f' -> "123456".substring(0, 1 + random.nextInt(6));
                        case 'd' -> List.of("1", "07", "31", " 5").get(random.nextInt(4));
                        case 'H' -> List.of("0", "09", "23").get(random.nextInt(3));
                        case 'y' -> random.nextBoolean() ? "24" : "\u0663\u0663";
                        case 'Y' -> random.nextBoolean() ? "2024" : "\uD835\uDFCE024";
                        case 'm' -> List.of("1", "09", "12").get(random.nextInt(3));
                        case 'M' -> List.of("0", "59").get(random.nextInt(2));
                        case 'S' -> List.of("0", "59", "600").get(random.nextInt(3));
                        default -> throw new IllegalStateException(format);
                    });
        }
        if (random.nextInt(8) == 0) {
            text.append('\n');
        }
        return text.toString();
    }

    @SeededProperty(tries = 300)
    void everyMatchingFormatIsAllowed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Pattern> patterns = TimeFormats.patterns();
        for (int n = 0; n < 200; n++) {
            String value = random.nextBoolean() ? formatted(random) : value(random);
            int dashes = 0;
            int slashes = 0;
            int colons = 0;
            boolean hasT = false;
            boolean ascii = true;
            for (char c : value.toCharArray()) {
                dashes += c == '-' ? 1 : 0;
                slashes += c == '/' ? 1 : 0;
                colons += c == ':' ? 1 : 0;
                hasT |= c == 'T';
                ascii &= c < 0x80;
            }
            for (int f = 0; f < patterns.size(); f++) {
                if (patterns.get(f).matcher(value).lookingAt()) {
                    assertThat(TimeFormats.mayMatch(f, dashes, slashes, colons, hasT, ascii ? value.length() : -1))
                            .as("format %s, value \"%s\"", TimeFormats.format(f), value)
                            .isTrue();
                }
            }
        }
    }
}
