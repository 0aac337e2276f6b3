package dev.veracity.bench;

import com.google.protobuf.TextFormat;
import dev.veracity.proto.Schema;
import dev.veracity.validate.example.ExampleAnomalies;
import dev.veracity.validate.example.RecordValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The per-record cost of {@link RecordValidator#check} on a 20-feature record (8 INT with ranges, 6 FLOAT with ranges
 * and NaN/inf rules, 4 BYTES with string domains, 2 free BYTES, all required): a clean record (the screen alone) and
 * one with an out-of-range value (the screen, then the schema engine on one-record statistics).
 *
 * <pre>{@code
 * bench/validate-examples/jmh      # java -cp ... org.openjdk.jmh.Main RecordValidatorBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordValidatorBenchmark {
    private RecordValidator validator;
    private Map<String, Object> clean;
    private Map<String, Object> anomalous;

    @Setup
    public void setUp() throws TextFormat.ParseException {
        StringBuilder text = new StringBuilder();
        clean = new HashMap<>();
        String required = " presence { min_fraction: 1 min_count: 1 } value_count { min: 1 max: 1 }";
        for (int i = 0; i < 8; i++) {
            text.append("feature { name: \"i")
                    .append(i)
                    .append("\" type: INT int_domain { min: 0 max: 1000 }")
                    .append(required)
                    .append(" }\n");
            clean.put("i" + i, (long) (i * 37));
        }
        for (int i = 0; i < 6; i++) {
            text.append("feature { name: \"f")
                    .append(i)
                    .append("\" type: FLOAT float_domain { min: -10 max: 10 disallow_nan: true disallow_inf: true }")
                    .append(required)
                    .append(" }\n");
            clean.put("f" + i, i * 0.75);
        }
        for (int i = 0; i < 4; i++) {
            text.append("feature { name: \"s")
                    .append(i)
                    .append("\" type: BYTES string_domain { value: \"red\" value: \"green\" value: \"blue\" }")
                    .append(required)
                    .append(" }\n");
            clean.put("s" + i, List.of("red", "green", "blue").get(i % 3));
        }
        for (int i = 0; i < 2; i++) {
            text.append("feature { name: \"t")
                    .append(i)
                    .append("\" type: BYTES")
                    .append(required)
                    .append(" }\n");
            clean.put("t" + i, "free text " + i);
        }
        validator = RecordValidator.of(TextFormat.parse(text, Schema.class));
        anomalous = new HashMap<>(clean);
        anomalous.put("i3", -1L);
        if (!validator.check(clean).isClean() || validator.check(anomalous).isClean()) {
            throw new IllegalStateException("the benchmark's records are not what they claim");
        }
    }

    @Benchmark
    public ExampleAnomalies cleanRecord() {
        return validator.check(clean);
    }

    @Benchmark
    public ExampleAnomalies anomalousRecord() {
        return validator.check(anomalous);
    }
}
