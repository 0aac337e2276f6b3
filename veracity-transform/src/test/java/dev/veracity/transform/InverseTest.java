package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply then inverse gives the input back: numbers within float rounding, tokens exactly, values in their bucket. */
class InverseTest {
    private static final String SPEC = """
            transforms:
              - {name: z, op: scale_to_z_score, input: x}
              - {name: s01, op: scale_to_0_1, input: y}
              - {name: mm, op: scale_by_min_max, input: m, output_min: -1, output_max: 1}
              - {name: v, op: compute_and_apply_vocabulary, input: w, num_oov_buckets: 1}
              - {name: b, op: bucketize, input: n, num_buckets: 3}
              - {name: zb, op: bucketize, input: x, num_buckets: 3}
            keep: [id]
            """;

    @TempDir
    Path dir;

    @Test
    void applyThenInverseGivesTheInputBack() throws IOException {
        Path data = TransformPathsTest.data(dir, "d.csv", 11, 300);
        Path train = Fitting.csv(dir, "t.csv", "id,x,y,m,w,n", rows(data));
        TransformFn fn = Fitting.fit(dir, SPEC, train);
        assertThat(new TransformInverse(fn).names()).containsExactly("x", "y", "m", "w", "n", "id");
        Path transformed = dir.resolve("t.jsonl");
        TransformApply.apply(
                fn,
                OutputSchema.input(fn, Map.of()),
                List.of(train),
                ReadOptions.DEFAULT,
                transformed,
                Optional.empty());
        Path back = dir.resolve("back.csv");
        long written = new TransformInverse(fn)
                .write(OutputSchema.input(fn, Map.of()), List.of(transformed), ReadOptions.DEFAULT, back);
        assertThat(written).isEqualTo(300);
        List<Map<String, Object>> inputs = records(train);
        List<Map<String, Object>> inverted = records(back);
        List<Double> boundaries = fn.constants().get(4).boundaries();
        for (int r = 0; r < inputs.size(); r++) {
            Map<String, Object> in = inputs.get(r);
            Map<String, Object> out = inverted.get(r);
            assertThat(out.get("id")).isEqualTo(in.get("id"));
            for (String numeric : List.of("x", "y", "m")) {
                if (in.get(numeric) == null) {
                    assertThat(out.get(numeric)).isNull();
                } else {
                    assertThat(((Number) out.get(numeric)).doubleValue())
                            .isCloseTo(((Number) in.get(numeric)).doubleValue(), within(1e-9));
                }
            }
            assertThat(out.get("w")).isEqualTo(in.get("w"));
            long n = (Long) in.get("n");
            long bucket = boundaries.stream().filter(bound -> bound <= n).count();
            String lower = bucket == 0 ? "-inf" : dev.veracity.data.ValueText.of(boundaries.get((int) bucket - 1));
            String upper =
                    bucket == boundaries.size() ? "inf" : dev.veracity.data.ValueText.of(boundaries.get((int) bucket));
            assertThat(out.get("n")).isEqualTo("[" + lower + ", " + upper + ")");
        }
    }

    @Test
    void theRecordInverseMapsUnseenTokensToMissing() throws IOException {
        Path train = Fitting.csv(dir, "t.csv", "id,x,y,m,w,n", List.of("1,1,2,3,red,4", "2,3,4,5,blue,6"));
        TransformFn fn = Fitting.fit(dir, SPEC, train);
        Map<String, Object> out = fn.apply(Map.of("id", 9L, "x", 2.0, "y", 3.0, "m", 4.0, "w", "mauve", "n", 5L));
        Map<String, Object> back = fn.inverse(out);
        assertThat((Double) back.get("x")).isCloseTo(2.0, within(1e-12));
        assertThat((Double) back.get("y")).isCloseTo(3.0, within(1e-12));
        assertThat((Double) back.get("m")).isCloseTo(4.0, within(1e-12));
        assertThat(back).doesNotContainKey("w").containsEntry("id", 9L);
        assertThat(fn.inverse(fn.apply(Map.of("w", "red")))).containsEntry("w", "red");
    }

    /** The first six columns of generated data, renamed: x, then x again as y and m (scaled differently), w, n. */
    private static List<String> rows(Path data) throws IOException {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : records(data)) {
            String x = r.get("x") == null ? "" : r.get("x").toString();
            Object w = r.get("w");
            rows.add(r.get("id") + "," + x + "," + x + "," + x + "," + (w == null ? "" : "\"" + w + "\"") + ","
                    + r.get("n"));
        }
        return rows;
    }

    private static List<Map<String, Object>> records(Path file) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        try (BatchSource source = Readers.open(file, ReadOptions.DEFAULT)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                for (int r = 0; r < b.get().rowCount(); r++) {
                    records.add(TransformVerify.record(b.get(), r));
                }
            }
        }
        return records;
    }
}
