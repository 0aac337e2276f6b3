package dev.veracity.pipeline.run;

import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/** Data files and a runner for pipeline tests. */
final class RunFixture {
    private RunFixture() {}

    static final String[] USERS = {"ana", "bo", "chen", "dara", "eli", "fay", "gus", "hana"};

    /** Writes a CSV of {@code rows} examples (id, user, value, label), drawn from {@code seed}. */
    static Path csv(Path file, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder("id,user,value,label\n");
        for (int i = 0; i < rows; i++) {
            text.append(i)
                    .append(',')
                    .append(USERS[random.nextInt(USERS.length)])
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", random.nextDouble() * 100))
                    .append(',')
                    .append(random.nextInt(2))
                    .append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
        return file;
    }

    static RunResult run(MetadataConfig config, Pipeline pipeline, RunOptions options) throws IOException {
        try (MetadataStore store = MetadataStore.open(config)) {
            return new LocalRunner(store, options, RunListener.NONE).run(pipeline);
        }
    }

    static RunResult run(MetadataConfig config, Pipeline pipeline) throws IOException {
        return run(config, pipeline, RunOptions.DEFAULT.withBackoff(Duration.ofMillis(1)));
    }
}
