package dev.veracity.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Feature paths as text, the way TFDV serializes them ({@code Path.Serialize()}): steps joined by {@code .}; a step
 * that is empty or holds {@code .}, {@code (}, {@code )} or {@code '} is wrapped in single quotes, inner quotes
 * doubled. So the child {@code city} of the struct {@code address} is {@code address.city}.
 */
final class FeaturePathText {
    private static final Pattern RAW_STEP = Pattern.compile("(\\([^()]*\\))|([^().']+)");

    private FeaturePathText() {
    }

    /** {@return the steps joined as TFDV writes a path} */
    static String serialize(List<String> steps) {
        StringBuilder text = new StringBuilder();
        for (String step : steps) {
            if (!text.isEmpty()) {
                text.append('.');
            }
            if (RAW_STEP.matcher(step).matches()) {
                text.append(step);
            } else {
                text.append('\'').append(step.replace("'", "''")).append('\'');
            }
        }
        return text.toString();
    }

    /** {@return the path extended by one step} */
    static String child(String parent, String step) {
        String serializedStep = serialize(List.of(step));
        return parent.isEmpty() ? serializedStep : parent + "." + serializedStep;
    }

    /** {@return the steps of a serialized path; an unterminated quote ends the last step} */
    static List<String> parse(String text) {
        List<String> steps = new ArrayList<>();
        StringBuilder step = new StringBuilder();
        int i = 0;
        while (i <= text.length()) {
            if (i < text.length() && text.charAt(i) == '\'' && step.isEmpty()) {
                i++;
                while (i < text.length()) {
                    char c = text.charAt(i);
                    if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        step.append('\'');
                        i += 2;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        step.append(c);
                        i++;
                    }
                }
                continue;
            }
            if (i == text.length() || text.charAt(i) == '.') {
                steps.add(step.toString());
                step.setLength(0);
            } else {
                step.append(text.charAt(i));
            }
            i++;
        }
        return steps;
    }
}
