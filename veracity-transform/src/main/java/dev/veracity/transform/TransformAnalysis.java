package dev.veracity.transform;

import dev.veracity.ConfigException;
import dev.veracity.io.EngineRun;
import dev.veracity.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * An engine that runs a fit's analysis ({@code veracity transform fit --engine NAME}): {@code local} is this JVM,
 * others (veracity-beam's {@code beam}) are found with {@link ServiceLoader} on the class path, so that neither this
 * module nor the CLI depends on them. Every engine must give the local fit's constants: the files' analyses
 * ({@link FileAnalysis}) merged in file order and {@link TransformFit#fitted finished}.
 *
 * <pre>{@code
 * // META-INF/services/dev.veracity.transform.TransformAnalysis lists an implementation
 * TransformFit.Fitted fitted = TransformAnalysis.named("beam")
 *         .fit(spec, files, ReadOptions.DEFAULT, Optional.empty(), new EngineRun(inputs, "DirectRunner", List.of(), 4));
 * }</pre>
 */
public interface TransformAnalysis {
    /** The name of the engine built in. */
    String LOCAL = "local";

    /** {@return the name users pass to {@code --engine}, e.g. {@code beam}} */
    String name();

    /**
     * {@return the transform fitted on the files, read as one dataset}
     *
     * @param cache an analyzer cache directory, if any (an engine without one refuses it)
     * @param run   where and how the engine runs: its runner, its arguments, its parallelism
     * @throws dev.veracity.VeracityException for bad input or options (exit code 2)
     * @throws IOException                    if reading or writing fails
     */
    TransformFit.Fitted fit(TransformSpec spec, List<Path> files, ReadOptions read, Optional<Path> cache, EngineRun run)
            throws IOException;

    /**
     * {@return the engine named {@code name}}
     *
     * @throws ConfigException if no engine of that name is on the class path, naming the ones that are
     */
    static TransformAnalysis named(String name) {
        if (name.equals(LOCAL)) {
            return new LocalAnalysis();
        }
        List<String> available = new ArrayList<>(List.of(LOCAL));
        for (TransformAnalysis engine : ServiceLoader.load(TransformAnalysis.class)) {
            if (engine.name().equals(name)) {
                return engine;
            }
            available.add(engine.name());
        }
        throw new ConfigException("--engine " + name + ": expected one of " + String.join(", ", available)
                + ", found no engine named \"" + name + "\" on the class path. The launcher adds the Beam engine "
                + "when asked: ./veracity transform fit --engine beam ... (or VERACITY_ENGINES=beam); from Java, "
                + "put veracity-beam's jars on the class path.");
    }

    /** The fit in this JVM, on all cores. */
    final class LocalAnalysis implements TransformAnalysis {
        @Override
        public String name() {
            return LOCAL;
        }

        @Override
        public TransformFit.Fitted fit(
                TransformSpec spec, List<Path> files, ReadOptions read, Optional<Path> cache, EngineRun run)
                throws IOException {
            return TransformFit.fitWithSummary(spec, files, read, cache);
        }
    }
}
