package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.ReadOptions;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One CSV file read in chunks on several threads: the constants and the output files are the same, byte for byte, for
 * any number of threads and equal the single-chunk read; errors name their true line and record.
 */
class ChunkedCsvTest {
    private static final String SPEC = """
            transforms:
              - {name: z, op: scale_to_z_score, input: x}
              - {name: s01, op: scale_to_0_1, input: x}
              - {name: b, op: bucketize, input: x, num_buckets: 5}
              - {name: v, op: compute_and_apply_vocabulary, input: w, num_oov_buckets: 1}
              - {name: h, op: hash_strings, input: w, hash_buckets: 17}
              - {name: im, op: impute, input: n, strategy: median}
            keep: [id, text]
            """;

    @TempDir
    Path dir;

    /**
     * Rows whose text holds quoted line ends and commas and, now and then, a quote inside an unquoted field (read
     * literally, it misleads the chunk planner's guesses, which the in-order check then corrects).
     */
    private Path data(String name, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        String[] words = {"red", "green", "blue", "cyan", "ochre"};
        StringBuilder csv = new StringBuilder("id,x,n,w,text\n");
        for (int r = 0; r < rows; r++) {
            csv.append(r).append(',');
            csv.append(random.nextInt(10) == 0 ? "" : Double.toString(random.nextGaussian() * 3))
                    .append(',');
            csv.append(random.nextInt(7) == 0 ? "" : Integer.toString(random.nextInt(100)))
                    .append(',');
            csv.append(words[random.nextInt(words.length)]).append(',');
            int kind = random.nextInt(40);
            String text = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            if (kind == 0) {
                csv.append('"').append(text.replace(' ', '\n')).append("\n,\"\"x\"\"\"");
            } else if (kind == 1) {
                csv.append("ab\"c");
            } else {
                csv.append(text);
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve(name), csv, StandardCharsets.UTF_8);
    }

    private List<Constants> constants(TransformSpec spec, Path file, int threads, long chunkBytes) throws IOException {
        CsvTyping.FitReading once = CsvTyping.guessForFitReading(spec, List.of(file), ReadOptions.DEFAULT)
                .orElseThrow();
        FileAnalysis analysis =
                TransformFit.analyzeChunks(spec, List.of(file), once.read(), once.unparsed(), threads, chunkBytes);
        List<Constants> constants = new ArrayList<>();
        for (StepAnalyzer analyzer : analysis.analyzers()) {
            constants.add(analyzer.result());
        }
        assertThat(analysis.rows()).isEqualTo(30_000);
        return constants;
    }

    @Test
    void constantsAreTheSameForAnyNumberOfThreads() throws IOException {
        Path file = data("d.csv", 30_000);
        TransformSpec spec = Fitting.spec(dir, SPEC);
        List<Constants> one = constants(spec, file, 1, 50_000);
        assertThat(constants(spec, file, 3, 50_000)).isEqualTo(one);
        assertThat(constants(spec, file, 8, 50_000)).isEqualTo(one);
        // exact analyzers agree with a single chunk too: vocabularies and counts, min and max
        List<Constants> whole = constants(spec, file, 2, Long.MAX_VALUE / 4);
        assertThat(whole.get(3).vocabulary()).isEqualTo(one.get(3).vocabulary());
        assertThat(whole.get(0).count()).isEqualTo(one.get(0).count());
        assertThat(whole.get(1).min()).isEqualTo(one.get(1).min());
        assertThat(whole.get(1).max()).isEqualTo(one.get(1).max());
        assertThat(whole.get(0).mean()).isCloseTo(one.get(0).mean(), org.assertj.core.data.Offset.offset(1e-12));
    }

    /**
     * A text column that only {@code keep} or {@code hash_strings} reads is not parsed, yet the pass sees what parsing
     * it would: its type, a value count of at most one, the same constants; a text column empty in the first rows is
     * parsed (it may be empty throughout: value count 0).
     */
    @Test
    void textColumnsNoAnalyzerReadsAreNotParsedAndSeenTheSame() throws IOException {
        TransformSpec spec = Fitting.spec(dir, SPEC);
        Path file = data("keep.csv", 30_000);
        CsvTyping.FitReading once = CsvTyping.guessForFitReading(spec, List.of(file), ReadOptions.DEFAULT)
                .orElseThrow();
        assertThat(once.unparsed()).containsExactly("text");

        FileAnalysis skipping =
                TransformFit.analyzeChunks(spec, List.of(file), once.read(), once.unparsed(), 2, 50_000);
        FileAnalysis parsing = TransformFit.analyzeChunks(spec, List.of(file), once.read(), Set.of(), 2, 50_000);

        assertThat(skipping.types()).containsExactlyEntriesOf(parsing.types());
        assertThat(skipping.maxCounts()).containsExactlyEntriesOf(parsing.maxCounts());
        assertThat(skipping.rows()).isEqualTo(parsing.rows());
        assertThat(skipping.analyzers().stream().map(StepAnalyzer::result).toList())
                .isEqualTo(
                        parsing.analyzers().stream().map(StepAnalyzer::result).toList());

        Path emptyFirst = Files.writeString(
                dir.resolve("empty-first.csv"), "id,x,n,w,text\n1,2.5,3,red,\n2,1.5,4,blue,\n", StandardCharsets.UTF_8);
        CsvTyping.FitReading empty = CsvTyping.guessForFitReading(spec, List.of(emptyFirst), ReadOptions.DEFAULT)
                .orElseThrow();
        assertThat(empty.unparsed()).isEmpty();
        FileAnalysis none = TransformFit.analyzeChunks(spec, List.of(emptyFirst), empty.read(), empty.unparsed(), 2, 0);
        assertThat(none.maxCounts()).containsEntry("text", 0);
    }

    @Test
    void outputFilesAreTheSameForAnyNumberOfThreadsAndEqualOneChunk() throws IOException {
        Path file = data("d.csv", 30_000);
        TransformFit.Fitted fitted =
                TransformFit.fitWithSummary(Fitting.spec(dir, SPEC), List.of(file), ReadOptions.DEFAULT);
        Path tf = dir.resolve("tf");
        TransformDirectory.write(fitted.fn(), fitted.summary(), tf);
        TransformFn fn = TransformFn.load(tf);
        Schema schema = TransformDirectory.inputSchema(tf);
        for (String extension : List.of("csv", "jsonl", "parquet", "tfrecord")) {
            List<byte[]> outputs = new ArrayList<>();
            int[][] settings = {{1, 50_000}, {4, 50_000}, {2, 7_000}, {2, 0}};
            for (int[] setting : settings) {
                Path out = dir.resolve("out-" + setting[0] + "-" + setting[1] + "." + extension);
                TransformApply.Applied applied = TransformApply.apply(
                        fn, schema, List.of(file), ReadOptions.DEFAULT, out, Optional.empty(), setting[0], setting[1]);
                assertThat(applied.examples()).isEqualTo(30_000);
                outputs.add(Files.readAllBytes(out));
            }
            for (byte[] output : outputs) {
                assertThat(output).as(extension).isEqualTo(outputs.get(0));
            }
        }
        // and the rows are the per-record path's
        TransformVerify.Report report = TransformVerify.verify(fn, List.of(file), ReadOptions.DEFAULT, Long.MAX_VALUE);
        assertThat(report.mismatches()).isEmpty();
    }

    @Test
    void aWrongTypedCellInALaterChunkNamesItsTrueLine() throws IOException {
        Path file = data("d.csv", 30_000);
        TransformFit.Fitted fitted =
                TransformFit.fitWithSummary(Fitting.spec(dir, SPEC), List.of(file), ReadOptions.DEFAULT);
        Path tf = dir.resolve("tf");
        TransformDirectory.write(fitted.fn(), fitted.summary(), tf);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int at = lines.size() - 1000; // 0-based: line at + 1 of the file, a whole record after a whole record
        while (!wholeRecord(lines.get(at)) || !wholeRecord(lines.get(at - 1))) {
            at--;
        }
        String[] cells = lines.get(at).split(",", -1);
        cells[1] = "lots";
        lines.set(at, String.join(",", cells));
        Path bad = Files.write(dir.resolve("bad.csv"), lines, StandardCharsets.UTF_8);
        int lineNumber = at + 1;
        assertThatThrownBy(() -> TransformApply.apply(
                        TransformFn.load(tf),
                        TransformDirectory.inputSchema(tf),
                        List.of(bad),
                        ReadOptions.DEFAULT,
                        dir.resolve("out.csv"),
                        Optional.empty(),
                        2,
                        20_000))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CSV_VALUE_NOT_OF_SCHEMA_TYPE);
                    assertThat(e.getMessage()).startsWith(bad + ":" + lineNumber + ":2");
                });
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    private static boolean wholeRecord(String line) {
        return !line.contains("\"") && line.split(",", -1).length == 5;
    }
}
