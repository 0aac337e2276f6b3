package dev.veracity.io;

import java.util.List;
import java.util.Objects;

/**
 * Where and how a {@link StatisticsEngine} runs: the inputs as the user wrote them, and engine-specific settings.
 *
 * @param inputs       files or patterns as given on the command line (e.g. {@code data/*.csv}, {@code gs://b/*.csv})
 * @param runner       the engine's runner, e.g. Beam's {@code DirectRunner} or {@code FlinkRunner}; empty for its default
 * @param engineArgs   further options passed to the engine as they are, e.g. Beam's {@code --parallelism=4}
 * @param threads      the parallelism asked for with {@code --threads}
 */
public record EngineRun(List<String> inputs, String runner, List<String> engineArgs, int threads) {
    public EngineRun {
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs is null"));
        Objects.requireNonNull(runner, "runner is null");
        engineArgs = List.copyOf(Objects.requireNonNull(engineArgs, "engineArgs is null"));
    }
}
