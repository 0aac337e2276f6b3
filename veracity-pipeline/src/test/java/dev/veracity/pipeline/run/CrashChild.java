package dev.veracity.pipeline.run;

import dev.veracity.metadata.MetadataConfig;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.components.ExampleGen;
import dev.veracity.pipeline.components.StatisticsGen;
import java.nio.file.Path;
import java.util.Map;

/** The pipeline {@link CrashResumeTest} kills: run in a child JVM by {@link #main}, and again in the test. */
final class CrashChild {
    private CrashChild() {}

    static Pipeline pipeline(Path dir) {
        return Pipeline.builder("crash", dir.resolve("root"))
                .node(
                        "gen",
                        new ExampleGen(),
                        Map.of("input", dir.resolve("a/*.csv").toString()),
                        Map.of())
                .node("stats", new StatisticsGen(), Map.of("threads", 1), Map.of("examples", "gen.examples"))
                .node(
                        "block",
                        new TestComponents.Blocker(),
                        Map.of("markers", dir.resolve("markers").toString()),
                        Map.of("statistics", "stats.statistics"))
                .node("after", new TestComponents.Follower(), Map.of(), Map.of("report", "block.report"))
                .build();
    }

    /** Arguments: directory, JDBC URL, user, password. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RunFixture.run(new MetadataConfig(args[1], args[2], args[3]), pipeline(dir));
    }
}
