package dev.veracity.io;

import java.io.IOException;

/**
 * Another engine that computes a {@link Veracity.StatisticsRequest} (e.g. {@code veracity stats --engine beam}),
 * found with {@link java.util.ServiceLoader} on the class path, so that neither the library nor the CLI depends on
 * it (veracity-beam implements it; the launcher adds its jars only when asked). The engine must compute exactly what
 * the local engine computes from the same request, the protection of PII features included
 * ({@link Veracity.StatisticsRequest#piiProtection()}).
 *
 * <pre>{@code
 * // META-INF/services/dev.veracity.io.StatisticsEngine lists the implementation
 * ComputedStatistics stats = engine.compute(request, new EngineRun(inputs, "FlinkRunner", List.of(), 4));
 * }</pre>
 */
public interface StatisticsEngine {
    /** {@return the name users pass to {@code --engine}, e.g. {@code beam}} */
    String name();

    /**
     * {@return the statistics the request describes}; the request's {@code inputs} and {@code progress} are not used:
     * the engine reads {@link EngineRun#inputs()}, which may name files of other file systems
     *
     * @throws dev.veracity.VeracityException for bad input or options (exit code 2)
     * @throws IOException                    if reading or writing fails
     */
    ComputedStatistics compute(Veracity.StatisticsRequest request, EngineRun run) throws IOException;
}
