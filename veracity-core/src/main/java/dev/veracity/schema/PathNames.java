package dev.veracity.schema;

import dev.veracity.proto.FeaturePaths.Path;
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
 * }</pre>
 */
public final class PathNames {
    private static final Pattern RAW_STEP = Pattern.compile("(\\([^()]*\\))|([^().']+)");

    private PathNames() {
    }

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
        return path.getStepList().stream().map(PathNames::step).collect(Collectors.joining("."));
    }

    private static String step(String step) {
        return RAW_STEP.matcher(step).matches() ? step : "'" + step.replace("'", "''") + "'";
    }
}
