package dev.veracity.beam.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import dev.veracity.io.EngineRun;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.convert.Converter;
import dev.veracity.transform.TransformAnalysis;
import dev.veracity.transform.TransformDirectory;
import dev.veracity.transform.TransformFit;
import dev.veracity.transform.TransformSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transform fit --engine beam} on the DirectRunner against the local fit: the same transform directory, file
 * for file and byte for byte (constants, vocabularies, input and output schemas, digests), for a spec with every
 * analyzed op, on CSV and Parquet, one file and several.
 */
class BeamTransformFitTest {
    static final String SPEC = """
            transforms:
              - {name: x_z, op: scale_to_z_score, input: x}
              - {name: x_01, op: scale_to_0_1, input: x}
              - {name: n_mm, op: scale_by_min_max, input: n, output_min: -1, output_max: 1}
              - {name: x_mean, op: impute, input: x, strategy: mean}
              - {name: x_median, op: impute, input: x, strategy: median}
              - {name: c_frequent, op: impute, input: c, strategy: most_frequent}
              - {name: x_bucket, op: bucketize, input: x, num_buckets: 7}
              - {name: n_bucket, op: bucketize, input: n, num_buckets: 4}
              - {name: c_id, op: compute_and_apply_vocabulary, input: c, top_k: 30, num_oov_buckets: 2}
              - {name: c_rare, op: compute_and_apply_vocabulary, input: c, frequency_threshold: 40}
              - {name: c_onehot, op: one_hot, input: c}
              - {name: words_tfidf, op: tfidf, input: words, top_k: 25}
              - {name: c_hash, op: hash_strings, input: c, hash_buckets: 16}
            keep: [id]
            """;

    @TempDir
    Path dir;

    /** Writes {@code files} CSV files of {@code rows} rows each: numbers (some missing), categories, text. */
    private List<Path> csvFiles(int files, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        String[] words = {"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa", "lambda"};
        List<Path> written = new ArrayList<>();
        int id = 0;
        for (int f = 0; f < files; f++) {
            StringBuilder text = new StringBuilder("id,x,n,c,words\n");
            for (int r = 0; r < rows; r++) {
                String x = random.nextInt(20) == 0 ? "" : Double.toString(random.nextGaussian() * 3 + f);
                int n = (int) Math.floor(Math.abs(random.nextGaussian()) * 50);
                String c = "cat" + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 60);
                StringBuilder doc = new StringBuilder();
                for (int w = random.nextInt(5); w > 0; w--) {
                    doc.append(doc.length() == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                }
                text.append(id++)
                        .append(',')
                        .append(x)
                        .append(',')
                        .append(n)
                        .append(',')
                        .append(c)
                        .append(',');
                text.append(doc).append('\n');
            }
            written.add(Files.writeString(dir.resolve("part-" + f + ".csv"), text, StandardCharsets.UTF_8));
        }
        return written;
    }

    private TransformSpec spec() throws IOException {
        return TransformSpec.read(Files.writeString(dir.resolve("spec.yaml"), SPEC, StandardCharsets.UTF_8));
    }

    private static EngineRun direct(List<Path> files) {
        return new EngineRun(files.stream().map(Path::toString).toList(), "direct", List.of(), 2);
    }

    /** {@return every file under the directory, by relative path, with its bytes as text} */
    private static Map<String, String> contents(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        directory.relativize(file).toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private void assertSameDirectories(TransformSpec spec, List<Path> files, ReadOptions read, String name)
            throws IOException {
        TransformFit.Fitted local = TransformFit.fitWithSummary(spec, files, read, Optional.empty());
        TransformFit.Fitted beam =
                TransformFit.fitWithSummary(spec, files, read, Optional.empty(), "beam", direct(files));
        Path localDir = dir.resolve(name + "-local");
        Path beamDir = dir.resolve(name + "-beam");
        TransformDirectory.write(local.fn(), local.summary(), localDir);
        TransformDirectory.write(beam.fn(), beam.summary(), beamDir);
        Map<String, String> expected = contents(localDir);
        assertThat(expected).containsKeys("constants.json", "transform.json");
        assertThat(expected.keySet()).anyMatch(path -> path.startsWith("vocabularies"));
        assertThat(contents(beamDir)).isEqualTo(expected);
        assertThat(beam.summary()).isEqualTo(local.summary());
        assertThat(beam.fn().constants()).isEqualTo(local.fn().constants());
    }

    @Test
    void severalCsvFilesGiveTheLocalTransformDirectory() throws IOException {
        List<Path> files = csvFiles(4, 2500, 1);
        assertSameDirectories(spec(), files, ReadOptions.DEFAULT, "csv");
        // the sketches compacted (more values than KLL's k), so the order of merging mattered and was kept
        assertThat(TransformFit.fit(spec(), files, ReadOptions.DEFAULT)
                        .constants()
                        .get(6)
                        .rankError())
                .isGreaterThan(0);
    }

    @Test
    void oneCsvFileGivesTheLocalTransformDirectory() throws IOException {
        assertSameDirectories(spec(), csvFiles(1, 3000, 2), ReadOptions.DEFAULT, "one");
    }

    @Test
    void severalParquetFilesGiveTheLocalTransformDirectory() throws IOException {
        List<Path> parquet = new ArrayList<>();
        for (Path csv : csvFiles(3, 2000, 3)) {
            Path file = dir.resolve(csv.getFileName().toString().replace(".csv", ".parquet"));
            Converter.convert(List.of(csv), ReadOptions.DEFAULT, file);
            parquet.add(file);
        }
        assertSameDirectories(spec(), parquet, ReadOptions.DEFAULT, "parquet");
    }

    @Test
    void skippedRecordsAreCountedAsLocally() throws IOException {
        List<Path> files = csvFiles(2, 500, 4);
        Files.writeString(
                files.get(1),
                "9999,1.5,3,cat1,\"unclosed\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        ReadOptions skip = ReadOptions.DEFAULT.withBadRecords(BadRecords.SKIP);
        assertSameDirectories(spec(), files, skip, "skip");
        assertThat(TransformFit.fitWithSummary(spec(), files, skip, Optional.empty(), "beam", direct(files))
                        .summary()
                        .skippedRecords())
                .isEqualTo(1);
    }

    @Test
    void aWorkersInputErrorReachesTheCallerAsItWasRaised() throws IOException {
        List<Path> files = csvFiles(2, 100, 5);
        Files.writeString(files.get(1), "id,x,n,c,words\n1,abc,3,cat1,\n", StandardCharsets.UTF_8);
        TransformSpec spec = spec();
        assertThatThrownBy(() -> TransformFit.fitWithSummary(
                        spec, files, ReadOptions.DEFAULT, Optional.empty(), "beam", direct(files)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("spec.yaml:")
                .hasMessageContaining("x");
    }

    @Test
    void theAnalyzerCacheIsTheLocalEnginesAndAnUnknownEngineIsNamed() throws IOException {
        List<Path> files = csvFiles(1, 10, 6);
        TransformSpec spec = spec();
        assertThatThrownBy(() -> TransformFit.fitWithSummary(
                        spec, files, ReadOptions.DEFAULT, Optional.of(dir.resolve("cache")), "beam", direct(files)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--cache");
        assertThatThrownBy(() -> TransformAnalysis.named("spark"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("local, beam");
    }
}
