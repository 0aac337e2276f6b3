package dev.veracity.cli;

import dev.veracity.io.EngineRun;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of the commands that can run on Apache Beam as well as in this JVM (`stats`, `transform fit`): the
 * engine, the Beam runner and Beam's own pipeline options.
 *
 * <pre>{@code
 * @Mixin EngineOptions engine;   // then: engine.isLocal(), engine.run(inputs, threads)
 * }</pre>
 */
final class EngineOptions {
    /** The engine that runs in this JVM. */
    static final String LOCAL = "local";

    @Option(
            names = "--engine",
            paramLabel = "NAME",
            defaultValue = LOCAL,
            description = "Where to run: local (default, this JVM) or beam (Apache Beam, with --runner; the launcher "
                    + "adds it to the class path only when asked). The same output either way.")
    String name;

    @Option(
            names = "--runner",
            paramLabel = "RUNNER",
            defaultValue = "",
            description = "With --engine beam: direct (DirectRunner), flink (FlinkRunner, the default; an embedded "
                    + "cluster unless --engine-arg --flinkMaster=HOST:PORT), spark (SparkRunner), or another "
                    + "runner's class name on the class path (e.g. DataflowRunner).")
    String runner;

    @Option(
            names = "--engine-arg",
            paramLabel = "ARG",
            description = "With --engine beam: a Beam pipeline option passed as it is (repeatable), e.g. "
                    + "--engine-arg=--parallelism=4.")
    List<String> engineArgs = List.of();

    boolean isLocal() {
        return name.equals(LOCAL);
    }

    /** What an engine needs to run: the inputs as given, the runner, Beam's options and the local threads. */
    EngineRun run(List<String> inputs, int threads) {
        return new EngineRun(inputs, runner, engineArgs, threads);
    }
}
