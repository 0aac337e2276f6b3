package dev.veracity.beam;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;
import org.apache.beam.sdk.runners.PipelineRunnerRegistrar;

/**
 * Beam's registry of pipeline options and runners built with one runner's registrars only: the class loader Beam
 * reads its service files through while it builds the registry, hiding the files of the other runners' jars among
 * Direct, Flink and Spark. Beam validates every registered options interface against all the others by reflection
 * when the registry is first used (most of a second per runner on a loaded machine), so a Flink run registers
 * Flink's options, not Spark's and the DirectRunner's too. Any other runner (a class name), or a class path where the
 * runners share one jar (the bundled job jar), gets Beam's registry as it is.
 *
 * <pre>{@code
 * RunnerRegistry.prepare("FlinkRunner"); // before PipelineOptionsFactory.fromArgs(...)
 * }</pre>
 */
final class RunnerRegistry extends ClassLoader {
    /** Each runner's jar (its file name's start) and the package of its classes. */
    private static final Map<String, List<String>> RUNNERS = Map.of(
            "DirectRunner", List.of("beam-runners-direct-java", "org.apache.beam.runners.direct."),
            "FlinkRunner", List.of("beam-runners-flink", "org.apache.beam.runners.flink."),
            "SparkRunner", List.of("beam-runners-spark", "org.apache.beam.runners.spark."));

    private static final Set<String> REGISTRIES = Set.of(
            "META-INF/services/" + PipelineOptionsRegistrar.class.getName(),
            "META-INF/services/" + PipelineRunnerRegistrar.class.getName());

    private final String runner;

    private RunnerRegistry(ClassLoader parent, String runner) {
        super(parent);
        this.runner = runner;
    }

    /**
     * Builds Beam's registry, if this JVM has not built it yet (or built it without this runner), from the registrars
     * of Beam's core, its extensions and this runner only; does nothing for a runner other than the three.
     *
     * @param runner the runner's simple or class name: DirectRunner, FlinkRunner or SparkRunner, or another
     */
    static void prepare(String runner) {
        build(runner, false);
    }

    /** As {@link #prepare}, building the registry again even if it has this runner's options already. */
    static void rebuild(String runner) {
        build(runner, true);
    }

    private static void build(String runner, boolean again) {
        String name = runner.substring(runner.lastIndexOf('.') + 1);
        List<String> known = RUNNERS.get(name);
        if (known == null) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader parent = previous == null ? RunnerRegistry.class.getClassLoader() : previous;
        thread.setContextClassLoader(new RunnerRegistry(parent, name));
        try {
            // The first use of the factory builds the registry through the context class loader.
            boolean registered = PipelineOptionsFactory.getRegisteredOptions().stream()
                    .anyMatch(options -> options.getName().startsWith(known.get(1)));
            if (again || !registered) {
                PipelineOptionsFactory.resetCache(); // built earlier in this JVM, for another runner
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = getParent().getResources(name);
        if (!REGISTRIES.contains(name)) {
            return all;
        }
        List<URL> kept = Collections.list(all);
        kept.removeIf(this::isOtherRunners);
        return Collections.enumeration(kept);
    }

    /** {@return whether the service file is in the jar of a runner other than this one} */
    private boolean isOtherRunners(URL url) {
        String path = url.getPath();
        int end = path.lastIndexOf(".jar!/");
        String jar = path.substring(path.lastIndexOf('/', end < 0 ? path.length() : end) + 1);
        for (Map.Entry<String, List<String>> other : RUNNERS.entrySet()) {
            if (!other.getKey().equals(runner)
                    && jar.startsWith(other.getValue().get(0))) {
                return true;
            }
        }
        return false;
    }
}
