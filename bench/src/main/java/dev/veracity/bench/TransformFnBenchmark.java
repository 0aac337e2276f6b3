package dev.veracity.bench;

import dev.veracity.io.ReadOptions;
import dev.veracity.transform.TransformFit;
import dev.veracity.transform.TransformFn;
import dev.veracity.transform.TransformSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-record cost of {@link TransformFn#apply(Map)} (the serving path) for bench/transform/spec.yaml: z-score,
 * 0-1, a vocabulary with an OOV bucket, quantile buckets, a FarmHash bucket and a kept id, fitted on 20,000 seeded
 * rows; a record of seen values, and one whose category is not in the vocabulary (its OOV bucket).
 *
 * <pre>{@code
 * bench/transform/jmh      # java -cp ... org.openjdk.jmh.Main TransformFnBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransformFnBenchmark {
    /** bench/transform/spec.yaml, which bench/transform/run times against DuckDB. */
    static final String SPEC = """
            transforms:
              - {name: price_z, op: scale_to_z_score, input: price}
              - {name: revenue_01, op: scale_to_0_1, input: revenue}
              - {name: category_id, op: compute_and_apply_vocabulary, input: category, num_oov_buckets: 1}
              - {name: age_bucket, op: bucketize, input: age, num_buckets: 4}
              - {name: city_hash, op: hash_strings, input: city, hash_buckets: 1000}
            keep: [event_id]
            """;

    private TransformFn fn;
    private Map<String, Object> seen;
    private Map<String, Object> unseen;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("transform-jmh");
        SplittableRandom random = new SplittableRandom(42);
        List<String> categories = List.of("clothing", "electronics", "grocery", "toys", "books", "garden");
        List<String> cities = List.of("Westford", "Springfield", "Riverton", "Lakeview", "Fairview");
        StringBuilder csv = new StringBuilder("event_id,price,revenue,category,age,city\n");
        for (int r = 0; r < 20_000; r++) {
            csv.append("ev-")
                    .append(r)
                    .append(',')
                    .append(String.format("%.2f", random.nextDouble(1, 200)))
                    .append(',')
                    .append(String.format("%.2f", random.nextDouble(0, 500)))
                    .append(',')
                    .append(categories.get(random.nextInt(categories.size())))
                    .append(',')
                    .append(random.nextInt(18, 80))
                    .append(',')
                    .append(cities.get(random.nextInt(cities.size())))
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("train.csv"), csv, StandardCharsets.UTF_8);
        TransformSpec spec = TransformSpec.parse(dir.resolve("spec.yaml"), SPEC);
        fn = TransformFit.fit(spec, List.of(data), ReadOptions.DEFAULT);
        seen = new HashMap<>(Map.of(
                "event_id",
                "ev-7",
                "price",
                24.5,
                "revenue",
                120.25,
                "category",
                "toys",
                "age",
                34L,
                "city",
                "Westford"));
        unseen = new HashMap<>(seen);
        unseen.put("category", "furniture");
        if (fn.apply(seen).size() != 6 || fn.apply(unseen).equals(fn.apply(seen))) {
            throw new IllegalStateException("the benchmark's records are not what they claim");
        }
    }

    @Benchmark
    public Map<String, Object> seenRecord() {
        return fn.apply(seen);
    }

    @Benchmark
    public Map<String, Object> unseenCategory() {
        return fn.apply(unseen);
    }
}
