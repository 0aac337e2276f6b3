package dev.veracity.pipeline.run;

import dev.veracity.pipeline.ArtifactType;
import dev.veracity.pipeline.Component;
import dev.veracity.pipeline.ComponentSpec;
import dev.veracity.pipeline.ExecutionContext;
import dev.veracity.pipeline.InputPort;
import dev.veracity.pipeline.OutputPort;
import dev.veracity.pipeline.ParameterSpec;
import dev.veracity.pipeline.ParameterType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Components that misbehave on purpose, for runner tests. Their state lives in files, never in static fields. */
final class TestComponents {
    private TestComponents() {}

    static final ArtifactType REPORT = new ArtifactType("Report");

    /** Copies the split names of its statistics into a report; fails its first {@code failures} attempts. */
    static final class Flaky implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Flaky",
                    "1",
                    List.of(InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS)),
                    List.of(new OutputPort("report", REPORT)),
                    List.of(
                            ParameterSpec.required("counter", ParameterType.STRING, "attempt counter file"),
                            ParameterSpec.optional("failures", ParameterType.INT, "attempts that fail"),
                            ParameterSpec.optional("sleep_ms", ParameterType.INT, "sleep first")));
        }

        @Override
        public void execute(ExecutionContext context) throws Exception {
            Path counter = Path.of(context.parameters().string("counter").orElseThrow());
            int attempts = Files.exists(counter)
                    ? Integer.parseInt(Files.readString(counter).strip())
                    : 0;
            Files.writeString(counter, Integer.toString(attempts + 1));
            Path out = context.outputDirectory("report");
            Files.writeString(out.resolve("partial.txt"), "written before any failure");
            Thread.sleep(context.parameters().integer("sleep_ms").orElse(0L));
            if (attempts < context.parameters().integer("failures").orElse(0L)) {
                throw new IOException("flaky failure " + (attempts + 1));
            }
            Files.writeString(
                    out.resolve("report.txt"),
                    context.inputs("statistics").get(0).uri());
        }
    }

    /**
     * Writes half its output, creates {@code <markers>/started}, then waits until {@code <markers>/release} exists:
     * a run can be killed while it holds a half-written artifact.
     */
    static final class Blocker implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Blocker",
                    "1",
                    List.of(InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS)),
                    List.of(new OutputPort("report", REPORT)),
                    List.of(ParameterSpec.required("markers", ParameterType.STRING, "marker directory")));
        }

        @Override
        public void execute(ExecutionContext context) throws Exception {
            Path markers = Path.of(context.parameters().string("markers").orElseThrow());
            Path out = context.outputDirectory("report");
            Files.writeString(out.resolve("first-half.txt"), "half");
            Files.createDirectories(markers);
            Files.writeString(markers.resolve("started"), "");
            while (!Files.exists(markers.resolve("release"))) {
                Thread.sleep(50);
            }
            Files.writeString(out.resolve("second-half.txt"), "whole");
        }
    }

    /**
     * Counts its attempts in a file, then throws what {@code failure} names: {@code bug} (an IllegalStateException,
     * a programming error), {@code input} (a ConfigException, the user's to fix) or {@code io} (an IOException).
     */
    static final class Broken implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Broken",
                    "1",
                    List.of(InputPort.required("statistics", ArtifactType.EXAMPLE_STATISTICS)),
                    List.of(new OutputPort("report", REPORT)),
                    List.of(
                            ParameterSpec.required("counter", ParameterType.STRING, "attempt counter file"),
                            ParameterSpec.required("failure", ParameterType.STRING, "bug, input or io")));
        }

        @Override
        public void execute(ExecutionContext context) throws Exception {
            Path counter = Path.of(context.parameters().string("counter").orElseThrow());
            int attempts = Files.exists(counter)
                    ? Integer.parseInt(Files.readString(counter).strip())
                    : 0;
            Files.writeString(counter, Integer.toString(attempts + 1));
            Files.writeString(context.outputDirectory("report").resolve("partial.txt"), "written before failing");
            switch (context.parameters().string("failure").orElseThrow()) {
                case "bug" -> throw new IllegalStateException("a bug in the component");
                case "input" -> throw new dev.veracity.ConfigException("node broken: expected valid input");
                default -> throw new IOException("disk hiccup");
            }
        }
    }

    /** Reads a report and writes another: a node after the blocker. */
    static final class Follower implements Component {
        @Override
        public ComponentSpec spec() {
            return new ComponentSpec(
                    "Follower",
                    "1",
                    List.of(InputPort.required("report", REPORT)),
                    List.of(new OutputPort("report", REPORT)),
                    List.of());
        }

        @Override
        public void execute(ExecutionContext context) throws IOException {
            Path in = Path.of(context.inputs("report").get(0).uri());
            try (var files = Files.list(in)) {
                Files.writeString(
                        context.outputDirectory("report").resolve("files.txt"),
                        String.join(
                                ",",
                                files.map(p -> p.getFileName().toString())
                                        .sorted()
                                        .toList()));
            }
        }
    }
}
