package dev.veracity.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import dev.veracity.io.DataFormat;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.tfrecord.TfRecordWriter;
import dev.veracity.stats.DatasetAccumulator;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The readers' contract under arbitrary bytes: every input either is read (its statistics computed) or raises an
 * {@link InputException}; any other exception, a hang or running out of memory is a finding.
 *
 * <p>In a normal build this runs in Jazzer's regression mode: each file under
 * {@code src/test/resources/dev/veracity/io/fuzz/ReaderFuzzTestInputs/<method>/} (empty, truncated, huge-field and
 * corrupt files, and every finding so far) is one test. To fuzz for real (coverage-guided; new findings are saved
 * in that directory; the generated corpus goes to {@code .cifuzz-corpus/}), run by hand, one target at a time, for
 * the {@code maxDuration} of its annotation (150 s each: the four together about 10 minutes):
 * <pre>{@code
 * for t in csv jsonLines tfRecord tfRecordExamples; do JAZZER_FUZZ=1 ./mvnw -B -o -pl veracity-io -am test \
 *     -Dtest="ReaderFuzzTest#$t" -Dsurefire.failIfNoSpecifiedTests=false; done
 * }</pre>
 */
class ReaderFuzzTest {
    private static final Path INPUT = temporaryFile();

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("veracity-fuzz", ".input");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "150s")
    void csv(byte[] input) throws IOException {
        readBothWays(input, DataFormat.CSV);
    }

    @FuzzTest(maxDuration = "150s")
    void jsonLines(byte[] input) throws IOException {
        readBothWays(input, DataFormat.JSONL);
    }

    @FuzzTest(maxDuration = "150s")
    void tfRecord(byte[] input) throws IOException {
        readBothWays(input, DataFormat.TFRECORD);
    }

    /**
     * Frames the input as valid TFRecord records (cut at its zero bytes), so that the fuzzer reaches the tf.Example
     * decoder past the checksums it cannot forge.
     */
    @FuzzTest(maxDuration = "150s")
    void tfRecordExamples(byte[] input) throws IOException {
        java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream();
        TfRecordWriter writer = new TfRecordWriter(framed);
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == 0) {
                writer.write(java.util.Arrays.copyOfRange(input, start, i));
                start = i + 1;
            }
        }
        readBothWays(framed.toByteArray(), DataFormat.TFRECORD);
    }

    private static void readBothWays(byte[] input, DataFormat format) throws IOException {
        Files.write(INPUT, input);
        for (BadRecords policy : BadRecords.values()) {
            ReadOptions options = ReadOptions.DEFAULT.withFormat(format).withBadRecords(policy);
            try (BatchSource source = Readers.open(INPUT, options)) {
                DatasetAccumulator statistics = new DatasetAccumulator(StatisticsOptions.DEFAULT);
                for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                    statistics.add(b.get());
                }
                statistics.result("");
            } catch (InputException expected) {
                // The documented outcome for a malformed input.
            }
        }
    }
}
