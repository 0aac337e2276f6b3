package dev.veracity.io.jsonl;

import dev.veracity.data.RecordBatch;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * TFDV's statistics of a JSON Lines file, with slices and sampling as for CSV; read by one thread.
 *
 * <pre>{@code
 * ComputedStatistics s = new JsonLinesStatistics(JsonLinesOptions.DEFAULT, StatisticsOptions.DEFAULT, List.of(),
 *         100, Sampling.ALL, Progress.NONE).compute(Path.of("events.jsonl"), "");
 * }</pre>
 */
public final class JsonLinesStatistics {
    private final JsonLinesOptions jsonl;
    private final StatisticsOptions options;
    private final List<Slicing> slicings;
    private final int maxSlices;
    private final Sampling sampling;
    private final Progress progress;

    public JsonLinesStatistics(JsonLinesOptions jsonl, StatisticsOptions options, List<Slicing> slicings,
            int maxSlices, Sampling sampling, Progress progress) {
        this.jsonl = Objects.requireNonNull(jsonl, "jsonl is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.slicings = List.copyOf(slicings);
        this.maxSlices = maxSlices;
        this.sampling = Objects.requireNonNull(sampling, "sampling is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
    }

    /** {@return whether a file is JSON Lines by its name: {@code .jsonl} or {@code .ndjson}} */
    public static boolean isJsonLines(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /**
     * {@return the statistics of every line of the file, as one dataset with the given name, then its slices}
     *
     * @throws dev.veracity.InputException if the file is missing or malformed (and not skipped)
     */
    public ComputedStatistics compute(Path file, String name) throws IOException {
        SlicedStatistics statistics = new SlicedStatistics(options, slicings, maxSlices);
        long skipped;
        try (JsonLinesReader reader = JsonLinesReader.open(file, jsonl, progress)) {
            long row = 0;
            for (Optional<RecordBatch> batch = reader.next(); batch.isPresent(); batch = reader.next()) {
                statistics.add(sampling.sample(batch.get(), row));
                row += batch.get().rowCount();
            }
            skipped = reader.skippedRecords();
        }
        Map<Slicing, Long> notSliced = new LinkedHashMap<>();
        for (Slicing slicing : slicings) {
            notSliced.put(slicing, statistics.rowsNotSliced(slicing));
        }
        return new ComputedStatistics(statistics.result(name), skipped, notSliced);
    }
}
