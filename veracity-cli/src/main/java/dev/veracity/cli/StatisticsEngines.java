package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.StatisticsEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a {@link StatisticsEngine} on the class path by the name given to {@code --engine}. */
final class StatisticsEngines {
    private StatisticsEngines() {}

    /**
     * {@return the engine named {@code name}}
     *
     * @throws ConfigException if no engine of that name is on the class path, naming the ones that are
     */
    static StatisticsEngine find(String name) {
        List<String> available = new ArrayList<>(List.of(EngineOptions.LOCAL));
        for (StatisticsEngine engine : ServiceLoader.load(StatisticsEngine.class)) {
            if (engine.name().equals(name)) {
                return engine;
            }
            available.add(engine.name());
        }
        throw new ConfigException("--engine " + name + ": expected one of " + String.join(", ", available)
                + ", found no engine named \"" + name + "\" on the class path. The launcher adds the Beam engine when "
                + "asked: ./veracity stats --engine beam ... (or VERACITY_ENGINES=beam), which builds veracity-beam "
                + "on first use; from Java, put veracity-beam's jars on the class path.");
    }
}
