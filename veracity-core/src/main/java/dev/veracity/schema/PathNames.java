package dev.veracity.schema;

import dev.veracity.proto.FeaturePaths.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Feature paths as TFDV serializes them: steps joined by {@code .}; a step is written as is when it is a plain
 * name (no {@code .}, {@code (}, {@code )} or {@code '}) or a fully parenthesized extension step, otherwise in
 * single quotes with inner quotes doubled. The serialized path is the key of {@code Anomalies.anomaly_info}.
 *
 * <pre>{@code
 * PathNames.serialize(PathNames.of("trip", "fare"));   // trip.fare
 * PathNames.serialize(PathNames.of("a.b"));            // 'a.b'
 * PathNames.parse("'a.b'.c");                          // [a.b, c]
 * }</pre>
 */
public final class PathNames {
    private static final Pattern RAW_STEP = Pattern.compile("(\\([^()]*\\))|([^().']+)");

    private PathNames() {}

    /** {@return a path of the given steps} */
    public static Path of(String... steps) {
        return Path.newBuilder().addAllStep(List.of(steps)).build();
    }

    /** {@return the path with one more step} */
    public static Path child(Path parent, String step) {
        return parent.toBuilder().addStep(step).build();
    }

    /** {@return the path serialized as TFDV does} */
    public static String serialize(Path path) {
        return serialize(path.getStepList());
    }

    /** {@return the steps joined as TFDV serializes a path} */
    public static String serialize(List<String> steps) {
        return steps.stream().map(PathNames::step).collect(Collectors.joining("."));
    }

    /** {@return the serialized path {@code parent} (empty for the root) extended by one step} */
    static String child(String parent, String step) {
        return parent.isEmpty() ? step(step) : parent + "." + step(step);
    }

    /** {@return the steps of a serialized path; an unterminated quote ends the last step} */
    public static List<String> parse(String text) {
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

    private static String step(String step) {
        return RAW_STEP.matcher(step).matches() ? step : "'" + step.replace("'", "''") + "'";
    }
}
