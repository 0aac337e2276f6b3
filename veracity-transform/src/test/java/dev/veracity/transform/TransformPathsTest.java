package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.convert.Converter;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch and serving agree, constants come from the fitted span, and every input format gives the same output. */
class TransformPathsTest {
    /** A spec with every op. */
    static final String EVERY_OP = """
            transforms:
              - {name: z, op: scale_to_z_score, input: x}
              - {name: s01, op: scale_to_0_1, input: x}
              - {name: mm, op: scale_by_min_max, input: n, output_min: -1, output_max: 1}
              - {name: l, op: log1p, input: n}
              - {name: c, op: clip, input: x, min: -1, max: 1}
              - {name: im, op: impute, input: x, strategy: mean}
              - {name: imed, op: impute, input: n, strategy: median}
              - {name: itxt, op: impute, input: w, strategy: most_frequent}
              - {name: b, op: bucketize, input: x, num_buckets: 5}
              - {name: ab, op: apply_buckets, input: n, boundaries: [2, 5]}
              - {name: v, op: compute_and_apply_vocabulary, input: w, top_k: 4, num_oov_buckets: 2}
              - {name: vn, op: compute_and_apply_vocabulary, input: n}
              - {name: h, op: hash_strings, input: w, hash_buckets: 17}
              - {name: o, op: one_hot, input: w}
              - {name: cr, op: cross, inputs: [w, n], hash_buckets: 10}
              - {name: g, op: ngrams, input: text, ngram_range: [1, 2], separator: "_"}
              - {name: bw, op: bag_of_words, input: text}
              - {name: tf, op: tfidf, input: text, top_k: 6}
              - {name: hr, op: hour, input: t}
              - {name: dw, op: day_of_week, input: t}
              - {name: mo, op: month, input: t}
              - {name: cy, op: cyclic, input: t, part: year, function: cos}
            keep: [id, w]
            """;

    @TempDir
    Path dir;

    /** Rows of generated data with missing values, as CSV. */
    static Path data(Path dir, String name, long seed, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] words = {"red", "green", "blue", "cyan", "ochre", "a,b", "dé"};
        StringBuilder csv = new StringBuilder("id,x,n,w,text,t\n");
        for (int r = 0; r < rows; r++) {
            csv.append(r).append(',');
            csv.append(random.nextInt(10) == 0 ? "" : Double.toString(random.nextGaussian() * 3))
                    .append(',');
            csv.append(random.nextInt(8)).append(',');
            String w = words[random.nextInt(words.length)];
            csv.append(random.nextInt(12) == 0 ? "" : w.contains(",") ? "\"" + w + "\"" : w)
                    .append(',');
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(5); k > 0; k--) {
                text.append(words[random.nextInt(4)]).append(' ');
            }
            csv.append(text.toString().strip()).append(',');
            csv.append(1_700_000_000L + random.nextInt(50_000_000)).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv, StandardCharsets.UTF_8);
    }

    @SeededProperty(tries = 5)
    void batchAndServingGiveIdenticalValuesForEveryOp(long seed) throws IOException {
        Path data = data(dir, "d" + seed + ".csv", seed, 300 + (int) Math.floorMod(seed, 700));
        TransformFn fn = TransformFit.fit(
                TransformSpec.parse(dir.resolve("spec.yaml"), EVERY_OP), List.of(data), ReadOptions.DEFAULT);
        TransformVerify.Report report = TransformVerify.verify(fn, List.of(data), ReadOptions.DEFAULT, Long.MAX_VALUE);
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.rows()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void applyUsesTheFittedSpansConstantsOnAnotherSpan() throws IOException {
        Path first = data(dir, "span1.csv", 1, 500);
        Path second = Fitting.csv(dir, "span2.csv", "id,x,n,w,text,t", List.of("1,1000,1,purple,x,0"));
        TransformSpec spec = TransformSpec.parse(dir.resolve("spec.yaml"), EVERY_OP);
        TransformFn fn = TransformFit.fit(spec, List.of(first), ReadOptions.DEFAULT);
        TransformFit.Fitted fitted = TransformFit.fitWithSummary(spec, List.of(first), ReadOptions.DEFAULT);
        TransformDirectory.write(fitted.fn(), fitted.summary(), dir.resolve("tf"));
        Path out = dir.resolve("out.jsonl");
        TransformApply.apply(
                TransformFn.load(dir.resolve("tf")),
                TransformDirectory.inputSchema(dir.resolve("tf")),
                List.of(second),
                ReadOptions.DEFAULT,
                out,
                Optional.empty());
        Constants z = fn.constants().get(0);
        String line = Files.readAllLines(out).get(0);
        assertThat(line).contains("\"z\":" + (1000 - z.mean()) / z.stdDev());
        assertThat(line).contains("\"v\":" + (4 + Text.bucket("purple", 2)));
    }

    @Test
    void csvJsonLinesAndParquetInputsGiveTheSameOutputFiles() throws IOException {
        Path csv = data(dir, "d.csv", 7, 400);
        Path jsonl = dir.resolve("d.jsonl");
        Path parquet = dir.resolve("d.parquet");
        Converter.convert(List.of(csv), ReadOptions.DEFAULT, jsonl);
        Converter.convert(List.of(csv), ReadOptions.DEFAULT, parquet);
        String spec = EVERY_OP.replace(
                "  - {name: g, op: ngrams, input: text, ngram_range: [1, 2], separator: \"_\"}\n"
                        + "  - {name: bw, op: bag_of_words, input: text}\n"
                        + "  - {name: tf, op: tfidf, input: text, top_k: 6}\n",
                "");
        List<String> outputs = new ArrayList<>();
        for (Path input : List.of(csv, jsonl, parquet)) {
            TransformSpec transformSpec = TransformSpec.parse(dir.resolve("spec.yaml"), spec);
            TransformFit.Fitted fitted =
                    TransformFit.fitWithSummary(transformSpec, List.of(input), ReadOptions.DEFAULT);
            Path tf = dir.resolve("tf-" + input.getFileName());
            TransformDirectory.write(fitted.fn(), fitted.summary(), tf);
            for (String extension : List.of("jsonl", "parquet")) {
                Path out = dir.resolve("out-" + input.getFileName() + "." + extension);
                TransformApply.apply(
                        TransformFn.load(tf),
                        TransformDirectory.inputSchema(tf),
                        List.of(input),
                        ReadOptions.DEFAULT,
                        out,
                        Optional.empty());
                outputs.add(extension.equals("jsonl") ? Files.readString(out) : String.join("\n", rows(out)));
            }
            assertThat(Files.readString(tf.resolve("constants.json")))
                    .isEqualTo(Files.readString(dir.resolve("tf-d.csv").resolve("constants.json")));
        }
        assertThat(outputs.get(2)).isEqualTo(outputs.get(0));
        assertThat(outputs.get(4)).isEqualTo(outputs.get(0));
        assertThat(outputs.get(3)).isEqualTo(outputs.get(1));
        assertThat(outputs.get(5)).isEqualTo(outputs.get(1));
    }

    private static List<String> rows(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (BatchSource source = Readers.open(file, ReadOptions.DEFAULT)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                for (int r = 0; r < b.get().rowCount(); r++) {
                    rows.add(TransformVerify.record(b.get(), r).toString());
                }
            }
        }
        return rows;
    }

    @Test
    void theDirectoryRoundTripsAndRefusesDamageAndOtherVersions() throws IOException {
        Path data = data(dir, "d.csv", 3, 200);
        TransformSpec spec = TransformSpec.parse(dir.resolve("spec.yaml"), EVERY_OP);
        TransformFit.Fitted fitted = TransformFit.fitWithSummary(spec, List.of(data), ReadOptions.DEFAULT);
        Path tf = dir.resolve("tf");
        TransformDirectory.write(fitted.fn(), fitted.summary(), tf);
        TransformFn loaded = TransformFn.load(tf);
        assertThat(loaded.constants()).isEqualTo(fitted.fn().constants());
        assertThat(Files.readString(tf.resolve("output_schema.pbtxt")))
                .contains("name: \"v\"")
                .contains("int_domain {\n    min: 0\n    max: 5\n    is_categorical: true");
        Map<String, Object> record = Map.of("x", 0.5, "n", 3L, "w", "blue", "text", "red red", "t", 1_700_000_000L);
        assertThat(loaded.apply(record)).isEqualTo(fitted.fn().apply(record));

        Path vocabulary;
        try (var files = Files.list(tf.resolve("vocabularies"))) {
            vocabulary = files.sorted().findFirst().orElseThrow();
        }
        Files.writeString(vocabulary, "tampered\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> TransformFn.load(tf))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(vocabulary.getFileName() + ": expected SHA-256 ");

        TransformDirectory.write(fitted.fn(), fitted.summary(), tf);
        Path manifest = tf.resolve("transform.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\" : 1", "\"version\" : 2"));
        assertThatThrownBy(() -> TransformFn.load(tf))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("expected a transform directory of version 1, found version 2");
    }

    @Test
    void aDirectoryThatIsNotATransformIsNotReplaced() throws IOException {
        Path data = data(dir, "d.csv", 3, 50);
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("keep.txt"), "mine");
        TransformFit.Fitted fitted = TransformFit.fitWithSummary(
                TransformSpec.parse(dir.resolve("s.yaml"), "transforms: [{name: z, op: log1p, input: x}]"),
                List.of(data),
                ReadOptions.DEFAULT);
        assertThatThrownBy(() -> TransformDirectory.write(fitted.fn(), fitted.summary(), other))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("expected a new directory or a transform directory");
        assertThat(other.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void specErrorsNameFileLineAndColumn() throws IOException {
        Path data = data(dir, "d.csv", 3, 20);
        assertThatThrownBy(() -> TransformSpec.parse(
                        dir.resolve("s.yaml"), "transforms:\n  - {name: a, op: scale_to_zscore, input: x}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("s.yaml") + ":2:19: expected an op, found \"scale_to_zscore\"")
                .hasMessageContaining("scale_to_z_score");
        assertThatThrownBy(() -> TransformSpec.parse(
                        dir.resolve("s.yaml"),
                        "transforms:\n  - {name: a, op: bucketize, input: x, num_buckets: many}\n"))
                .hasMessageStartingWith(dir.resolve("s.yaml") + ":2:53: expected a whole number");
        assertThatThrownBy(() -> TransformSpec.parse(
                        dir.resolve("s.yaml"), "transforms:\n  - {name: a, op: log1p, input: x, top_k: 3}\n"))
                .hasMessageStartingWith(dir.resolve("s.yaml") + ":2:36: expected a known key, found \"top_k\"");
        TransformSpec missing =
                TransformSpec.parse(dir.resolve("s.yaml"), "transforms:\n  - {name: a, op: log1p, input: nope}\n");
        assertThatThrownBy(() -> TransformFit.fit(missing, List.of(data), ReadOptions.DEFAULT))
                .hasMessageStartingWith(dir.resolve("s.yaml") + ":2:33: expected a column nope in the data, found "
                        + "only id, x, n, w, text, t");
        TransformSpec text =
                TransformSpec.parse(dir.resolve("s.yaml"), "transforms:\n  - {name: a, op: scale_to_0_1, input: w}\n");
        assertThatThrownBy(() -> TransformFit.fit(text, List.of(data), ReadOptions.DEFAULT))
                .hasMessageStartingWith(dir.resolve("s.yaml") + ":2:40: expected a numeric column w for "
                        + "scale_to_0_1, found STRING");
    }
}
